#!/usr/bin/env bash
# What each translation unit of the tests costs to compile: CPU seconds and peak memory (GNU time),
# one line per TU, heaviest first. Usage: tools/build-cost.sh [TARGET...] (default: the tests of
# every operation of the three services). CXX picks the compiler (default clang++).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh time
export CXX=${CXX:-clang++}
build=${BUILD_DIR:-build-cost-$(basename "$CXX")}
log="$PWD/$build/tu-cost.log"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} -DAWSJSON_BUILD_BENCHMARKS=OFF \
  -DCMAKE_CXX_COMPILER_LAUNCHER="$PWD/tools/time-tu.sh" ${CMAKE_ARGS:-} >/dev/null
rm -f "$log"
targets=("${@:-awsjson_services}")
cmake --build "$build" --target "${targets[@]}" --clean-first >/dev/null
awk '{ printf "%.2f %s %s\n", $1 + $2, $3, $4 }' "$log" | sort -rn | awk 'BEGIN { print "cpu_s   peak_MB  translation unit" }
  { cpu += $1; if ($2 > peak) peak = $2; printf "%6.1f  %7.0f  %s\n", $1, $2 / 1024, $3 }
  END { printf "%6.1f  %7.0f  total CPU seconds, largest peak\n", cpu, peak / 1024 }'
