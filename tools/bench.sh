#!/usr/bin/env bash
# Builds and runs the benchmarks: the full table (writes benchmarks/RESULTS-latest.md), or with
# --ci the short gated pass that CI runs. Extra arguments go to Google Benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
build=${BUILD_DIR:-build-bench}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DAWSJSON_BUILD_TESTS=OFF -DAWSJSON_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" --target awsjson_bench
# One core, so that the decoders compete with nothing but the machine's other tenants.
runner=()
command -v taskset >/dev/null && runner=(taskset -c "$(($(nproc) - 1))")
AWSJSON_BENCH_TABLE=${AWSJSON_BENCH_TABLE:-$build/table.md} "${runner[@]}" "$build/benchmarks/awsjson_bench" "$@"
