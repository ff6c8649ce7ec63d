#!/usr/bin/env bash
# The quick loop: builds and runs only the tests of what you changed, with clang, unoptimized, in
# its own folder (build-quick; BUILD_DIR to change it), incrementally.
#   bash tools/quick.sh codec           include/awsjson/ (the codec, the model): the core tests
#   bash tools/quick.sh client          include/awsjson/client/: the client's tests
#   bash tools/quick.sh command         cli/: the awsjson command against moto_server
#   bash tools/quick.sh generator       tools/awsjson_gen.py: regenerate, the generator's tests, and
#                                       SSM's generated headers compiling
#   bash tools/quick.sh service NAME    one service (botocore's name): its operations against botocore
#   bash tools/quick.sh protocol        the Smithy awsJson protocol tests (tests/data/protocol/)
# The README's test command (bash tools/test.sh) runs all of these and more before you commit.
set -euo pipefail
cd "$(dirname "$0")/.."
area=${1:-}
build=${BUILD_DIR:-build-quick}
configure() {
  CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DAWSJSON_BUILD_BENCHMARKS=OFF \
    -DAWSJSON_TEST_SINGLE_HEADER=OFF -DAWSJSON_TEST_EVERY_SERVICE_COMPILES=OFF "$@" >/dev/null
}
case "$area" in
  codec)
    configure -DAWSJSON_TEST_SERVICES=OFF -DAWSJSON_BUILD_CLI=OFF
    cmake --build "$build" --target awsjson_tests
    "$build/tests/awsjson_tests"
    ;;
  client)
    configure -DAWSJSON_TEST_SERVICES=OFF -DAWSJSON_BUILD_CLI=OFF
    cmake --build "$build" --target awsjson_client_tests
    "$build/tests/awsjson_client_tests"
    ;;
  command)
    configure -DAWSJSON_TEST_SERVICES=OFF -DAWSJSON_BUILD_CLI=ON
    cmake --build "$build" --target awsjson-cli awsjson_integration_tests awsjson_cli_tests
    "$build/tests/cli/awsjson_cli_tests"
    ctest --test-dir "$build" --output-on-failure -R "awsjson and awsjson-ssm against moto_server"
    ;;
  generator)
    bash tools/regenerate.sh
    configure -DAWSJSON_TEST_SERVICES=OFF -DAWSJSON_BUILD_CLI=OFF
    cmake --build "$build" --target awsjson_generator_tests
    "$build/tests/awsjson_generator_tests"
    CXX=clang++ bash tools/check-services.sh ssm
    ;;
  service)
    name=${2:?"usage: bash tools/quick.sh service NAME (botocore's name, e.g. sqs)"}
    configure "-DAWSJSON_TEST_SERVICES=$name" -DAWSJSON_BUILD_CLI=OFF
    cmake --build "$build" --target awsjson_services
    ctest --test-dir "$build" --output-on-failure -L services
    ;;
  protocol)
    configure -DAWSJSON_TEST_SERVICES=OFF -DAWSJSON_BUILD_CLI=OFF
    cmake --build "$build" --target awsjson_protocol_tests
    "$build/tests/awsjson_protocol_tests"
    ;;
  *)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
