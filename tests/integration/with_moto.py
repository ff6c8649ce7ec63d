#!/usr/bin/env python3
"""Runs a command against moto_server (an AWS emulator) with SigV4 signatures enforced, and stops
the server afterwards whatever happens.

  python3 tests/integration/with_moto.py COMMAND [ARGS...]

Starts `moto_server` on 127.0.0.1 on a free port with INITIAL_NO_AUTH_ACTION_COUNT=3: the three
setup calls below (an IAM user, its policy, its access key, made with boto3) are the last ones it
accepts unsigned; from then on every request's signature is checked with botocore. Two roles to
assume (hop and app) are made with the new key. A second moto_server, which checks no signatures,
serves what moto refuses on the first (AssumeRoleWithWebIdentity). COMMAND runs with
AWSJSON_TEST_ENDPOINT, AWSJSON_TEST_OPEN_ENDPOINT (the second), AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY and AWS_REGION set.
Exit status: COMMAND's, or 77 (CTest's SKIP_RETURN_CODE) when moto_server or boto3 is missing."""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

SKIP = 77


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def main():
    server_path = shutil.which('moto_server')
    try:
        import boto3
    except ImportError:
        boto3 = None
    if not server_path or not boto3:
        print('SKIPPED: moto_server and boto3 are needed (pip install "moto[server]"); not installed here')
        return SKIP
    servers = []
    # A CTest timeout sends SIGTERM: take the servers down with us.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        endpoint = start(server_path, servers, 'moto_server.log', INITIAL_NO_AUTH_ACTION_COUNT='3')
        # A second server that checks no signatures: moto answers AssumeRoleWithWebIdentity with
        # HTTP 500 on a server that checks them (moto 5.2.1).
        open_endpoint = start(server_path, servers, 'moto_server_open.log')
        if not endpoint or not open_endpoint:
            return 1
        iam = boto3.client('iam', endpoint_url=endpoint, region_name='us-east-1', aws_access_key_id='setup',
                           aws_secret_access_key='setup')
        iam.create_user(UserName='awsjson')
        iam.put_user_policy(UserName='awsjson', PolicyName='everything', PolicyDocument=json.dumps(
            {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': '*', 'Resource': '*'}]}))
        key = iam.create_access_key(UserName='awsjson')['AccessKey']
        # Roles to assume (hop, app: test_client_moto.cpp's chain), made with that key: moto checks
        # a role's trust and its policy when its temporary keys sign a call.
        signed = boto3.client('iam', endpoint_url=endpoint, region_name='us-east-1',
                              aws_access_key_id=key['AccessKeyId'], aws_secret_access_key=key['SecretAccessKey'])
        for role in ('hop', 'app'):
            signed.create_role(RoleName=role, AssumeRolePolicyDocument=json.dumps(
                {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'AWS': '*'},
                                                         'Action': 'sts:AssumeRole'}]}))
            signed.put_role_policy(RoleName=role, PolicyName='everything', PolicyDocument=json.dumps(
                {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': '*', 'Resource': '*'}]}))
        child_env = dict(os.environ, AWSJSON_TEST_ENDPOINT=endpoint, AWSJSON_TEST_OPEN_ENDPOINT=open_endpoint,
                         AWS_ACCESS_KEY_ID=key['AccessKeyId'],
                         AWS_SECRET_ACCESS_KEY=key['SecretAccessKey'], AWS_REGION='us-east-1')
        child_env.pop('AWS_SESSION_TOKEN', None)
        return subprocess.run(sys.argv[1:], env=child_env, timeout=240).returncode
    finally:
        for server, log in servers:
            try:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(server.pid, signal.SIGKILL)
            log.close()


def start(server_path, servers, log_name, **variables):
    """Starts moto_server on a free port (its log in the working directory: CTest's build folder)
    and waits until it answers; its endpoint, or None when it did not start."""
    port = free_port()
    endpoint = 'http://127.0.0.1:%d' % port
    log = open(log_name, 'w')
    server = subprocess.Popen([server_path, '-H', '127.0.0.1', '-p', str(port)], env=dict(os.environ, **variables),
                              stdout=log, stderr=log, start_new_session=True)
    servers.append((server, log))
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(endpoint + '/moto-api/', timeout=1)
            return endpoint
        except Exception:
            if server.poll() is not None or time.monotonic() > deadline:
                print('moto_server did not start on %s' % endpoint)
                return None
            time.sleep(0.2)


if __name__ == '__main__':
    sys.exit(main())
