#!/usr/bin/env bash
# Times every hostile-input case (Tests/RedFlagPipelineTests/HostileCases.swift) against a redflag binary at the
# default limits, with /usr/bin/time -v: wall seconds, CPU seconds (user + system, which a busy machine does not
# inflate) and maximum resident memory per case, each case scanned as a folder with an ordinary ad before and after
# it. The bar (issue 17): every case within 2 s and 300 MB; each run includes the ~0.3 s of loading the lexicon.
#
#   swift build -c release && Tests/Hostile/measure.sh .build/release/redflag [CASES_FOLDER]
#
# Without CASES_FOLDER the cases are written by the test suite (REDFLAG_HOSTILE_OUT) into .build-hostile-cases/.
# JOBS (default: all cores) sets -j. Writes the table to stdout and .build-hostile-cases/last-run.md; exits 1 when a
# case misses the bar or an ad around it is lost.
set -uo pipefail
cd "$(dirname "$0")/../.."
binary="${1:?usage: measure.sh REDFLAG_BINARY [CASES_FOLDER]}"
cases="${2:-.build-hostile-cases}"
if [ $# -lt 2 ]; then
  mkdir -p "$cases"
  echo "writing the cases with the test suite…" >&2
  REDFLAG_HOSTILE_OUT="$PWD/$cases" swift test --filter HostileInputTests >"$cases.log" 2>&1 || {
    echo "the hostile suite failed; see $cases.log" >&2
    exit 2
  }
fi
jobs_option=()
if [ -n "${JOBS:-}" ]; then jobs_option=(-j "$JOBS"); fi
report="$cases/last-run.md"
{
  echo "| case | seconds | CPU seconds | max RSS MB | lines | error codes | warning codes | bar |"
  echo "|---|---:|---:|---:|---:|---|---|---|"
} >"$report"
failed=0
for dir in "$cases"/*/; do
  name=$(basename "$dir")
  out=$(mktemp)
  timing=$(mktemp)
  /usr/bin/time -v -o "$timing" "$binary" scan -q --keep-going "${jobs_option[@]}" "$dir" >"$out" 2>/dev/null
  seconds=$(grep -E "Elapsed \(wall clock\)" "$timing" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss_kb=$(grep -E "Maximum resident set size" "$timing" | awk '{print $NF}')
  cpu=$(grep -E "(User|System) time \(seconds\)" "$timing" | awk '{s += $NF} END {printf "%.2f", s}')
  rss_mb=$(( rss_kb / 1024 ))
  lines=$(wc -l <"$out")
  errors=$(grep -oE '"error":\{"code":"[a-z_]+"' "$out" | sed -E 's/.*"code":"//; s/"//' | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')
  warnings=$(grep -oE '"warnings":\[[^]]*\]' "$out" | grep -oE '"code":"[a-z_]+"' | sed -E 's/.*"code":"//; s/"//' | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')
  first_ok=$(head -1 "$out" | grep -c '"error":null')
  last_ok=$(tail -1 "$out" | grep -c '"error":null')
  bar=ok
  if awk "BEGIN { exit !($seconds > 2.0) }" || [ "$rss_mb" -gt 300 ] || [ "$first_ok" -ne 1 ] || [ "$last_ok" -ne 1 ]; then
    bar=MISSED
    failed=1
  fi
  echo "| $name | $seconds | $cpu | $rss_mb | $lines | ${errors:--} | ${warnings:--} | $bar |" >>"$report"
  rm -f "$out" "$timing"
done
cat "$report"
exit $failed
