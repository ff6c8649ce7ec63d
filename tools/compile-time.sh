#!/usr/bin/env bash
# Compile time of a translation unit that includes the single header and decodes the response,
# against one that includes only <simdjson.h> and <boost/describe.hpp> and does nothing (the
# floor any user of these dependencies pays). Best of 3 runs each, g++ -O2. The goal is under
# 1.5x; AWSJSON_ENFORCE_COMPILE_TIME=1 makes missing it an error (it is not met yet: see the README).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/baseline.cpp" <<'CPP'
#include <boost/describe.hpp>
#include <simdjson.h>
int main() { return 0; }
CPP
cat > "$work/awsjson.cpp" <<'CPP'
#include "awsjson/awsjson.hpp"
int main(int argc, char** argv) {
  awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocationResponse r;
  return argc > 1 && !awsjson::decode_into(std::string_view(argv[1]), r) ? 0 : 1;
}
CPP
best() {
  local best_ms=999999
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s%N)
    ${CXX:-g++} -std=c++20 -O2 -I single_include -c "$1" -o "$work/out.o"
    t1=$(date +%s%N)
    local ms=$(((t1 - t0) / 1000000))
    ((ms < best_ms)) && best_ms=$ms
  done
  echo "$best_ms"
}
base=$(best "$work/baseline.cpp")
ours=$(best "$work/awsjson.cpp")
ratio=$(awk -v a="$ours" -v b="$base" 'BEGIN { printf "%.2f", a / b }')
echo "compile time (${CXX:-g++} -O2, best of 3): <simdjson.h> + <boost/describe.hpp> alone ${base} ms;" \
     "single header + decoding the response ${ours} ms; ratio ${ratio}x (limit 1.5x)"
if [ "${AWSJSON_ENFORCE_COMPILE_TIME:-0}" = 1 ]; then awk -v r="$ratio" 'BEGIN { exit !(r < 1.5) }'; fi
