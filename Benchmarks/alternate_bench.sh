#!/usr/bin/env bash
# Compares two redflag binaries' pipeline throughput on a shared, noisy machine: runs
# `redflag bench --stages pipeline -j J --limit N` alternately with each binary, R rounds per job count, and
# prints every run's ads/s and the median per binary. Run it from the repository root (the default data is
# Models/training/corpus.jsonl.gz), after release builds of both:
#
#   Benchmarks/alternate_bench.sh /tmp/base/redflag .build/release/redflag        # -j 1 and -j 2, 3 rounds, 1000 ads
#   ROUNDS=5 LIMIT=2000 JOBS="1" Benchmarks/alternate_bench.sh BASE NEW
set -euo pipefail
base="$1"
new="$2"
rounds="${ROUNDS:-3}"
limit="${LIMIT:-1000}"
jobs_list="${JOBS:-1 2}"
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for jobs in $jobs_list; do
    : > /tmp/alternate_bench.base
    : > /tmp/alternate_bench.new
    for round in $(seq "$rounds"); do
        for which in base new; do
            binary="$base"
            [ "$which" = new ] && binary="$new"
            # The pipeline line for all cores ("whole pipeline, N cores") when J > 1, else the one-core line.
            line="$("$binary" bench --stages pipeline -j "$jobs" --limit "$limit" 2>/dev/null \
                | grep -i "whole pipeline" | tail -1)"
            rate="$(echo "$line" | awk '{ print $(NF - 1) }')"  # columns: label, ads/s, MB/s
            echo "$rate" >> "/tmp/alternate_bench.$which"
            echo "-j $jobs round $round $which: $line"
        done
    done
    echo "-j $jobs median ads/s: base $(median < /tmp/alternate_bench.base), new $(median < /tmp/alternate_bench.new)"
done
