#!/usr/bin/env bash
# Builds and runs the demo: decodes the bundled sample response and prints every member.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
build=${BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DAWSJSON_BUILD_TESTS=OFF -DAWSJSON_BUILD_BENCHMARKS=OFF -DAWSJSON_BUILD_CLI=OFF >/dev/null
cmake --build "$build" --target demo
"$build/examples/demo" "$@"
