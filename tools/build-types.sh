#!/usr/bin/env bash
# Builds and tests every CMake build type with g++ 12 and clang 14, warnings as errors.
# Usage: tools/build-types.sh [build types...]   (default: Debug Release RelWithDebInfo MinSizeRel)
# Slow (eight builds of the README's test command); CI runs clang Debug and g++ Release, this script
# the whole matrix.
set -euo pipefail
cd "$(dirname "$0")/.."
types=("$@")
((${#types[@]})) || types=(Debug Release RelWithDebInfo MinSizeRel)
for cxx in g++ clang++; do
  for t in "${types[@]}"; do
    echo "== $cxx $t"
    CXX=$cxx BUILD_TYPE=$t BUILD_DIR="build-types-$cxx-$t" CMAKE_ARGS="-DAWSJSON_BUILD_BENCHMARKS=OFF" \
      bash tools/test.sh 2>&1 | tail -3
  done
done
