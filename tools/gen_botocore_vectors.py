#!/usr/bin/env python3
"""Writes every committed botocore test vector: what botocore's parser makes of varied response
bodies and what its serializer makes of varied inputs, so that the C++ tests need no Python.

  botocore_responses  tests/data/botocore_responses.json: the seed operation's responses, member by member
  botocore_requests   tests/data/botocore_requests.json: the seed operation's requests (method, path, headers, body)
  botocore_more       tests/data/botocore_more.json: two more SSM operations (tests/test_generated.cpp)
  SERVICE             tests/data/services/SERVICE.json: every operation of models/SERVICE.json
                      (ssm, dynamodb, identitystore), or for every other model a sample of its
                      operations, with tests/services/sampled/ID.hpp naming them for the C++ test

Fixed seeds: the output is the same on every run with the same botocore (the version is recorded
in each file). Run: python3 tools/gen_botocore_vectors.py [--check] [NAME...] (default: all)."""
import argparse
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from vectors import seed_more, seed_requests, seed_responses, services  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
SERVICES = ('ssm', 'dynamodb', 'identitystore')  # every operation; the other models: a sample
SAMPLED = sorted(p.stem for p in (ROOT / 'models').glob('*.json') if '.' not in p.stem and p.stem not in SERVICES)
TARGETS = {
    'botocore_responses': ('tests/data/botocore_responses.json', seed_responses.generate),
    'botocore_requests': ('tests/data/botocore_requests.json', seed_requests.generate),
    'botocore_more': ('tests/data/botocore_more.json', seed_more.generate),
}
TARGETS.update({s: ('tests/data/services/%s.json' % s, lambda s=s: services.generate(s)) for s in SERVICES})
TARGETS.update({s: ('tests/data/services/%s.json' % s, lambda s=s: services.generate(s, sample=True))
                for s in SAMPLED})


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('names', nargs='*', choices=[[]] + list(TARGETS), metavar='NAME', help=', '.join(TARGETS))
    ap.add_argument('--check', action='store_true', help='fail if a committed file differs from what this writes')
    args = ap.parse_args()
    stale = []
    for name in args.names or TARGETS:
        path, generate = TARGETS[name]
        text = generate()
        files = [(path, text)]
        if name in SAMPLED:
            files.append(services.sampled_header(name, text))
        for path, text in files:
            stale += write(path, text, args.check)
    if stale:
        sys.exit('not as tools/gen_botocore_vectors.py writes them: ' + ', '.join(stale))


def write(path, text, check):
    """Writes (or with check, compares) one file; the paths that differ."""
    target = ROOT / path
    if check:
        return [] if target.exists() and target.read_text(encoding='utf-8') == text else [path]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding='utf-8')
    print('wrote', path)
    return []


if __name__ == '__main__':
    main()
