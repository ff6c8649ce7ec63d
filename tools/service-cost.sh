#!/usr/bin/env bash
# Build cost of a whole generated service, the way a program that calls every operation pays it:
# each operation's build_request<Op> (input encoder, required-member check) and decode_response<Op>
# (output decoder, error typing), header-only, in translation units of PER_TU operations (default
# 20) compiled one after another. Prints each TU's CPU seconds (user + system) and peak memory from
# GNU time, the total CPU seconds and the largest TU's memory (issue #25's goal for SSM: <= 5 CPU
# minutes, no TU over 1 GB).
#   bash tools/service-cost.sh [SERVICE]      (default ssm; CXX default g++, OPT default -O2,
#                                              FLAGS adds compiler flags, e.g. -DAWSJSON_DECODE_INLINE_BUDGET=0)
set -euo pipefail
cd "$(dirname "$0")/.."
service=${1:-ssm}
cxx=${CXX:-g++}
per=${PER_TU:-20}
# shellcheck source=tools/cost-program.sh
source tools/cost-program.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The operations, as all.hpp lists them: "header:Type".
mapfile -t ops < <(python3 - "$service" <<'PY'
import re, sys, pathlib
d = pathlib.Path("services/include/awsjson") / sys.argv[1]
for h in sorted(d.glob("*.hpp")):
    if h.name == "all.hpp":
        continue
    m = re.search(r"^struct (\w+) \{\n  using input = ", h.read_text(), re.M)
    if m:
        print(f"{h.stem}:{m.group(1)}")
PY
)
[ ${#ops[@]} -gt 0 ] || { echo "no operations found for service '$service'"; exit 1; }
total=0 max=0 tu=0
for ((first = 0; first < ${#ops[@]}; first += per)); do
  f="$work/tu$tu.cpp"
  cost_program "$service" "${ops[@]:first:per}" >"$f"
  cost_measure "$work" "$cxx" "$f" -I include -I services/include
  n=$((${#ops[@]} - first < per ? ${#ops[@]} - first : per))
  echo "  TU $tu ($n operations): $s s, $mb MB"
  total=$(awk -v a="$total" -v b="$s" 'BEGIN { printf "%.1f", a + b }')
  ((mb > max)) && max=$mb
  tu=$((tu + 1))
done
echo "$service, ${#ops[@]} operations, $cxx ${OPT:--O2} ${FLAGS:-}: $total CPU s in $tu TUs ($(awk -v t="$total" 'BEGIN { printf "%.1f", t / 60 }') min), largest TU $max MB"
