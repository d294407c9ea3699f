#!/usr/bin/env bash
# Runs every case of cases.tsv with BINARY and writes what it printed on stdout to OUT (default: expected/):
# the whole output for `file` cases, its SHA-256 for `sha256` cases.
#
#   Tests/Golden/record.sh .build/release/redflag                # refresh the committed expectations
#   Tests/Golden/record.sh /tmp/base-redflag /tmp/base && Tests/Golden/record.sh .build/release/redflag /tmp/new \
#     && diff -r /tmp/base /tmp/new                               # compare two binaries
#
# Refresh the expectations only when a change to the output is meant; GoldenOutputTests compares against them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="${2:-$here/expected}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp -R "$root/Samples" "$scratch/Samples"
cp "$root/Models/training/second/test.jsonl.gz" "$scratch/corpus.jsonl.gz"
cd "$scratch"
while IFS=$'\t' read -r name how arguments; do
    case "$name" in ''|'#'*) continue ;; esac
    # shellcheck disable=SC2086  # arguments are whitespace-separated words by design
    NO_COLOR=1 COLUMNS=120 REDFLAG_MODELS="$root/Models" "$binary" $arguments > "$scratch/stdout" 2> /dev/null || true
    if [ "$how" = sha256 ]; then
        sha256sum < "$scratch/stdout" | cut -d' ' -f1 > "$out/$name.sha256"
    else
        cp "$scratch/stdout" "$out/$name.out"
    fi
done < "$here/cases.tsv"
