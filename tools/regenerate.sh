#!/usr/bin/env bash
# Regenerates every committed service under services/include/awsjson/ from its model under models/:
# models/NAME.json (botocore's service name, stripped by tools/import_model.py) becomes the folder
# services/include/awsjson/ID/ and the namespace awsjson::ID, where ID is NAME with '-' as '_'
# (acm-pca: <awsjson/acm_pca/...>, awsjson::acm_pca). models/NAME.seed-docs.json, where present,
# adds doc comments (--docs); models/NAME.paginators-1.json, models/NAME.waiters-2.json and
# models/NAME.endpoint-rule-set-1.json give the operations' paginators, the service's waiters and
# its endpoint rule set; tools/gen_endpoint_data.py writes include/awsjson/client/partitions.hpp and
# provider_endpoint_rules.hpp (STS, SSO, SSO OIDC).
# --check: write nothing, fail if a committed header differs from what the generator writes (CI).
set -euo pipefail
cd "$(dirname "$0")/.."
check=()
[ "${1:-}" = --check ] && check=(--check)
# One model: its options, then the generator (models side by side, one per core).
generate() {
  name=$1
  id=${name//-/_}
  docs=()
  [ -f "models/$name.seed-docs.json" ] && docs=(--docs "models/$name.seed-docs.json")
  for extra in paginators-1:--paginators waiters-2:--waiters endpoint-rule-set-1:--endpoint-rules; do
    [ -f "models/$name.${extra%%:*}.json" ] && docs+=("${extra#*:}" "models/$name.${extra%%:*}.json")
  done
  python3 tools/awsjson_gen.py --model "models/$name.json" --namespace "awsjson::$id" \
    --out "services/include/awsjson/$id" "${docs[@]}" "${check[@]}"
}
export -f generate
models=()
for model in models/*.json; do
  name=$(basename "$model" .json)
  case "$name" in *.*) continue ;; esac  # NAME.seed-docs.json and the like: inputs, not models
  models+=("$name")
done
n=${#models[@]}
python3 tools/gen_endpoint_data.py "${check[@]}"
printf '%s\n' "${models[@]}" | CHECK="${check[*]}" xargs -P "$(nproc)" -I{} bash -c 'check=($CHECK); generate "$1"' sh {}
# A folder left behind by a model that is gone.
for dir in services/include/awsjson/*/; do
  id=$(basename "$dir")
  [ -f "models/$id.json" ] || [ -f "models/${id//_/-}.json" ] || { echo "$dir: no model under models/"; exit 1; }
done
[ ${#check[@]} -eq 0 ] || echo "all $n generated services are as tools/awsjson_gen.py writes them"
