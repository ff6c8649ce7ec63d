#!/usr/bin/env bash
# The three ways to take awsjson, each built from scratch and run on the sample response:
# find_package against an install prefix, add_subdirectory, and a plain compiler command line
# with only the single header; the find_package consumer also in the separate-compilation mode.
# Also checks the pkg-config file.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sample="$root/examples/sample_response.json"

echo "-- install"
cmake -S . -B "$work/build" -G Ninja -DAWSJSON_BUILD_TESTS=OFF -DAWSJSON_BUILD_EXAMPLES=OFF -DAWSJSON_BUILD_BENCHMARKS=OFF \
  -DAWSJSON_BUILD_CLI=OFF >/dev/null
cmake --install "$work/build" --prefix "$work/prefix" >/dev/null

echo "-- install, every service by default: a service's header from the install tree"
echo '#include <awsjson/dynamodb/get_item.hpp>' > "$work/service.cpp"
${CXX:-g++} -std=c++20 -fsyntax-only -I"$work/prefix/include" "$work/service.cpp"
services_in() { for f in "$1"/*/all.hpp; do [ -f "$f" ] && basename "$(dirname "$f")"; done | tr '\n' ' '; }
n=$(services_in "$work/prefix/include/awsjson" | wc -w)
[ "$n" -eq "$(ls services/include/awsjson | wc -l)" ] || { echo "installed $n services, not every one" >&2; exit 1; }

echo "-- install, services chosen with AWSJSON_SERVICES=ssm;acm_pca"
cmake -S . -B "$work/build-some" -G Ninja -DAWSJSON_BUILD_TESTS=OFF -DAWSJSON_BUILD_EXAMPLES=OFF \
  -DAWSJSON_BUILD_BENCHMARKS=OFF -DAWSJSON_BUILD_CLI=OFF "-DAWSJSON_SERVICES=ssm;acm_pca" >/dev/null
cmake --install "$work/build-some" --prefix "$work/prefix-some" >/dev/null
chosen=$(services_in "$work/prefix-some/include/awsjson")
[ "$chosen" = "acm_pca ssm " ] || { echo "installed services: $chosen (expected acm_pca ssm)" >&2; exit 1; }
echo '#include <awsjson/acm_pca/describe_certificate_authority.hpp>' > "$work/acm_pca.cpp"
${CXX:-g++} -std=c++20 -fsyntax-only -I"$work/prefix-some/include" "$work/acm_pca.cpp"
# ... and in the build tree, only they are on awsjson::awsjson's include path
linked=$(ls "$work/build-some/awsjson_services/include/awsjson" | tr '\n' ' ')
[ "$linked" = "acm_pca ssm " ] || { echo "build tree services: $linked (expected acm_pca ssm)" >&2; exit 1; }
if cmake -S . -B "$work/build-bad" -G Ninja -DAWSJSON_BUILD_TESTS=OFF -DAWSJSON_BUILD_CLI=OFF -DAWSJSON_SERVICES=no_such_service >/dev/null 2>&1; then
  echo "AWSJSON_SERVICES took a service that does not exist" >&2
  exit 1
fi

echo "-- the awsjson command, built (for SQS alone: the quickest; clang) and installed with the library: bin/awsjson"
CXX=clang++ cmake -S . -B "$work/build-cli" -G Ninja -DAWSJSON_BUILD_TESTS=OFF -DAWSJSON_BUILD_EXAMPLES=OFF \
  -DAWSJSON_BUILD_BENCHMARKS=OFF -DAWSJSON_BUILD_CLI=ON -DAWSJSON_CLI_SERVICES=sqs -DAWSJSON_SERVICES=sqs >/dev/null
cmake --build "$work/build-cli" >/dev/null
cmake --install "$work/build-cli" --prefix "$work/prefix-cli" >/dev/null
"$work/prefix-cli/bin/awsjson" help | grep -qx sqs || { echo "the installed awsjson does not list sqs" >&2; exit 1; }
"$work/prefix-cli/bin/awsjson" sqs help | grep -qx send-message || { echo "the installed awsjson has no sqs send-message" >&2; exit 1; }

echo "-- find_package(awsjson CONFIG REQUIRED)"
cmake -S tests/consumers/find_package -B "$work/fp" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/fp" >/dev/null
"$work/fp/consumer" "$sample"
echo "-- find_package, the codec compiled in its own translation unit (awsjson/compiled.hpp)"
"$work/fp/consumer_separate" "$sample"
echo "-- find_package, awsjson::sigv4 (OpenSSL comes along)"
"$work/fp/consumer_sign"
echo "-- find_package, awsjson::patterns (RE2 comes along)"
"$work/fp/consumer_patterns"
echo "-- the installed single header, in its own folder and at its former place"
echo '#include <awsjson/awsjson.hpp>' > "$work/single.cpp"
${CXX:-g++} -std=c++20 -fsyntax-only -I"$work/prefix/include/awsjson_single_include" "$work/single.cpp"
echo '#include <awsjson/single_include/awsjson.hpp>' > "$work/single_former.cpp"
${CXX:-g++} -std=c++20 -fsyntax-only -I"$work/prefix/include" "$work/single_former.cpp"

echo "-- add_subdirectory"
cmake -S tests/consumers/add_subdirectory -B "$work/as" -G Ninja >/dev/null
cmake --build "$work/as" >/dev/null
"$work/as/consumer" "$sample"
if [ -e "$work/as/awsjson/tests" ] || [ -e "$work/as/awsjson/benchmarks" ]; then
  echo "tests or benchmarks were configured for a subproject" >&2
  exit 1
fi

echo "-- the single header and a plain command line"
mkdir -p "$work/sh/awsjson/ssm"
cp single_include/awsjson/awsjson.hpp "$work/sh/awsjson/awsjson.hpp"
# the consumer includes the model header by its name: there it is the single header too
printf '#include "../awsjson.hpp"\n' > "$work/sh/awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp"
${CXX:-g++} -std=c++20 -O1 -Wall -Wextra -Werror -I"$work/sh" tests/consumers/main.cpp -o "$work/sh/consumer" -lsimdjson
"$work/sh/consumer" "$sample"

echo "-- pkg-config"
PKG_CONFIG_PATH="$work/prefix/share/pkgconfig" pkg-config --cflags --libs awsjson
echo "consumers ok"
