#!/usr/bin/env bash
# Compiler launcher for tools/build-cost.sh: runs the compiler under GNU time and appends
# "user_s system_s peak_kb output" to tu-cost.log in the build folder.
out=unknown
for ((i = 1; i <= $#; i++)); do [ "${!i}" = -o ] && { j=$((i + 1)); out=${!j}; }; done
exec /usr/bin/time -a -o "$PWD/tu-cost.log" -f "%U %S %M $out" "$@"
