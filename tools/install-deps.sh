#!/usr/bin/env bash
# Installs what awsjson needs on Debian 12, skipping what is already there.
# Usage: tools/install-deps.sh [extra Debian packages...]
set -euo pipefail
packages=(cmake ninja-build g++ clang-14 libclang-rt-14-dev python3
          libboost1.81-dev libsimdjson-dev catch2 libbenchmark-dev
          nlohmann-json3-dev rapidjson-dev libcjson-dev libboost-json1.81-dev valgrind clang-format pkg-config
          util-linux libssl-dev libcurl4-openssl-dev libre2-dev zlib1g-dev libexpat1-dev "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
