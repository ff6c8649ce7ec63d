#!/usr/bin/env bash
# Builds everything with -Wall -Wextra -Wpedantic -Werror and runs every test through CTest.
#   bash tools/test.sh          the README's test command: the core, client and command tests, the
#                               README's programs, moto, every service compiling, and a sample of the
#                               services' operations against botocore (AWSJSON_TEST_SERVICES=sample)
#   bash tools/test.sh --full   the full suite: every operation of SSM, DynamoDB and Identity Store
#                               and the sampled operations of every other service
# CXX picks the compiler (default clang++, which compiles the service tests in a third of g++'s
# time); BUILD_TYPE the build type (default Debug: unoptimized builds in a third of the time;
# CI builds Release with g++ too); BUILD_DIR the build folder; CMAKE_ARGS adds options;
# SANITIZE=1 builds and runs it all under clang's AddressSanitizer + UndefinedBehaviorSanitizer, no
# recovery: the first finding fails (CI's clang build; its own folder, build-CXX-asan).
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
build=${BUILD_DIR:-build-$(basename "$CXX")${SANITIZE:+-asan}}
sanitizers=()
if [ -n "${SANITIZE:-}" ]; then
  flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
  sanitizers=("-DCMAKE_CXX_FLAGS=$flags" "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined")
  # The tests run on the default stack: unoptimized, nothing is force-inlined (detail/config.hpp),
  # so the depth-limit test's 256 levels fit in 8 MB under ASan too.
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
start=$SECONDS
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-Debug} -DAWSJSON_WERROR=ON "${services[@]}" \
  "${sanitizers[@]}" ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build"
echo "built in $((SECONDS - start)) s"
start=$SECONDS
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
echo "tested in $((SECONDS - start)) s"
