#!/usr/bin/env bash
# Benchmark (not a test) of `redflag serve`: POST /v1/ads with the sample ad pages, loaded by wrk on loopback.
#
#   Benchmarks/serve_bench.sh            # release build, then wrk -t2 -c32 -d20s
#   DURATION=60s CONNECTIONS=64 ENQUEUE_BATCH=1 Benchmarks/serve_bench.sh
#   REDFLAG_DISTINCT=1 Benchmarks/serve_bench.sh   # every page made distinct: flagged ones are new items, not reposts
#
# Prints wrk's report (with p50/p90/p99 from post.lua) and the server's CPU time over the run, read from
# /proc/PID/stat before and after. The server runs with its defaults (one scoring worker per core, request log at
# info to a file) on a fresh queue in a temporary folder; ENQUEUE_BATCH=1 writes every flagged ad in its own
# transaction instead of coalescing them. Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-18080}
ENQUEUE_BATCH=${ENQUEUE_BATCH:-200}
BINARY=${BINARY:-.build/release/redflag}

if [ -z "${SKIP_BUILD:-}" ]; then swift build -c release --product redflag >&2; fi
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

token=$("$BINARY" token create --role ingest --name bench --db "$work/queue.sqlite" 2>/dev/null)
"$BINARY" serve --port "$PORT" --db "$work/queue.sqlite" --enqueue-batch "$ENQUEUE_BATCH" 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 200); do
  grep -q "listening on" "$work/serve.log" 2>/dev/null && break
  sleep 0.1
done
grep "listening on" "$work/serve.log" >&2

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
# Warm-up: every page once, so the first requests' one-time costs stay out of the figures.
REDFLAG_TOKEN=$token REDFLAG_PAGES=$PWD/Samples/pages wrk -t1 -c1 -d2s -s Benchmarks/serve/post.lua \
  "http://127.0.0.1:$PORT" >/dev/null
before=$(cpu)
start=$(date +%s.%N)
REDFLAG_TOKEN=$token REDFLAG_PAGES=$PWD/Samples/pages wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency \
  -s Benchmarks/serve/post.lua "http://127.0.0.1:$PORT" | tee "$work/wrk.txt"
end=$(date +%s.%N)
after=$(cpu)
requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
# CPU per request moves far less than requests/s when something else shares the cores: compare builds by it there.
awk -v b="$before" -v a="$after" -v t="$ticks" -v s="$start" -v e="$end" -v r="$requests" 'BEGIN {
  cpu = (a - b) / t; wall = e - s
  printf "server CPU: %.1f s over %.1f s wall = %.2f cores (of %d), %.2f ms per request\n", cpu, wall, cpu / wall, '"$(nproc)"', 1000 * cpu / r
}'
"$BINARY" queue stats --db "$work/queue.sqlite" | head -3
kill -TERM "$server"
wait "$server" || true
tail -1 "$work/serve.log"
