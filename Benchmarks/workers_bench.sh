#!/usr/bin/env bash
# Scan throughput of a distributed scan with 1, 2 and 4 `redflag worker` processes, through the binary as people
# run it:
#
#   Benchmarks/workers_bench.sh .build-pg/release/redflag
#
# BINARY must be built with the PostgreSQL store (`swift build -c release --traits Postgres`). Each round registers
# the 6,000 generated pages of Models/training/corpus.jsonl.gz (unpacked to one JSONL dump, cut into parts of
# PART_BYTES, default 512 KiB) in a new schema of the server in REDFLAG_BENCH_POSTGRES_URL (without it, a throwaway
# cluster from Tests/Postgres/with-cluster.sh), starts N workers (-j 1 each) at once and times them until the last
# exits; flagged ads go to the review queue as in a real run. `scan -j 1` and `scan -j 2` of the same dump, without
# a queue, are the baseline. DATA (another JSONL dump), ROUNDS (default 3), WORKERS (default "1 2 4") and
# WORKER_ARGS (more options for every worker, e.g. "--threshold 2" so that only the minor rule flags and the queue
# takes almost nothing) change the run; each figure is the median of the rounds. Benchmarks/postgres.md records the
# results.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=$(realpath "${1:?usage: Benchmarks/workers_bench.sh BINARY}")
if [ -z "${REDFLAG_BENCH_POSTGRES_URL:-}" ] && [ -z "${REDFLAG_TEST_POSTGRES_URL:-}" ]; then
  exec Tests/Postgres/with-cluster.sh "$0" "$@"
fi
server=${REDFLAG_BENCH_POSTGRES_URL:-$REDFLAG_TEST_POSTGRES_URL}
rounds=${ROUNDS:-3}
part=${PART_BYTES:-524288}

work=$(mktemp -d "${TMPDIR:-/tmp}/redflag-workers.XXXXXX")
trap 'rm -rf "$work"' EXIT
dump="$work/corpus.jsonl"
if [ -n "${DATA:-}" ]; then cp "$DATA" "$dump"; else zcat Models/training/corpus.jsonl.gz >"$dump"; fi
ads=$(grep -c . "$dump")

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
rate() { python3 -c "print(f'{$1 / ($3 - $2):.0f}')"; }
schema() {
  local sep='?'
  case $server in *\?*) sep='&' ;; esac
  echo "${server}${sep}schema=workers_$(date +%s%N)"
}

echo "| run | ads/s (median of $rounds) |"
echo "|---|---|"
for jobs in 1 2; do
  rates=()
  for r in $(seq 1 "$rounds"); do
    t0=$(now)
    "$binary" scan -q -j "$jobs" "$dump" >/dev/null
    t1=$(now)
    rates+=("$(rate "$ads" "$t0" "$t1")")
  done
  echo "| scan -j $jobs, no queue | $(printf '%s\n' "${rates[@]}" | median) |"
done

for workers in ${WORKERS:-1 2 4}; do
  rates=()
  items=0
  for r in $(seq 1 "$rounds"); do
    db=$(schema)
    run=$("$binary" scan -q --work "$db" --part-bytes "$part" "$dump")
    t0=$(now)
    pids=()
    for w in $(seq 1 "$workers"); do
      # shellcheck disable=SC2086 # WORKER_ARGS is a list of options
      "$binary" worker --db "$db" --run "$run" -j 1 -q --name "bench-$w" ${WORKER_ARGS:-} 2>"$work/worker-$w.err" &
      pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || { cat "$work"/worker-*.err >&2; exit 1; }; done
    t1=$(now)
    status=$("$binary" scan --status --db "$db" --run "$run" --format json)
    read -r done total scanned flagged <<<"$(python3 -c 'import json,sys; s=json.loads(sys.argv[1]); print(s["done"], s["total"], s["ads"], s["flagged"])' "$status")"
    [ "$done" = "$total" ] && [ "$scanned" = "$ads" ] || { echo "round $r: $status" >&2; exit 1; }
    items=$total
    rates+=("$(rate "$ads" "$t0" "$t1")")
  done
  echo "| $workers worker(s), -j 1 each, $items items | $(printf '%s\n' "${rates[@]}" | median) |"
done
echo
echo "ads: $ads ($(du -h "$dump" | cut -f1)), $flagged flagged and enqueued by the workers${WORKER_ARGS:+ (${WORKER_ARGS})}, parts of"
echo "$part bytes, rounds: $rounds (medians); $(nproc) cores"
