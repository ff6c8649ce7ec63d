#!/usr/bin/env python3
"""Generates the benchmark inputs in benchmarks/data/ (committed; deterministic for a seed):
  typical.json  a full response with all 12 members, compact, about 650 bytes
  large.json    the same with a Parameters string of at least 64 KiB full of escapes
  minimal.json  3 members
  batch.jsonl   10,000 varied typical responses, one per line
Values are realistic: UUIDs, a Run Command Parameters document as a JSON string (with escapes),
fractional epoch-second timestamps. Run: python3 tools/gen_bench_inputs.py [--seed S]"""
import argparse
import json
import pathlib
import random
import uuid

OUT = pathlib.Path(__file__).resolve().parent.parent / 'benchmarks' / 'data'
STATUSES = ['SUCCESS', 'FAILED', 'TIMED_OUT', 'IN_PROGRESS', 'CANCELLED']
TASK_TYPES = ['RUN_COMMAND', 'AUTOMATION', 'STEP_FUNCTIONS', 'LAMBDA']
COMMANDS = ['yum -y update', 'systemctl restart "nginx"', 'echo "patched $(hostname)" >> /var/log/mw.log',
            'df -h /', 'sudo /opt/app/bin/healthcheck --timeout=30', 'journalctl -u amazon-ssm-agent -n 50']


def uid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def parameters(rng, commands):
    doc = {'documentName': 'AWS-RunShellScript', 'instanceIds': ['i-%017x' % rng.getrandbits(68)],
           'parameters': {'commands': commands, 'executionTimeout': ['3600']}, 'timeoutSeconds': 600}
    return json.dumps(doc, separators=(',', ':'))


def response(rng, commands=None):
    start = rng.randint(1_600_000_000_000, 1_800_000_000_000)
    end = start + rng.randint(1_000, 3_600_000)
    cmds = commands if commands is not None else rng.sample(COMMANDS, 2)
    return {
        'WindowExecutionId': uid(rng), 'TaskExecutionId': uid(rng), 'InvocationId': uid(rng),
        'ExecutionId': uid(rng), 'TaskType': rng.choice(TASK_TYPES), 'Parameters': parameters(rng, cmds),
        'Status': rng.choice(STATUSES), 'StatusDetails': rng.choice(['Success', 'Failed', 'TimedOut', 'InProgress']),
        'StartTime': '%d.%03d' % divmod(start, 1000), 'EndTime': '%d.%03d' % divmod(end, 1000),
        'OwnerInformation': 'team=platform;ticket=OPS-%d' % rng.randint(1000, 9999),
        'WindowTargetId': uid(rng),
    }


def dumps(r):
    # Timestamps are numbers: emit them raw, keeping their exact decimal text.
    parts = []
    for k, v in r.items():
        text = v if k in ('StartTime', 'EndTime') else json.dumps(v, ensure_ascii=False)
        parts.append('"%s":%s' % (k, text))
    return '{' + ','.join(parts) + '}'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=4)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    OUT.mkdir(parents=True, exist_ok=True)
    typical = dumps(response(rng))
    (OUT / 'typical.json').write_text(typical + '\n')
    big_commands = []
    while len(parameters(rng, big_commands)) < 70_000:
        big_commands.append(rng.choice(COMMANDS) + ' # "quoted" \\ path\\to\\file\t%d' % rng.randint(0, 10**6))
    large = dumps(response(rng, big_commands))
    (OUT / 'large.json').write_text(large + '\n')
    minimal = dumps({'WindowExecutionId': uid(rng), 'Status': 'IN_PROGRESS', 'StartTime': '1700000000.5'})
    (OUT / 'minimal.json').write_text(minimal + '\n')
    with open(OUT / 'batch.jsonl', 'w') as f:
        for _ in range(10_000):
            f.write(dumps(response(rng)) + '\n')
    print('typical %d bytes, large %d bytes, minimal %d bytes' % (len(typical), len(large), len(minimal)))


if __name__ == '__main__':
    main()
