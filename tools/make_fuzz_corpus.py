#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets to tests/fuzz/corpus/<target>/: the valid samples
(examples, benchmark inputs, botocore vectors) and a table of malformed documents.
Run: python3 tools/make_fuzz_corpus.py"""
import hashlib
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / 'tests' / 'fuzz' / 'corpus'

MALFORMED = [
    '', ' ', '{', '}', '[]', '5', '"s"', 'null', 'true', '{"Status":', '{"Status":"SUCC', '{"StartTime":17',
    '{"X":[1,2', '{"WindowExecutionId":5}', '{"StartTime":true}', '{"StartTime":1e400}', '{"StartTime":01}',
    '{"StartTime":"garbage"}', '{"StartTime":"2023-02-29T00:00:00Z"}', '{"StartTime":"Mon, 02 Jan 2000 20:34:56 GMT"}',
    '{"Status":tru}', '{"Unknown":[1,2,01]}', '{"Status":"\\q"}', '{"WindowExecutionId":"\\ud800"}',
    '{"WindowExecutionId":"\\u12"}', '{"Status":"SUCCESS"} x', '{} {}', '\ufeff{"Status":"SUCCESS"}',
    '{"Status":"SUCCESS","Status":"FAILED"}', '{"StartTime":-6.21355968E10}', '{"StartTime":1.7000000001E9}',
    '[' * 300 + ']' * 300, '{"a":' * 200 + '1' + '}' * 200,
]
KITCHEN = [
    '{"Name":"n","Integer":2147483648}', '{"Long":1234567890123456789}', '{"Double":"NaN","Float":"-Infinity"}',
    '{"Blob":"YmluYXJ5LXZhbHVl"}', '{"Blob":"Zm9vY"}', '{"SparseList":["a",null],"List":["a",null]}',
    '{"Map":{"k":1},"StructMap":{"s":{"Value":"v","Count":3}},"SparseMap":{"n":null}}',
    '{"Plain":"Intelligent-Tiering","Open":"Future"}', '{"Iso":"2000-01-02T20:34:56.123+01:00","Http":"Sun, 02 Jan 2000 20:34:56 GMT"}',
    '{"Children":[{"Children":[{"Name":"deep"}]}]}', '{"WireName":"w","Micro":1700000000.123456}',
    '{"Iso":"203888888888888.8388621888"}',  # regression: found by fuzz_every_shape
]
TIMESTAMPS = ['0', '1700000000.123', '-0.001', '1.7000000001E9', '-6.21355968E10', '1e20', '2000-01-02T20:34:56Z',
              '2019-12-16T22:48:18-01:00', '2000-01-02t20:34:56.123456789z', 'Sun, 02 Jan 2000 20:34:56 GMT',
              '1969-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z', '2000-01-02T23:59:60Z', '24:00']
BASE64 = ['', 'Zg==', 'Zm8=', 'Zm9v', 'YmluYXJ5LXZhbHVl', 'Zm9vY', '!!!!', 'Zm=v']
ERRORS = ['\x90\n{"__type":"com.amazonaws.ssm#DoesNotExistException:http://internal.amazon.com/coral/x/","message":"m"}',
          '\x91FooError:http://x\n', '\x92\n{"code":"aws.protocoltests.json#FooError"}', '\x93\n<html>502</html>',
          '\x00\n{"Status":"SUCCESS"}', '\x92\n{"__type":"a#InternalServerError","Message":"x","Details":{"__type":"y"}}']


# kitchen::Expr: a structure holding itself by value (awsjson::indirect) and through a list.
INDIRECT = [
    '{"Value":"v","Required":"r"}', '{"Not":{"Not":{"Value":"leaf","Secret":"s"}}}',
    '{"And":[{"Not":{"Value":"a"}},{"And":[]}],"Not":null}', '{"Not":' * 40 + '{}' + '}' * 40,
    '{"Not":' * 300 + '{}' + '}' * 300, '{"Not":{"Value":7}}', '{"Not":[]}', '{"And":[{"Not":{"Not":"x"}}]}',
]


def write(target, seeds):
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    for s in seeds:
        data = s.encode('utf-8', 'surrogatepass') if isinstance(s, str) else s
        (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def service_shapes():
    """fuzz_service_shapes: a selector byte (see the target), then JSON of the type it picks."""
    ddb = json.loads((ROOT / 'tests' / 'data' / 'services' / 'dynamodb.json').read_text())['operations']
    ids = json.loads((ROOT / 'tests' / 'data' / 'services' / 'identitystore.json').read_text())['operations']
    seeds = []
    for c in ddb['GetItem']['outputs']:
        item = json.loads(c['body']).get('Item') or {}
        seeds += ['\x00' + json.dumps(v) for v in list(item.values())[:3]]
    seeds += ['\x00' + '{"L":[' * 40 + '{"NULL":true}' + ']}' * 40, '\x00{"S":"a","N":"1"}', '\x00{"NULL":null}',
              '\x00{"M":{"a":{"B":"AAEC"},"b":{"SS":["x","y"]}},"Future":1}']
    for c in ids['GetUserId']['inputs']:
        if 'AlternateIdentifier' in c['input']:
            seeds.append('\x01' + json.dumps(c['input']['AlternateIdentifier']))
    seeds += ['\x01{"ExternalId":{"Issuer":"i","Id":"x"}}', '\x01{"Future":{"x":1}}', '\x01{}', '\x01{"a":null,"__type":"t"}']
    for c in ids['UpdateUser']['inputs']:
        seeds += ['\x02' + json.dumps(op) for op in c['input'].get('Operations', [])[:2]]
    seeds += ['\x03' + d for d in ('{"a":[1e400,123456789012345678901234,{"b":null}]}', '"s"', '[]', ' 1 ', '{"a":1,}')]
    return seeds


def main():
    valid = [(ROOT / 'examples' / 'sample_response.json').read_text(), (ROOT / 'examples' / 'sample_error.json').read_text()]
    for name in ('typical.json', 'minimal.json'):
        valid.append((ROOT / 'benchmarks' / 'data' / name).read_text())
    vectors = json.loads((ROOT / 'tests' / 'data' / 'botocore_responses.json').read_text())
    valid += [c['body'] for c in vectors['cases'][:40]]
    write('response', valid + MALFORMED)
    write('every_shape', KITCHEN + MALFORMED[:20])
    write('timestamp', TIMESTAMPS)
    write('base64', BASE64)
    write('error_response', ERRORS)
    write('service_shapes', service_shapes())
    write('indirect', INDIRECT + MALFORMED[:10])


if __name__ == '__main__':
    main()
