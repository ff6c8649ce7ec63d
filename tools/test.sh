#!/usr/bin/env bash
# Builds everything with -Wall -Wextra -Wpedantic -Werror and runs every test through CTest.
#   bash tools/test.sh          the README's test command: the core, client and command tests, the
#                               README's programs, moto, every service compiling, and a sample of the
#                               services' operations against botocore (AWSJSON_TEST_SERVICES=sample)
#   bash tools/test.sh --full   the full suite: every operation of SSM, DynamoDB and Identity Store
#                               and the sampled operations of every other service
# CXX picks the compiler (default clang++, which compiles the service tests in a third of g++'s
# time); BUILD_TYPE the build type (default Debug: unoptimized builds in a third of the time;
# CI builds Release with g++ too); BUILD_DIR the build folder; CMAKE_ARGS adds options.
set -euo pipefail
cd "$(dirname "$0")/.."
services=(-DAWSJSON_TEST_SERVICES=sample)  # explicit: a folder built with --full goes back
case "${1:-}" in
  --full) services=(-DAWSJSON_TEST_SERVICES=ON) ;;
  "") ;;
  *) echo "usage: bash tools/test.sh [--full]" >&2; exit 2 ;;
esac
bash tools/install-deps.sh
export CXX=${CXX:-clang++}
build=${BUILD_DIR:-build-$(basename "$CXX")}
start=$SECONDS
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-Debug} -DAWSJSON_WERROR=ON "${services[@]}" ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build"
echo "built in $((SECONDS - start)) s"
start=$SECONDS
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
echo "tested in $((SECONDS - start)) s"
