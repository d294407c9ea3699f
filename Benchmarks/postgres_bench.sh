#!/usr/bin/env bash
# Enqueue throughput and claims per second, SQLite beside PostgreSQL, through the `redflag` binary as users run it:
#
#   Benchmarks/postgres_bench.sh .build-pg/release/redflag
#
# BINARY must be built with the PostgreSQL store (`swift build -c release --traits Postgres`). The PostgreSQL queue
# goes to a new schema of the server in REDFLAG_BENCH_POSTGRES_URL; without it, a throwaway cluster is started
# (Tests/Postgres/with-cluster.sh: fsync on, default settings). ADS (default 6000), BATCH (default 500),
# ROUNDS (default 3) change the run; each figure is the median of the rounds. Results go to stdout as a Markdown
# table; Benchmarks/postgres.md records them.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=$(realpath "${1:?usage: Benchmarks/postgres_bench.sh BINARY}")
if [ -z "${REDFLAG_BENCH_POSTGRES_URL:-}" ] && [ -z "${REDFLAG_TEST_POSTGRES_URL:-}" ]; then
  exec Tests/Postgres/with-cluster.sh "$0" "$@"
fi
server=${REDFLAG_BENCH_POSTGRES_URL:-$REDFLAG_TEST_POSTGRES_URL}
ads=${ADS:-6000}
batch=${BATCH:-500}
rounds=${ROUNDS:-3}

work=$(mktemp -d "${TMPDIR:-/tmp}/redflag-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

# Distinct ads, a tenth of them sharing one of 50 phones (so linking into groups is part of the work).
python3 - "$ads" >ads.jsonl <<'EOF'
import json, sys
for i in range(int(sys.argv[1])):
    text = f"ad {i} offers a quiet evening downtown, new in town, call for rates " * 4
    phones = [f"555{2000000 + i % 50}"] if i % 10 == 0 else []
    print(json.dumps({"id": f"ad-{i}", "url": f"https://example.com/ad/{i}", "score": (i * 7919 % 1000) / 1000,
                      "families": ["movement"], "entities": {"phones": phones, "emails": [], "ages": [], "prices": []},
                      "text": text, "main_text": text, "features": {"bias": 1}}))
EOF

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
rate() { python3 -c "print(f'{$1 / ($3 - $2):.0f}')"; }

# One round against one store: import everything, then claim it all with CLAIMERS claimers (PROCESSES processes).
round() {
  local db=$1 processes=$2 claimers=$3
  local t0 t1 t2
  t0=$(now)
  "$binary" queue import ads.jsonl --db "$db" --batch "$batch" --actor bench >/dev/null
  t1=$(now)
  rm -f drill*.out
  local pids=()
  for p in $(seq 1 "$processes"); do
    "$binary" queue drill --db "$db" --reviewer "b$p" --claimers "$claimers" >"drill$p.out" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  t2=$(now)
  local claimed
  claimed=$(cat drill*.out | grep -c '^CLAIM ')
  [ "$claimed" = "$ads" ] || { echo "claimed $claimed of $ads" >&2; exit 1; }
  "$binary" queue audit --verify --db "$db" >/dev/null
  echo "$(rate "$ads" "$t0" "$t1") $(rate "$ads" "$t1" "$t2")"
}

sqlite_db() { echo "$work/q-$1.sqlite"; }
postgres_db() {
  local sep='?'
  case $server in *\?*) sep='&' ;; esac
  echo "${server}${sep}schema=bench_$(date +%s%N)_$1"
}

echo "| store | claimers | enqueue (ads/s, batches of $batch) | claims/s |"
echo "|---|---|---|---|"
for store in sqlite postgres; do
  for setup in "1 1" "2 4"; do
    read -r processes claimers <<<"$setup"
    enq=()
    cl=()
    for r in $(seq 1 "$rounds"); do
      db=$("${store}_db" "${r}_$processes")
      result=$(round "$db" "$processes" "$claimers") || exit 1
      read -r e c <<<"$result"
      enq+=("$e")
      cl+=("$c")
    done
    label=$([ "$processes" = 1 ] && echo "1" || echo "$((processes * claimers)) ($processes processes)")
    echo "| $store | $label | $(printf '%s\n' "${enq[@]}" | median) | $(printf '%s\n' "${cl[@]}" | median) |"
  done
done
echo
echo "ads: $ads, rounds: $rounds (medians); $(nproc) cores; $("$binary" --version 2>/dev/null || echo redflag)"
