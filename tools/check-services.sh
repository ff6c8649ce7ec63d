#!/usr/bin/env bash
# Every generated service compiles: one TU per service including its all.hpp (every operation
# header, hence every shape, enum and error of the service), -fsyntax-only, services side by side
# (JOBS, default the number of cores). Prints each service's CPU seconds and peak memory, slowest
# first, and the total. Templates are not instantiated here: what is instantiated per operation
# is compiled and run by the tests of each service's sampled operations (tests/services/).
#   tools/check-services.sh [SERVICE...]     (default: every folder under services/include/awsjson/)
#   CXX=clang++ JOBS=2 FLAGS=... tools/check-services.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cxx=${CXX:-c++}
jobs=${JOBS:-$(nproc)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $# -eq 0 ]; then
  set -- $(cd services/include/awsjson && ls -d */ | tr -d /)
fi
start=$SECONDS
# With clang, the runtime headers every service includes are parsed once, into a precompiled
# header, instead of once per service (a quarter of the check's time).
pch=""
if "$cxx" --version 2>/dev/null | grep -q clang; then
  printf '#include <awsjson/model.hpp>\n#include <awsjson/waiter.hpp>\n' > "$work/runtime.hpp"
  "$cxx" -std=c++20 -Wall -Wextra -Wpedantic -Werror ${FLAGS:-} -Iinclude -x c++-header "$work/runtime.hpp" \
    -o "$work/runtime.pch"
  pch="-include-pch $work/runtime.pch"
fi
printf '%s\n' "$@" | xargs -P "$jobs" -I{} sh -c '
  printf "#include <awsjson/%s/all.hpp>\n" "$1" > "$2/$1.cpp"
  if /usr/bin/time -f "%U %S %M" -o "$2/$1.time" '"$cxx"' -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror \
       '"${FLAGS:-} $pch"' -Iinclude -Iservices/include "$2/$1.cpp" > "$2/$1.log" 2>&1; then
    :
  else
    echo "FAILED: $1" >> "$2/failed"; cat "$2/$1.log" | head -40
  fi' sh {} "$work"
wall=$((SECONDS - start))
for s in "$@"; do
  read -r user sys kb < "$work/$s.time" || true
  awk -v s="$s" -v u="$user" -v y="$sys" -v k="$kb" 'BEGIN { printf "%-32s %6.1f s %6d MB\n", s, u + y, k / 1024 }'
done | sort -k2 -n -r > "$work/report"
head -10 "$work/report"
awk '{ cpu += $2; if ($4 > peak) peak = $4 } END { printf "%d services: %.0f CPU s in all, largest TU %d MB\n", NR, cpu, peak }' "$work/report"
echo "wall time: $wall s with $jobs jobs ($cxx)"
if [ -f "$work/failed" ]; then cat "$work/failed"; exit 1; fi
