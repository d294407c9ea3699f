#!/usr/bin/env python3
"""Measures RedFlag beside the C floor and the Python peer of ../shared/bench, interleaved, and prints the ratios
the throughput bars are stated in.

Why interleaved: this machine's throughput drifts by up to 2x within seconds (a neighbour on the host), so a floor
run at one moment and ours at another compare weather, not code. Each round times each floor stage and, right
after it, our matching stage (`redflag bench --stages`) on the same ads; medians are taken per stage over the
rounds, and each ratio is taken per round (both sides saw nearly the same weather) and its median reported.

    bash ../shared/bench/run.sh setup && bash ../shared/bench/run.sh gen      # once: /tmp/floor, /tmp/ads20k
    swift build -c release --product redflag
    python3 Benchmarks/compare_floor.py --rounds 9 [--peer]

--peer also runs the Python peer's full pipeline (lxml + re + scikit-learn) on the same ads in the first
--peer-rounds rounds; its full stage runs all its variants, a few minutes per round on 1,000 ads.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

FLOOR_STAGES = {
    "parse only": "floor_parse",
    "regex: 150 separate patterns": "floor_regex",
    "FULL (separate patterns)": "floor_full",
}
OURS = {
    "parse + visible text (libxml2 SAX)": "parse",
    "normalize (both views)": "normalize",
    "lexicon (prefilter + PCRE2)": "lexicon",
    "entities": "entities",
    "features (normalize + lexicon + entities)": "features",
    "whole pipeline, 1 core": "pipeline_1",
}


def floor_round(args, stage):
    out = subprocess.run(
        [args.floor, args.data, "--limit", str(args.limit), "--reps", str(args.reps), "--stages", stage],
        capture_output=True, text=True, check=True, cwd=args.shared_bench).stdout
    result = {}
    for line in out.splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 4 and cells[1] in FLOOR_STAGES:
            result[FLOOR_STAGES[cells[1]]] = float(cells[4])
    return result


def ours_round(args, stage):
    out = subprocess.run(
        [args.redflag, "bench", args.data, "--limit", str(args.limit), "--reps", str(args.reps), "--jobs",
         str(args.jobs), "--stages", stage], capture_output=True, text=True, check=True).stdout
    result = {}
    for line in out.splitlines():
        m = re.match(r"^(.*?)\s{2,}(\d+)\s", line)
        if m and m.group(1) in OURS:
            result[OURS[m.group(1)]] = float(m.group(2))
        m = re.match(r"whole pipeline, (\d+) cores \(wall clock\)\s+(\d+)", line)
        if m:
            result["pipeline_all"] = float(m.group(2))
        m = re.match(r"\d+ cores against 1 \(wall clock, median of alternated runs\): ([\d.]+)x", line)
        if m:
            result["scaling"] = float(m.group(1))
    return result


def peer_round(args):
    out = subprocess.run(
        [args.python, "peer.py", args.data, "--limit", str(args.limit), "--reps", "1", "--stages", "full"],
        capture_output=True, text=True, check=True, cwd=args.shared_bench).stdout
    for line in out.splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 4 and cells[1].startswith("FULL: separate + phone + sklearn batch predict"):
            return {"peer_full": float(cells[4])}
    return {}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--floor", default="/tmp/floor")
    parser.add_argument("--data", default="/tmp/ads20k")
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--reps", type=int, default=3, help="repetitions per stage and round (median)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--redflag", default=".build/release/redflag")
    parser.add_argument("--peer", action="store_true")
    parser.add_argument("--peer-rounds", type=int, default=3,
                        help="rounds that also run the peer (its full stage runs all its variants: minutes each)")
    parser.add_argument("--python", default="/tmp/bench-venv/bin/python")
    parser.add_argument("--shared-bench", default="../shared/bench", help="folder of floor's patterns and peer.py")
    args = parser.parse_args()
    args.redflag = os.path.abspath(args.redflag)
    args.shared_bench = os.path.abspath(args.shared_bench)

    rounds = []
    for r in range(args.rounds):
        row = {}
        # Each floor stage right next to ours: the machine's speed drifts within seconds.
        for floor_stage, our_stage in [("parse", "pipeline"), ("regex", "features"), ("full", "parse")]:
            row.update(floor_round(args, floor_stage))
            row.update(ours_round(args, our_stage))
        if args.peer and r < args.peer_rounds:
            row.update(peer_round(args))
        rounds.append(row)
        print(f"round {r + 1}: " + ", ".join(f"{k} {v:.0f}" for k, v in sorted(row.items())), file=sys.stderr)

    def median(key):
        values = [row[key] for row in rounds if key in row]
        return statistics.median(values) if values else float("nan")

    def measured_ratio(key):
        """A ratio our bench measured itself in each round (for the multi-core scaling)."""
        values = [row[key] for row in rounds if key in row]
        if not values:
            return float("nan")
        spreads.append(f"{min(values):.2f}–{max(values):.2f}")
        return statistics.median(values)

    def ratio(numerator, denominator, per_ad_sum=None):
        values = []
        for row in rounds:
            if per_ad_sum:
                if not all(k in row for k in per_ad_sum) or denominator not in row:
                    continue
                ours = 1 / sum(1 / row[k] for k in per_ad_sum)
                values.append(ours / row[denominator])
            elif numerator in row and denominator in row:
                values.append(row[numerator] / row[denominator])
        if not values:
            return float("nan")
        spreads.append(f"{min(values):.2f}–{max(values):.2f}")
        return statistics.median(values)

    spreads = []
    print(f"{args.limit} ads from {args.data}, {args.rounds} interleaved rounds; ads/s per core, medians")
    for key in ["floor_parse", "floor_regex", "floor_full", "parse", "normalize", "lexicon", "entities", "features",
                "pipeline_1", "pipeline_all", "peer_full"]:
        if any(key in row for row in rounds):
            print(f"  {key:14} {median(key):10.0f}")
    print("ratios (median of per-round ratios; the range over rounds in brackets):")
    lines = [
        ("normalize + lexicon + entities / floor regex stage",
         ratio(None, 'floor_regex', per_ad_sum=['normalize', 'lexicon', 'entities']), "bar: 2x"),
        ("all features (with the vector) / floor regex stage", ratio('features', 'floor_regex'), ""),
        ("whole pipeline, 1 core / floor parse only", ratio('pipeline_1', 'floor_parse'), "bar: 0.7x"),
        ("whole pipeline, 1 core / floor full pipeline", ratio('pipeline_1', 'floor_full'), ""),
        (f"whole pipeline, {args.jobs} cores / 1 core, both wall clock", measured_ratio('scaling'), "bar: 1.8x"),
    ]
    if args.peer:
        lines.append(("whole pipeline, 1 core / Python peer full", ratio('pipeline_1', 'peer_full'), "bar: 30x"))
    for (name, value, bar), spread in zip(lines, spreads):
        print(f"  {name:52} {value:6.2f}x  [{spread}]  {bar}")


if __name__ == "__main__":
    main()
