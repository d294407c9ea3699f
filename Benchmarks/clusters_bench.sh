#!/usr/bin/env bash
# What template clustering costs a whole scan, seen from outside: user CPU seconds of `redflag scan -q -j 1` over
# one input, without and with --cluster, alternated run by run (the machine's speed drifts), ROUNDS rounds
# (default 5), and the median of each. Run from the repository root after a release build:
#
#   Benchmarks/clusters_bench.sh .build/release/redflag Models/training/corpus.jsonl.gz
#   Benchmarks/clusters_bench.sh .build/release/redflag ../shared/data/dig-ads-training.csv --text-field extracted_text
#
# Extra arguments after the input go to every scan. Prints each run, then the medians and the difference.
set -euo pipefail
binary="$1"
input="$2"
shift 2
rounds="${ROUNDS:-5}"
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
plain="$(mktemp)"
clustered="$(mktemp)"
trap 'rm -f "$plain" "$clustered"' EXIT
user_seconds() {
    # GNU time's %U: user CPU seconds of the whole process.
    /usr/bin/time -f "%U" "$binary" scan -q -j 1 "$@" > /dev/null 2> >(tail -1 > /tmp/clusters_bench.time)
    wait
    tail -1 /tmp/clusters_bench.time
}
for round in $(seq "$rounds"); do
    a="$(user_seconds "$input" "$@")"
    b="$(user_seconds --cluster "$input" "$@")"
    echo "$a" >> "$plain"
    echo "$b" >> "$clustered"
    echo "round $round: without --cluster ${a} s, with ${b} s"
done
m1="$(median < "$plain")"
m2="$(median < "$clustered")"
echo "median user CPU: without --cluster ${m1} s, with ${m2} s: $(awk -v a="$m1" -v b="$m2" 'BEGIN { printf "%+.1f%%", (b / a - 1) * 100 }')"
