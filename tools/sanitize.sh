#!/usr/bin/env bash
# The test suite under clang's AddressSanitizer + UndefinedBehaviorSanitizer (no recovery: the
# first finding fails), all but the single-header rerun, the awsjson command and the services other
# than Identity Store (see below); then the concurrency tests under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
# The single-header variant of the suite and the SSM and DynamoDB operation tests are left to the
# plain builds: the same code, and half of this build's time under ASan.
common=(-G Ninja -DCMAKE_BUILD_TYPE=Debug -DAWSJSON_BUILD_BENCHMARKS=OFF -DAWSJSON_WERROR=ON
        -DAWSJSON_TEST_SINGLE_HEADER=OFF -DAWSJSON_TEST_SERVICES=identitystore -DAWSJSON_BUILD_CLI=OFF
        -DAWSJSON_TEST_EVERY_SERVICE_COMPILES=OFF)

echo "== ASan + UBSan: all tests"
# -O0: the same checks (none is optimized away), and the suite compiles four times faster than at
# -O1 (tests/test_errors.cpp: 13 s against 54 s of CPU), for some seconds more of running.
CXX=clang++ cmake -S . -B build-asan "${common[@]}" \
  -DCMAKE_CXX_FLAGS="-O0 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build build-asan
# The tests run on the default stack: at -O0 nothing is force-inlined (detail/config.hpp), so the
# depth-limit test's 256 levels fit in 8 MB under ASan too.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$(nproc)"

echo "== TSan: 16 threads decoding at once, one client with 8 threads calling at once"
CXX=clang++ cmake -S . -B build-tsan "${common[@]}" -DAWSJSON_BUILD_EXAMPLES=OFF \
  -DCMAKE_CXX_FLAGS="-O1 -g -fsanitize=thread" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >/dev/null
cmake --build build-tsan --target awsjson_concurrency_tests
TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/awsjson_concurrency_tests "[concurrency]"
