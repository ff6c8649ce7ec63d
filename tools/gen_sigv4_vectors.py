#!/usr/bin/env python3
"""Writes tests/data/sigv4/botocore.json: SSM and DynamoDB requests signed by botocore's own
SigV4 signer (botocore.auth.SigV4Auth) at fixed times, with and without session tokens, in
several regions, with unicode, empty and large bodies. The C++ test signs the same requests
(method, URL, headers, body bytes) with awsjson/sigv4.hpp and compares the headers botocore added,
byte for byte. Run: python3 tools/gen_sigv4_vectors.py [--check]"""
import argparse
import datetime
import json
import pathlib
import random
import sys

import botocore
import botocore.auth
import botocore.session
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / 'tests' / 'data' / 'sigv4' / 'botocore.json'
REGIONS = ['us-east-1', 'eu-west-3', 'ap-southeast-2', 'us-gov-west-1', 'cn-north-1']
CALLS = [
    ('ssm', 'GetMaintenanceWindowExecutionTaskInvocation',
     {'WindowExecutionId': '1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f', 'TaskId': '1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f',
      'InvocationId': '1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f'}),
    ('ssm', 'GetMaintenanceWindow', {'WindowId': 'mw-0123456789abcdef0'}),
    ('ssm', 'PutParameter', {'Name': '/app/db/password', 'Value': 'PLANTED-SECRET-ü€😀', 'Type': 'SecureString',
                             'Overwrite': True}),
    ('ssm', 'DescribeMaintenanceWindows', {}),
    ('ssm', 'GetParametersByPath', {'Path': '/app', 'Recursive': True, 'WithDecryption': True, 'MaxResults': 10}),
    ('dynamodb', 'GetItem', {'TableName': 'Music', 'Key': {'Artist': {'S': 'Æon Flux 音楽'}, 'Year': {'N': '1999'}}}),
    ('dynamodb', 'PutItem', {'TableName': 'Music', 'Item': {'Artist': {'S': 'x' * 3000}, 'Blob': {'B': b'\x00\xff'},
                                                            'Tags': {'SS': ['a', 'b']}}}),
    ('dynamodb', 'ListTables', {}),
]


def sign(rng, service, op_name, params, token, region, when):
    model = botocore.session.get_session().get_service_model(service)
    op = model.operation_model(op_name)
    from botocore import serialize
    req = serialize.create_serializer('json', include_validation=False).serialize_to_request(params, op)
    host = '%s.%s.amazonaws.com%s' % (service, region, '.cn' if region.startswith('cn-') else '')
    url = 'https://' + host + req['url_path']
    body = req['body'] if isinstance(req['body'], bytes) else req['body'].encode()
    headers = dict(req['headers'])
    aws = AWSRequest(method=req['method'], url=url, headers=headers, data=body)
    creds = Credentials('AKIA' + ''.join(rng.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567') for _ in range(16)),
                        'PLANTED-SECRET-' + ''.join(rng.choice('abcdefghijklmnopqrstuvwxyz0123456789/+') for _ in range(25)),
                        ('PLANTED-SECRET-token' + ''.join(rng.choice('ABCDEFabcdef0123456789/+=') for _ in range(200)))
                        if token else None)
    original = botocore.auth.get_current_datetime
    botocore.auth.get_current_datetime = lambda: when
    try:
        botocore.auth.SigV4Auth(creds, service, region).add_auth(aws)
    finally:
        botocore.auth.get_current_datetime = original
    added = {k: v for k, v in aws.headers.items() if k not in headers}
    return {'operation': service + '.' + op_name, 'region': region, 'service': service, 'host': host,
            'time': when.strftime('%Y-%m-%dT%H:%M:%SZ'), 'method': req['method'], 'path': req['url_path'],
            'headers': headers, 'body': body.decode('utf-8'),
            'credentials': {'access_key_id': creds.access_key, 'secret_access_key': creds.secret_key,
                            'session_token': creds.token or ''},
            'expected_headers': added}


def generate():
    rng = random.Random(20261202)
    cases = []
    times = [datetime.datetime(2015, 8, 30, 12, 36, 0), datetime.datetime(2026, 12, 2, 23, 59, 59),
             datetime.datetime(2024, 2, 29, 0, 0, 0), datetime.datetime(1999, 12, 31, 23, 59, 59)]
    for i, (service, op, params) in enumerate(CALLS):
        for token in (False, True):
            cases.append(sign(rng, service, op, params, token, REGIONS[(i + token) % len(REGIONS)],
                              times[(i + 2 * token) % len(times)]))
    return json.dumps({'generator': 'tools/gen_sigv4_vectors.py', 'botocore': botocore.__version__, 'cases': cases},
                      ensure_ascii=False, indent=1) + '\n'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--check', action='store_true')
    args = ap.parse_args()
    text = generate()
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding='utf-8') != text:
            sys.exit('tests/data/sigv4/botocore.json is not as tools/gen_sigv4_vectors.py writes it')
        return
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding='utf-8')
    print('wrote', OUT.relative_to(ROOT))


if __name__ == '__main__':
    main()
