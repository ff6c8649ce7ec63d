#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for SECONDS (default 30)
# on a copy of the committed seed corpus, JOBS targets at a time. Findings land in the build folder; a crash fails.
# Longer runs: FUZZ_SECONDS=3600 bash tools/fuzz.sh. FUZZ_OPTIMIZATION (default -O1) sets the
# targets' optimization; CI's short pass uses -O0, which builds in a fraction of the time.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
seconds=${FUZZ_SECONDS:-30}
build=${BUILD_DIR:-build-fuzz}
CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAWSJSON_BUILD_FUZZERS=ON \
  -DAWSJSON_BUILD_TESTS=OFF -DAWSJSON_BUILD_EXAMPLES=OFF -DAWSJSON_BUILD_BENCHMARKS=OFF -DAWSJSON_BUILD_CLI=OFF \
  -DAWSJSON_FUZZ_OPTIMIZATION="${FUZZ_OPTIMIZATION:--O1}" >/dev/null
cmake --build "$build"
# Targets run side by side, JOBS at a time (default the number of cores): each is one process.
run_target() {
  target=$1
  corpus="$build/corpus/$target"
  rm -rf "$corpus" && mkdir -p "$corpus" && cp tests/fuzz/corpus/$target/* "$corpus/"
  log="$build/fuzz_$target.log"
  if ! (cd "$build" && "./tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
          -rss_limit_mb=2048 -print_final_stats=1 "corpus/$target" >"fuzz_$target.log" 2>&1); then
    echo "== fuzz_$target for ${seconds}s: FAILED"
    tail -40 "$log"
    echo "fuzz_$target found a problem: the reproducer is in $build (crash-*, timeout-*, leak-*)" >&2
    return 1
  fi
  echo "== fuzz_$target for ${seconds}s"
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov:" "$log" | tail -3
}
export -f run_target
export build seconds
printf '%s\n' response every_shape timestamp base64 error_response service_shapes indirect credentials jmespath pattern |
  xargs -P "${JOBS:-$(nproc)}" -I{} bash -c 'run_target "$1" > "$build/fuzz_$1.report" 2>&1; s=$?; cat "$build/fuzz_$1.report"; exit $s' sh {}
