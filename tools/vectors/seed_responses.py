"""Generates tests/data/botocore_responses.json: varied GetMaintenanceWindowExecutionTaskInvocation
response bodies and what botocore's own parser (botocore.parsers.JSONParser with the installed SSM
model) makes of them. The C++ test decodes every body with awsjson and compares every member.

Timestamps are recorded as epoch milliseconds, floored from botocore's microsecond datetime; the
generator only emits timestamps whose value botocore represents exactly, so flooring is exact.
Part of tools/gen_botocore_vectors.py."""
import datetime
import json
import random
import uuid

import botocore
import botocore.session
from botocore import parsers

MEMBERS = ['WindowExecutionId', 'TaskExecutionId', 'InvocationId', 'ExecutionId', 'TaskType', 'Parameters',
           'Status', 'StatusDetails', 'StartTime', 'EndTime', 'OwnerInformation', 'WindowTargetId']
TASK_TYPES = ['RUN_COMMAND', 'AUTOMATION', 'STEP_FUNCTIONS', 'LAMBDA']
STATUSES = ['PENDING', 'IN_PROGRESS', 'SUCCESS', 'FAILED', 'TIMED_OUT', 'CANCELLING', 'CANCELLED', 'SKIPPED_OVERLAPPING']
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def rand_text(rng, n):
    alphabet = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-=;:"\\/\n\t{}[]' + 'éü漢字😀'
    return ''.join(rng.choice(alphabet) for _ in range(n))


def parameters(rng):
    doc = {'documentName': rng.choice(['AWS-RunShellScript', 'AWS-RunPowerShellScript', 'AWS-ApplyPatchBaseline']),
           'parameters': {'commands': [rand_text(rng, rng.randint(0, 30)) for _ in range(rng.randint(1, 4))]},
           'timeoutSeconds': rng.randint(30, 3600)}
    return json.dumps(doc, ensure_ascii=rng.random() < 0.5)


def timestamp_text(rng):
    """A JSON value for a timestamp in one of the forms SSM sends, and its exact epoch milliseconds."""
    ms = rng.randint(-2_000_000_000_000, 4_000_000_000_000)
    secs, frac = divmod(ms, 1000)
    form = rng.randint(0, 5)
    if form == 0 or frac == 0 and form < 3:
        return str(secs), secs * 1000
    if form == 1:
        text = ('%d.%03d' % (secs, frac)).rstrip('0').rstrip('.') if ms >= 0 else None
        if text is not None:
            return text, ms
        return str(secs), secs * 1000
    if form == 2:  # Java-style exponent, as SSM sends: 1.7000000001E9, -6.21355968E10
        digits = str(abs(ms))
        mant = (digits[0] + '.' + digits[1:]).rstrip('0').rstrip('.') if len(digits) > 1 else digits
        exp = len(digits) - 1 - 3
        return ('-' if ms < 0 else '') + mant + 'E' + str(exp), ms
    if form == 3:  # whole seconds in exponent form with a lowercase e and sign
        sign, mag = ('-' if secs < 0 else ''), abs(secs)
        whole, rest = divmod(mag, 10**6)
        return '%s%d.%06de+6' % (sign, whole, rest), secs * 1000
    if form == 4:
        when = EPOCH + datetime.timedelta(milliseconds=ms)
        text = when.strftime('%Y-%m-%dT%H:%M:%S') + ('.%03dZ' % (ms % 1000))
        return json.dumps(text), ms
    when = EPOCH + datetime.timedelta(seconds=secs)
    return json.dumps(when.strftime('%a, %d %b %Y %H:%M:%S GMT')), secs * 1000


def member_value(rng, name):
    if name in ('WindowExecutionId', 'TaskExecutionId', 'InvocationId', 'ExecutionId', 'WindowTargetId'):
        return json.dumps(str(uuid.UUID(int=rng.getrandbits(128))))
    if name == 'TaskType':
        return json.dumps(rng.choice(TASK_TYPES + ['NEW_TASK_TYPE']))
    if name == 'Status':
        return json.dumps(rng.choice(STATUSES + ['SOME_FUTURE_STATUS']))
    if name in ('Parameters', 'StatusDetails', 'OwnerInformation'):
        text = parameters(rng) if name == 'Parameters' else rand_text(rng, rng.randint(1, 60))
        return json.dumps(text, ensure_ascii=rng.random() < 0.5)
    raise KeyError(name)


def body(rng):
    parts = []
    for name in MEMBERS:
        roll = rng.random()
        if roll < 0.15:
            continue
        if roll < 0.2:
            parts.append('"%s":null' % name)
            continue
        if name in ('StartTime', 'EndTime'):
            text, _ = timestamp_text(rng)
        else:
            text = member_value(rng, name)
        parts.append('"%s":%s' % (name, text))
    if rng.random() < 0.3:  # members a newer service version might add
        parts.insert(rng.randint(0, len(parts)), '"FutureMember":{"a":[1,2.5,"x",null,true],"b":{}}')
    rng.shuffle(parts) if rng.random() < 0.3 else None
    sep = rng.choice([',', ', ', ',\n  '])
    return '{' + sep.join(parts) + '}'


def to_expected(parsed):
    out = {}
    for name in MEMBERS:
        if name not in parsed:
            continue
        v = parsed[name]
        if isinstance(v, datetime.datetime):
            delta = v - EPOCH
            us = (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds
            out[name] = us // 1000
        else:
            out[name] = v
    return out


def generate(count=300, seed=20261129):
    """The committed vectors: tests/data/botocore_responses.json."""
    rng = random.Random(seed)
    model = botocore.session.get_session().get_service_model('ssm')
    shape = model.operation_model('GetMaintenanceWindowExecutionTaskInvocation').output_shape
    parser = parsers.create_parser('json')
    cases = []
    while len(cases) < count:
        text = body(rng)
        json.loads(text)  # every body is valid JSON: botocore would silently turn a broken one into {}
        parsed = parser.parse({'body': text.encode('utf-8'), 'headers': {}, 'status_code': 200}, shape)
        cases.append({'body': text, 'expected': to_expected(parsed)})
    return json.dumps({'generator': 'tools/gen_botocore_vectors.py', 'botocore': botocore.__version__,
                       'cases': cases}, ensure_ascii=False, indent=1) + '\n'
