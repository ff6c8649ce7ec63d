"""Generates tests/data/services/SERVICE.json: for the operations of a committed model
(models/SERVICE.json), varied outputs with what botocore's parser makes of them and varied inputs
with the body and headers botocore's serializer sends for them. The C++ tests (tests/services/) need
no Python.

  which    every operation (SSM, DynamoDB, Identity Store), or a deterministic sample of the others
           (sample_operations): the operation whose output reaches the most shapes, one reaching a
           structure that holds itself by value, one with a float, a union, a document, a host
           prefix, and seeded picks, at least three in all. The sampled services' list of operations is also written as
           C++ (tests/services/sampled/SERVICE.hpp) for the test to compile just those.
  outputs  kinds: all (every member, to a depth), required (required members only), unknown (every
           member plus members of every JSON type and enum values this model does not know, and
           unknown union variants), random (each member with probability 1/2; two of them), and,
           where the output reaches a recursive shape, deep (one recursive member followed per
           level, DEEP_DEPTH levels down). Each holds the wire `body` and `expected`: botocore's
           parse re-expressed as the JSON awsjson writes for the same value (timestamps as epoch
           seconds, blobs as base64, an unknown union variant as its raw JSON, a float beyond
           float's range as an infinity, as aws-sdk-go-v2 and smithy-rs read it; botocore keeps
           the number), so a test compares JSON to JSON. Union variants rotate through the vectors;
           documents are nested JSON of every kind.
  inputs   two random inputs: `input` (the wire form) and the `headers` (X-Amz-Target, Content-Type,
           x-amzn-query-mode of awsQueryCompatible services), `host_prefix` and `body` botocore's
           serializer makes of it. botocore writes input timestamps in whole seconds (its default
           precision): inputs use whole seconds.
  query_errors  (awsQueryCompatible services) each error shape of the operation answered with an
           x-amzn-query-error header, and the code and fault botocore reads from it.
  secrets  every string under a sensitive shape is `PLANTED-SECRET-n`: a test prints each value
           and fails if the marker shows.

Part of tools/gen_botocore_vectors.py."""
import base64
import datetime
import decimal
import json
import pathlib
import random
import re

import botocore
from botocore import parsers, serialize
from botocore.model import ServiceModel

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
TEXT = 'abcXYZ019 -_./:é漢😀"\\\n\t'
MARKER = 'PLANTED-SECRET-'
# Members no model has, one of every JSON type (and nested): skipped by every decoder.
FUTURE_MEMBER = {
    'AwsjsonFutureObject': {'nested': [1, 2.5, {'k': 'v'}, None, True]},
    'AwsjsonFutureArray': [[], {}, 'x', -0.0, 1e-300],
    'AwsjsonFutureString': 'é"\\\u2028漢😀',
    'AwsjsonFutureNumber': -12345678901234567890.5e-3,
    'AwsjsonFutureTrue': True,
    'AwsjsonFutureFalse': False,
    'AwsjsonFutureNull': None,
}
MAX_DEPTH = 4
DEEP_DEPTH = 24  # structure levels of a `deep` vector: recursion well past the silent walk's unrolled levels
FLT_MAX = 3.4028234663852886e38
SAMPLE_SIZE = 3


class Maker:
    def __init__(self, rng, mode, for_input=False, recursive=frozenset(), toward=frozenset()):
        self.rng, self.mode, self.for_input = rng, mode, for_input
        self.recursive = recursive  # (shape, member) pairs whose target leads back to the shape
        self.toward = toward  # shapes from which a recursive one can be reached
        self.secrets = 0
        self.unions = 0

    def string(self, shape, sensitive):
        if shape.enum:
            if self.mode == 'unknown':
                return 'FUTURE_VALUE'
            return shape.enum[self.rng.randrange(len(shape.enum))]
        if sensitive:
            self.secrets += 1
            return '%s%d' % (MARKER, self.secrets)
        lo = shape.metadata.get('min', 0)
        hi = max(lo, min(shape.metadata.get('max', 8), 8))
        return ''.join(self.rng.choice(TEXT) for _ in range(self.rng.randint(lo, hi)))

    def document(self, depth):
        r = self.rng
        leaves = [None, True, False, 0, -7, 12345678901234567, 2.5, -1e-7, 'text', 'é"\\\n漢😀']
        if depth >= 3:
            return r.choice(leaves)
        if r.random() < 0.5:
            return {'k%d' % i: self.document(depth + 1) for i in range(r.randint(0, 3))}
        return [self.document(depth + 1) for _ in range(r.randint(0, 3))]

    def value(self, shape, depth=0, sensitive=False):
        """(wire value, botocore parameter) of a shape."""
        sensitive = sensitive or shape.metadata.get('sensitive', False)
        t, r = shape.type_name, self.rng
        if t == 'structure' and shape.is_document_type:
            v = self.document(0)
            return v, v
        if t == 'structure' and self.mode == 'deep':
            return self.deep(shape, depth, sensitive)
        if t == 'structure' and shape.is_tagged_union:
            names = list(shape.members)
            self.unions += 1
            if self.mode == 'unknown' and not self.for_input and self.unions % 3 == 0:
                return {'AwsjsonFutureVariant': {'x': [1, 'y']}}, None
            name = names[(self.unions + r.randrange(len(names))) % len(names)]
            w, p = self.value(shape.members[name], depth + 1, sensitive)
            return {name: w}, {name: p}
        if t == 'structure':
            wire, param = {}, {}
            for name, member in shape.members.items():
                if name in shape.required_members:
                    take = True
                elif self.mode in ('all', 'unknown'):
                    take = depth < MAX_DEPTH
                elif self.mode == 'random':
                    take = depth < MAX_DEPTH and r.random() < 0.5
                else:
                    take = False
                if take:
                    wire[name], param[name] = self.value(member, depth + 1, sensitive)
            if self.mode == 'unknown' and not self.for_input:
                wire.update(FUTURE_MEMBER)
            return wire, param
        if t == 'list':
            lo = shape.metadata.get('min', 0)
            n = max(lo, 1 if depth < MAX_DEPTH else 0)
            if self.mode == 'random':
                n = max(lo, r.randint(0, 2) if depth < MAX_DEPTH else 0)
            items = [self.value(shape.member, depth + 1, sensitive) for _ in range(n)]
            return [w for w, _ in items], [p for _, p in items]
        if t == 'map':
            n = (1 if self.mode != 'random' else r.randint(0, 2)) if depth < MAX_DEPTH else 0
            wire, param = {}, {}
            for i in range(n):
                k = self.string(shape.key, False)
                k = k if shape.key.enum else k + str(i)
                wire[k], param[k] = self.value(shape.value, depth + 1, sensitive)
            return wire, param
        if t == 'string':
            v = self.string(shape, sensitive)
            return v, v
        if t in ('integer', 'long'):
            lo = shape.metadata.get('min', -1000)
            big = 2**62 if t == 'long' and r.random() < 0.3 else 100000
            v = r.randint(lo, shape.metadata.get('max', lo + big))
            return v, v
        if t == 'double':
            v = r.choice([0.5, -12.25, 1e300, 3.0, 0.1, 6.02214076e23])
            return v, v
        if t == 'float':  # exact in a float; outputs also beyond its range
            v = r.choice([0.5, -12.25, 3.0, 1048576.5] + ([] if self.for_input else [1e300, -3.5e38]))
            return v, v
        if t == 'boolean':
            v = r.random() < 0.5
            return v, v
        if t == 'timestamp':
            iso = shape.serialization.get('timestampFormat') == 'iso8601'
            if self.for_input:
                s = r.randint(0, 4_000_000_000)
                return (iso_text(s * 1000) if iso else s), s
            ms = r.randint(0, 4_000_000_000_000)
            return (iso_text(ms) if iso else decimal.Decimal(ms) / 1000), None
        if t == 'blob':
            raw = bytes(r.getrandbits(8) for _ in range(r.randint(0, 12)))
            return base64.b64encode(raw).decode(), raw
        raise ValueError(t)

    def deep(self, shape, depth, sensitive):
        """A structure's required members and, while depth < DEEP_DEPTH, one of its recursive
        members (rotating), or else one leading to a recursive shape, each list or map of them one
        element long; shallow members near the top."""
        recursive = [n for n in shape.members if (shape.name, n) in self.recursive]
        recursive = recursive or [n for n, m in shape.members.items() if m.name in self.toward]
        follow = recursive[depth % len(recursive)] if recursive and depth < DEEP_DEPTH else None
        wire, param = {}, {}
        for name, member in shape.members.items():
            if shape.is_tagged_union:
                take = name == (follow or next(iter(shape.members)))
            else:
                take = name in shape.required_members or name == follow or (depth < 1 and name not in recursive)
            if take:
                wire[name], param[name] = self.deep_value(member, depth + 1, sensitive)
        return wire, param

    def deep_value(self, shape, depth, sensitive):
        if shape.type_name == 'list':
            w, p = self.deep_value(shape.member, depth, sensitive)
            return [w], [p]
        if shape.type_name == 'map':
            w, p = self.deep_value(shape.value, depth, sensitive)
            k = self.string(shape.key, False)
            return {k: w}, {k: p}
        if shape.type_name == 'structure' and not shape.is_document_type:
            return self.deep(shape, depth, sensitive or shape.metadata.get('sensitive', False))
        saved, self.mode = self.mode, 'required'
        try:
            return self.value(shape, depth, sensitive)
        finally:
            self.mode = saved


def iso_text(ms):
    """A date-time (@timestampFormat("date-time")) as awsjson writes it: UTC, milliseconds with
    trailing zeros dropped."""
    when = EPOCH + datetime.timedelta(milliseconds=ms)
    fraction = ('.%03d' % (ms % 1000)).rstrip('0').rstrip('.')
    return when.strftime('%Y-%m-%dT%H:%M:%S') + fraction + 'Z'


def default(o):
    if isinstance(o, decimal.Decimal):
        return float(o)
    raise TypeError(o)


def to_awsjson(value, shape, wire):
    """botocore's parsed value, as the JSON awsjson writes for the same typed value."""
    t = shape.type_name
    if t == 'structure' and shape.is_document_type:
        return value
    if t == 'structure':
        if 'SDK_UNKNOWN_MEMBER' in value:  # an unknown union variant: awsjson keeps its raw JSON
            tag = value['SDK_UNKNOWN_MEMBER']['name']
            return {tag: wire[tag]}
        return {k: to_awsjson(value[k], m, wire[k]) for k, m in shape.members.items() if k in value}
    if t == 'list':
        return [to_awsjson(v, shape.member, w) for v, w in zip(value, wire)]
    if t == 'map':
        return {k: to_awsjson(v, shape.value, wire[k]) for k, v in value.items()}
    if t == 'timestamp':
        delta = value - EPOCH
        ms = (delta.days * 86400 + delta.seconds) * 1000 + delta.microseconds // 1000
        return iso_text(ms) if shape.serialization.get('timestampFormat') == 'iso8601' else ms / 1000
    if t == 'blob':
        return base64.b64encode(value).decode()
    if t == 'float' and abs(value) > FLT_MAX:  # beyond a float: an infinity, as aws-sdk-go-v2 and smithy-rs
        return 'Infinity' if value > 0 else '-Infinity'
    return value


# ---- which operations --------------------------------------------------------------------------


def targets(shape):
    """The shapes a shape's members, elements, keys and values name (raw model JSON)."""
    if shape['type'] == 'structure':
        return [m['shape'] for m in shape.get('members', {}).values()]
    if shape['type'] == 'list':
        return [shape['member']['shape']]
    if shape['type'] == 'map':
        return [shape['key']['shape'], shape['value']['shape']]
    return []


def reachable(shapes, start):
    seen, todo = set(), [start]
    while todo:
        s = todo.pop()
        if s not in seen:
            seen.add(s)
            todo.extend(targets(shapes[s]))
    return seen


def recursive_members(shapes):
    """(structure, member) pairs whose target reaches the structure again."""
    out = set()
    for name, s in shapes.items():
        if s['type'] == 'structure':
            for member, m in s.get('members', {}).items():
                if name in reachable(shapes, m['shape']):
                    out.add((name, member))
    return frozenset(out)


def sample_operations(service, data, recursive):
    """A deterministic sample of a service's operations (see the module's doc), in model order."""
    shapes, ops = data['shapes'], data['operations']
    names = sorted(n for n in ops if awsjson_generates(data, n))
    reach = {n: reachable(shapes, ops[n]['output']['shape']) if 'output' in ops[n] else set() for n in names}
    in_cycle = {s for s, _ in recursive}
    chosen = []

    def pick(candidates):
        chosen.extend(list(n for n in candidates if n not in chosen)[:1])

    pick(sorted(names, key=lambda n: (-len(reach[n]), n)))
    pick(n for n in names if reach[n] & in_cycle)
    pick(n for n in names if any(shapes[s]['type'] == 'float' for s in reach[n]))
    pick(n for n in names if any(shapes[s].get('union') for s in reach[n]))
    pick(n for n in names if any(shapes[s].get('document') for s in reach[n]))
    pick(n for n in names if 'endpoint' in ops[n])  # a host prefix
    rest = [n for n in names if n not in chosen]
    random.Random(service).shuffle(rest)
    chosen += rest[:max(0, SAMPLE_SIZE - len(chosen))]
    return [n for n in names if n in chosen]


def awsjson_generates(data, op_name):
    """tools/awsjson_gen.py leaves event-stream operations out (docs/generators.md)."""
    shapes, op = data['shapes'], data['operations'][op_name]
    for part in ('input', 'output'):
        if part in op:
            for s in reachable(shapes, op[part]['shape']):
                if shapes[s].get('eventstream'):
                    return False
    return True


def query_errors(op, data, parser):
    """Each error of an awsQueryCompatible operation answered with x-amzn-query-error, as botocore reads it."""
    out = []
    for err in op.error_shapes:
        code = err.metadata.get('error', {}).get('code') or 'AWS.Awsjson.%sCode' % err.name
        fault = 'Sender' if err.metadata.get('error', {}).get('senderFault', True) else 'Receiver'
        headers = {'x-amzn-query-error': '%s;%s' % (code, fault)}
        body = json.dumps({'__type': '%s#%s' % (data['metadata'].get('targetPrefix', 'x'), err.name), 'message': 'm'})
        parsed = parser.parse({'body': body.encode(), 'headers': headers, 'status_code': 400}, None)
        out.append({'shape': err.name, 'headers': headers, 'body': body,
                    'code': parsed['Error']['Code'], 'fault': parsed['Error'].get('Type', ''),
                    'query_error_code': parsed['Error'].get('QueryErrorCode', '')})
    return out


def generate(service, sample=False, seed=20261202):
    """The committed vectors of a service: tests/data/services/SERVICE.json (every operation, or a
    sample of them)."""
    root = pathlib.Path(__file__).resolve().parent.parent.parent
    data = json.loads((root / 'models' / ('%s.json' % service)).read_text())
    model = ServiceModel(data, service)
    rng = random.Random(seed)
    parser = parsers.create_parser('json')
    serializer = serialize.create_serializer('json', include_validation=False)
    recursive = recursive_members(data['shapes'])
    if sample:
        names = sample_operations(service, data, recursive)
    else:
        names = [n for n in model.operation_names if awsjson_generates(data, n)]
    out = {'generator': 'tools/gen_botocore_vectors.py', 'botocore': botocore.__version__,
           'model': data['metadata'].get('awsjsonImportedFrom', ''), 'operations': {}}
    cycle_shapes = {s for s, _ in recursive}
    toward = frozenset(s for s in data['shapes'] if reachable(data['shapes'], s) & cycle_shapes)
    for name in names:
        op = model.operation_model(name)
        outputs, inputs = [], []
        if op.output_shape is not None:
            modes = ['all', 'required', 'unknown', 'random', 'random']
            if reachable(data['shapes'], op.output_shape.name) & cycle_shapes:
                modes.append('deep')
            for mode in modes:
                wire, _ = Maker(rng, mode, recursive=recursive, toward=toward).value(op.output_shape)
                body = json.dumps(wire, default=default, ensure_ascii=False)
                parsed = parser.parse({'body': body.encode(), 'headers': {}, 'status_code': 200}, op.output_shape)
                parsed.pop('ResponseMetadata', None)
                wire_back = json.loads(body)
                outputs.append({'kind': mode, 'body': body, 'expected': to_awsjson(parsed, op.output_shape, wire_back)})
        for mode in ('all', 'random'):
            if op.input_shape is None:
                wire, params = {}, {}
            else:
                wire, params = Maker(rng, mode, for_input=True).value(op.input_shape)
            req = serializer.serialize_to_request(params, op)
            body = req['body'].decode('utf-8') if isinstance(req['body'], bytes) else req['body']
            case = {'kind': mode, 'input': wire, 'headers': {k: v for k, v in req['headers'].items()}, 'body': body}
            if req.get('host_prefix'):
                case['host_prefix'] = req['host_prefix']
            inputs.append(case)
        entry = {'outputs': outputs, 'inputs': inputs}
        if 'awsQueryCompatible' in data['metadata']:
            entry['query_errors'] = query_errors(op, data, parser)
        out['operations'][name] = entry
    return json.dumps(out, ensure_ascii=False, separators=(',', ':'), default=default) + '\n'


def sampled_header(service, vectors):
    """(path, text) of tests/services/sampled/ID.hpp: the sampled operations' headers and a list of
    their descriptors, found in the generated service (services/include/awsjson/ID/)."""
    root = pathlib.Path(__file__).resolve().parent.parent.parent
    ident = service.replace('-', '_')
    found = {}
    for h in sorted((root / 'services' / 'include' / 'awsjson' / ident).glob('*.hpp')):
        text = h.read_text()
        m = re.search(r'^struct (\w+) \{\n  using input = .*?static constexpr std::string_view name = "(\w+)";',
                      text, re.M | re.S)
        if m:
            found[m.group(2)] = (h.name, m.group(1))
    ops = list(json.loads(vectors)['operations'])
    lines = ['// The operations of %s whose vectors tests/data/services/%s.json holds (a sample).' % (service, service),
             '// Generated by tools/gen_botocore_vectors.py. Do not edit: regenerate.',
             '#pragma once', '', '#include <string_view>', '', '#include <boost/mp11/list.hpp>', '']
    lines += ['#include <awsjson/%s/%s>' % (ident, found[o][0]) for o in ops]
    lines += ['', 'namespace awsjson_test_sampled::%s {' % ident, '', 'struct service {',
              '  static constexpr std::string_view name = "%s";' % service, '  // clang-format off',
              '  using operations = boost::mp11::mp_list<%s>;' % ', '.join('awsjson::%s::%s' % (ident, found[o][1]) for o in ops),
              '  // clang-format on', '};', '', '}  // namespace awsjson_test_sampled::%s' % ident, '']
    return 'tests/services/sampled/%s.hpp' % ident, '\n'.join(lines)
