"""Generates tests/data/botocore_requests.json: GetMaintenanceWindowExecutionTaskInvocation inputs
and the HTTP request botocore's own serializer (botocore.serialize, installed SSM model) makes of
them: method, path, headers and body. The C++ test builds the same requests with awsjson and
compares (the body as parsed JSON: botocore writes ", " separators and \\u escapes).
Part of tools/gen_botocore_vectors.py."""
import json
import random
import uuid

import botocore
import botocore.session
from botocore import serialize

ODD = ['', 'not-a-uuid', 'é漢😀"\\/\n\t\x01', 'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ', 'x' * 37]


def member(rng):
    roll = rng.random()
    if roll < 0.7:
        text = str(uuid.UUID(int=rng.getrandbits(128)))
        return text.upper() if rng.random() < 0.2 else text
    return rng.choice(ODD)


def generate(count=100, seed=20261129):
    """The committed vectors: tests/data/botocore_requests.json."""
    rng = random.Random(seed)
    model = botocore.session.get_session().get_service_model('ssm')
    op = model.operation_model('GetMaintenanceWindowExecutionTaskInvocation')
    serializer = serialize.create_serializer('json', include_validation=False)
    cases = []
    for _ in range(count):
        params = {'WindowExecutionId': member(rng), 'TaskId': member(rng), 'InvocationId': member(rng)}
        req = serializer.serialize_to_request(params, op)
        cases.append({'input': params, 'method': req['method'], 'url_path': req['url_path'],
                      'headers': dict(req['headers']), 'body': req['body'].decode('utf-8')})
    return json.dumps({'generator': 'tools/gen_botocore_vectors.py', 'botocore': botocore.__version__,
                       'cases': cases}, ensure_ascii=False, indent=1) + '\n'
