"""Generates tests/data/botocore_more.json for two more SSM operations
(DescribeMaintenanceWindowExecutionTaskInvocations, GetMaintenanceWindowTask), whose types are
generated under include/awsjson/ssm/ (tests/test_generated.cpp):
  responses: random bodies built from the installed botocore model, and what botocore's
             JSONParser makes of them, re-expressed as the JSON awsjson writes for that value
             (timestamps as epoch seconds, blobs as base64), so the test compares JSON to JSON;
  requests:  random inputs, and the body botocore's serializer sends for them.
Part of tools/gen_botocore_vectors.py."""
import base64
import datetime
import decimal
import json
import random

import botocore
import botocore.session
from botocore import parsers, serialize

OPERATIONS = ['DescribeMaintenanceWindowExecutionTaskInvocations', 'GetMaintenanceWindowTask']
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
TEXT = 'abcXYZ019 -_./:é漢😀"\\\n\t'


def rand_string(rng, shape):
    if shape.enum:
        return rng.choice(list(shape.enum) + ['FUTURE_VALUE'])
    lo = shape.metadata.get('min', 0)
    hi = min(shape.metadata.get('max', 24), 24)
    n = rng.randint(min(lo, hi), max(lo, hi))
    return ''.join(rng.choice(TEXT) for _ in range(n))


def rand_value(rng, shape, depth=0):
    """A random wire value (as Python JSON data) of a botocore shape."""
    t = shape.type_name
    if t == 'structure':
        out = {}
        for name, member in shape.members.items():
            if name in shape.required_members or (depth < 4 and rng.random() < 0.7):
                out[name] = rand_value(rng, member, depth + 1)
        return out
    if t == 'list':
        lo = shape.metadata.get('min', 0)
        n = rng.randint(lo, max(lo, min(shape.metadata.get('max', 3), 3)))
        return [rand_value(rng, shape.member, depth + 1) for _ in range(n if depth < 5 else lo)]
    if t == 'map':
        n = rng.randint(0, 3) if depth < 5 else 0
        return {rand_string(rng, shape.key) + str(i): rand_value(rng, shape.value, depth + 1) for i in range(n)}
    if t == 'string':
        return rand_string(rng, shape)
    if t in ('integer', 'long'):
        lo = shape.metadata.get('min', -1000)
        return rng.randint(lo, shape.metadata.get('max', lo + 100000))
    if t == 'boolean':
        return rng.random() < 0.5
    if t == 'timestamp':
        ms = rng.randint(0, 4_000_000_000_000)
        return decimal.Decimal(ms) / 1000
    if t == 'blob':
        return base64.b64encode(bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 12)))).decode()
    raise ValueError(t)


def default(o):
    if isinstance(o, decimal.Decimal):
        return float(o)
    raise TypeError(o)


def dump_wire(value):
    # Decimal timestamps are written with their exact digits.
    text = json.dumps(value, default=default, ensure_ascii=False)
    return text


def to_awsjson(value, shape):
    """botocore's parsed value, as the JSON awsjson writes for the same typed value."""
    t = shape.type_name
    if t == 'structure':
        return {k: to_awsjson(value[k], m) for k, m in shape.members.items() if k in value}
    if t == 'list':
        return [to_awsjson(v, shape.member) for v in value]
    if t == 'map':
        return {k: to_awsjson(v, shape.value) for k, v in value.items()}
    if t == 'timestamp':
        delta = value - EPOCH
        ms = (delta.days * 86400 + delta.seconds) * 1000 + delta.microseconds // 1000
        return ms / 1000
    if t == 'blob':
        return base64.b64encode(value).decode()
    return value


def generate(count=60, seed=20261129):
    """The committed vectors: tests/data/botocore_more.json."""
    rng = random.Random(seed)
    model = botocore.session.get_session().get_service_model('ssm')
    parser = parsers.create_parser('json')
    serializer = serialize.create_serializer('json', include_validation=False)
    out = {'generator': 'tools/gen_botocore_vectors.py', 'botocore': botocore.__version__, 'operations': {}}
    for name in OPERATIONS:
        op = model.operation_model(name)
        responses, requests = [], []
        for _ in range(count):
            body = dump_wire(rand_value(rng, op.output_shape))
            parsed = parser.parse({'body': body.encode(), 'headers': {}, 'status_code': 200}, op.output_shape)
            parsed.pop('ResponseMetadata', None)
            responses.append({'body': body, 'expected': to_awsjson(parsed, op.output_shape)})
            params = rand_value(rng, op.input_shape)
            req = serializer.serialize_to_request(params, op)
            requests.append({'input': params, 'headers': dict(req['headers']), 'body': req['body'].decode()})
        out['operations'][name] = {'responses': responses, 'requests': requests}
    return json.dumps(out, ensure_ascii=False, indent=1, default=default) + '\n'
