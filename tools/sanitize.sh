#!/usr/bin/env bash
# The test suite under clang's AddressSanitizer + UndefinedBehaviorSanitizer (no recovery: the
# first finding fails), all but the single-header rerun, the awsjson command and the services other
# than Identity Store (see below); then the concurrency tests under ThreadSanitizer.
#   bash tools/sanitize.sh          both
#   bash tools/sanitize.sh --tsan   ThreadSanitizer alone (CI runs its clang build, the README's
#                                   test command, under ASan + UBSan instead: every test, once)
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  --tsan | "") ;;
  *) echo "usage: bash tools/sanitize.sh [--tsan]" >&2; exit 2 ;;
esac
bash tools/install-deps.sh
# The single-header variant of the suite and the SSM and DynamoDB operation tests are left to the
# plain builds: the same code, and half of this build's time under ASan.
common=(-DAWSJSON_BUILD_BENCHMARKS=OFF -DAWSJSON_TEST_SINGLE_HEADER=OFF -DAWSJSON_TEST_SERVICES=identitystore -DAWSJSON_BUILD_CLI=OFF
        -DAWSJSON_TEST_EVERY_SERVICE_COMPILES=OFF)

if [ "${1:-}" != --tsan ]; then
  echo "== ASan + UBSan: all tests"
  # Unoptimized (Debug): the same checks (none is optimized away), and the suite compiles four
  # times faster than at -O1 (tests/test_errors.cpp: 13 s against 54 s of CPU).
  SANITIZE=1 CXX=clang++ BUILD_DIR=build-asan CMAKE_ARGS="${common[*]}" bash tools/test.sh
fi

echo "== TSan: 16 threads decoding at once, one client with 8 threads calling at once"
CXX=clang++ cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DAWSJSON_WERROR=ON "${common[@]}" -DAWSJSON_BUILD_EXAMPLES=OFF \
  -DCMAKE_CXX_FLAGS="-O1 -g -fsanitize=thread" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >/dev/null
cmake --build build-tsan --target awsjson_concurrency_tests
TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/awsjson_concurrency_tests "[concurrency]"
