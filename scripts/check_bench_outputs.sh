#!/usr/bin/env bash
# Proves an optimisation changed no output byte: runs the release build on data/ and on the
# benchmark archive of seed 7 (200 documents), and compares the SHA-256 of every output file
# (datasets, Parquet, datapackage.json) with the ones recorded before any optimisation in
# Benchmarks/outputs-data.sha256 and Benchmarks/outputs-seed7-n200.sha256.
#
# A change that is meant to change outputs (a parser fix) records new references:
#   scripts/check_bench_outputs.sh --record
set -euo pipefail
cd "$(dirname "$0")/.."
record=false
[[ "${1:-}" == "--record" ]] && record=true
work="${BENCH_CHECK_DIR:-.build/bench-check}"
rm -rf "$work/data-out" "$work/out-1w" "$work/out-2w" "$work/archive-200-seed7"
mkdir -p "$work"
swift build -c release >/dev/null
bin="$(swift build -c release --show-bin-path)/budget-etl"

"$bin" run --input data --output "$work/data-out" --quiet >/dev/null
(cd "$work/data-out" && sha256sum *.gz *.parquet datapackage.json) >"$work/outputs-data.sha256"
"$bin" bench --documents 200 --seed 7 --seeds data --skip-single --work "$work" >"$work/bench.txt"
cp "$work/out-2w.sha256" "$work/outputs-seed7-n200.sha256"
# The archive itself: a changed generator (not the pipeline) shows up here first.
(cd "$work/archive-200-seed7" && find . -name '*.txt' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) >"$work/archive-seed7-n200.sha256"

status=0
for name in archive-seed7-n200.sha256 outputs-data.sha256 outputs-seed7-n200.sha256; do
  if $record; then
    cp "$work/$name" "Benchmarks/$name"
    echo "recorded Benchmarks/$name"
  elif diff -u "Benchmarks/$name" "$work/$name"; then
    echo "$name: every output file identical"
  else
    echo "$name: OUTPUTS CHANGED"
    status=1
  fi
done
exit $status
