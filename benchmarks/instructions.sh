#!/usr/bin/env bash
# Instructions per document for every implementation and input, counted by callgrind: stable on a
# shared, noisy machine where wall-clock time is not. Usage: benchmarks/instructions.sh [BENCH_BINARY]
# (default build-bench/benchmarks/awsjson_bench; build it with tools/bench.sh first).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build-bench/benchmarks/awsjson_bench}
echo "| input | implementation | instructions/doc |"
echo "|---|---|--:|"
for input in typical minimal large batch; do
  case $input in large) n=20 ;; batch) n=1 ;; *) n=2000 ;; esac
  while IFS= read -r impl; do
    out=$(valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/dev/null "$bin" --instructions "$impl" "$input" "$n" 2>&1)
    docs=$(grep -oE '^[0-9]+ documents' <<<"$out" | cut -d' ' -f1)
    ir=$(grep -oE 'Collected : [0-9]+' <<<"$out" | grep -oE '[0-9]+$')
    echo "| $input | $impl | $((ir / docs)) |"
  done < <("$bin" --list-impls)
done
# The other walks over the decoded documents (encode, print, validate, reset: reset after a copy).
echo
echo "| input | walk | instructions/doc |"
echo "|---|---|--:|"
for input in typical large; do
  case $input in large) n=20 ;; *) n=2000 ;; esac
  for walk in encode print validate reset; do
    out=$(valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/dev/null "$bin" --walk-instructions "$walk" "$input" "$n" 2>&1)
    docs=$(grep -oE '^[0-9]+ documents' <<<"$out" | cut -d' ' -f1)
    ir=$(grep -oE 'Collected : [0-9]+' <<<"$out" | grep -oE '[0-9]+$')
    echo "| $input | $walk | $((ir / docs)) |"
  done
done
