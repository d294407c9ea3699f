#!/usr/bin/env bash
# Builds the libFuzzer binary with AddressSanitizer and runs each fuzz target for a bounded time.
#
#   Tests/Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET ...]     (default 60 s, every target)
#
# Targets: html warc csv jsonl gzip normalize phones ages lexicon (Tests/Fuzz/Targets/FuzzTarget.swift).
# The build recipe is the one that gives both coverage and ASan with Swift 6.3 on Linux (shared RELIABILITY.md §A4):
# one `-sanitize=fuzzer,address` flag (separate flags: the last wins, so the fuzzer runs blind or without ASan),
# lld (gold drops the coverage tables), only the fuzz product (its `main` is libFuzzer's), its own scratch path.
# Each target starts from its seed corpus in Tests/Fuzz/Corpus/<target>/ (read only) plus a working corpus in
# .build-fuzz/corpus/<target>/ that grows between runs. A crash, leak or sanitizer report is saved under
# .build-fuzz/crashes/ and the script exits 1: copy the input into the seed corpus, where `swift test` replays it
# (FuzzCorpusTests), then fix the bug. Prints executions per target and writes .build-fuzz/last-run.txt.
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(html warc csv jsonl gzip normalize phones ages lexicon); fi
scratch=.build-fuzz

echo "building the fuzz binary in $scratch (ASan + libFuzzer)…" >&2
if ! ENABLE_FUZZ=1 swift build --product RedFlagFuzz --scratch-path "$scratch" --sanitize=fuzzer \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >"$scratch.build.log" 2>&1; then
  tail -30 "$scratch.build.log" >&2
  echo "fuzz build failed (log: $scratch.build.log)" >&2
  exit 2
fi
binary="$scratch/debug/RedFlagFuzz"
mkdir -p "$scratch/crashes"
report="$scratch/last-run.txt"
{
  echo "fuzz run $(date -u +%Y-%m-%dT%H:%M:%SZ), $seconds s per target, commit $(git rev-parse --short HEAD 2>/dev/null)"
  printf '%-10s %10s %8s %8s %s\n' target executions exec/s seconds result
} >"$report"
failed=0
for target in "${targets[@]}"; do
  work="$scratch/corpus/$target"
  mkdir -p "$work"
  log="$scratch/$target.log"
  started=$(date +%s)
  REDFLAG_FUZZ_TARGET="$target" SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1 \
    "$binary" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$scratch/crashes/$target-" "$work" "Tests/Fuzz/Corpus/$target" >"$log" 2>&1
  status=$?
  elapsed=$(( $(date +%s) - started ))
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  runs=${runs:-0}
  if [ "$status" -eq 0 ]; then result=ok; else result="FAILED (exit $status, see $log)"; failed=1; fi
  printf '%-10s %10s %8s %8s %s\n' "$target" "$runs" "$(( runs / (elapsed > 0 ? elapsed : 1) ))" "$elapsed" "$result" \
    | tee -a "$report" >&2
done
cat "$report"
exit $failed
