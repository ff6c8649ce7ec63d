"""Generates tests/data/services/SERVICE.json: for every operation of a committed model
(models/SERVICE.json), varied outputs with what botocore's parser makes of them and varied inputs
with the body botocore's serializer sends for them. The C++ tests (tests/services/) need no Python.

  outputs  kinds: all (every member, to a depth), required (required members only), unknown (every
           member plus members and enum values this model does not know, and unknown union
           variants), random (each member with probability 1/2; two of them). Each holds the wire
           `body` and `expected`: botocore's parse re-expressed as the JSON awsjson writes for the
           same value (timestamps as epoch seconds, blobs as base64, an unknown union variant as
           its raw JSON), so a test compares JSON to JSON. Union variants rotate through the
           vectors; documents are nested JSON of every kind.
  inputs   two random inputs: `input` (the wire form) and the `headers` and `body` botocore's
           serializer makes of it. botocore writes input timestamps in whole seconds (its
           default precision): inputs use whole seconds.
  secrets  every string under a sensitive shape is `PLANTED-SECRET-n`: a test prints each value
           and fails if the marker shows.

Part of tools/gen_botocore_vectors.py."""
import base64
import datetime
import decimal
import json
import pathlib
import random

import botocore
from botocore import parsers, serialize
from botocore.model import ServiceModel

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
TEXT = 'abcXYZ019 -_./:é漢😀"\\\n\t'
MARKER = 'PLANTED-SECRET-'
FUTURE_MEMBER = {'AwsjsonFutureMember': {'nested': [1, 2.5, {'k': 'v'}, None, True]}}
MAX_DEPTH = 4


class Maker:
    def __init__(self, rng, mode, for_input=False):
        self.rng, self.mode, self.for_input = rng, mode, for_input
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
        if t == 'boolean':
            v = r.random() < 0.5
            return v, v
        if t == 'timestamp':
            if self.for_input:
                s = r.randint(0, 4_000_000_000)
                return s, s
            ms = r.randint(0, 4_000_000_000_000)
            return decimal.Decimal(ms) / 1000, None
        if t == 'blob':
            raw = bytes(r.getrandbits(8) for _ in range(r.randint(0, 12)))
            return base64.b64encode(raw).decode(), raw
        raise ValueError(t)


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
        return ms / 1000
    if t == 'blob':
        return base64.b64encode(value).decode()
    return value


def generate(service, seed=20261202):
    """The committed vectors of a service: tests/data/services/SERVICE.json."""
    root = pathlib.Path(__file__).resolve().parent.parent.parent
    data = json.loads((root / 'models' / ('%s.json' % service)).read_text())
    model = ServiceModel(data, service)
    rng = random.Random(seed)
    parser = parsers.create_parser('json')
    serializer = serialize.create_serializer('json', include_validation=False)
    out = {'generator': 'tools/gen_botocore_vectors.py', 'botocore': botocore.__version__,
           'model': data['metadata'].get('awsjsonImportedFrom', ''), 'operations': {}}
    for name in model.operation_names:
        op = model.operation_model(name)
        outputs, inputs = [], []
        if op.output_shape is not None:
            for mode in ('all', 'required', 'unknown', 'random', 'random'):
                wire, _ = Maker(rng, mode).value(op.output_shape)
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
            inputs.append({'kind': mode, 'input': wire, 'headers': {k: v for k, v in req['headers'].items()},
                           'body': body})
        out['operations'][name] = {'outputs': outputs, 'inputs': inputs}
    return json.dumps(out, ensure_ascii=False, separators=(',', ':'), default=default) + '\n'
