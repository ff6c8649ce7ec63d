#!/usr/bin/env bash
# Regenerates every committed service under include/awsjson/ from its model under models/.
# --check: write nothing, fail if a committed header differs from what the generator writes (CI).
set -euo pipefail
cd "$(dirname "$0")/.."
check=()
[ "${1:-}" = --check ] && check=(--check)
python3 tools/awsjson_gen.py --model models/ssm.json --namespace awsjson::ssm --out include/awsjson/ssm \
  --docs models/ssm.seed-docs.json "${check[@]}"
python3 tools/awsjson_gen.py --model models/dynamodb.json --namespace awsjson::dynamodb --out include/awsjson/dynamodb \
  "${check[@]}"
python3 tools/awsjson_gen.py --model models/identitystore.json --namespace awsjson::identitystore \
  --out include/awsjson/identitystore "${check[@]}"
[ ${#check[@]} -eq 0 ] || echo "every generated header is as tools/awsjson_gen.py writes it"
