#!/usr/bin/env python3
"""Score a `redflag scan` JSONL output against the fourth independent test set.

Usage: python3 evaluate.py test.jsonl.gz scan.jsonl [--misses N]

The scan file has one JSON object per line with top-level `id`, `score`,
`flagged` and `category`; other lines (blank, non-JSON, no id) are skipped.
Records are matched by id. Prints ROC-AUC, recall/precision at the tool's
`flagged` decision, recall of stated minors (stated_age < 18), category
accuracy and confusion, and the score threshold needed for recall 0.90 with the
precision there. Standard library only. EVALUATION ONLY: not for tuning.
"""
import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict


def load_jsonl(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict) and "id" in obj:
                yield obj


def roc_auc(scores, labels):
    """Mann-Whitney U with average ranks for ties."""
    pairs = sorted(zip(scores, labels), key=lambda x: x[0])
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j + 1 < len(pairs) and pairs[j + 1][0] == pairs[i][0]:
            j += 1
        avg = (i + j) / 2.0 + 1
        rank_sum += avg * sum(1 for k in range(i, j + 1) if pairs[k][1])
        i = j + 1
    return (rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)


def average_precision(scores, labels):
    order = sorted(range(len(scores)), key=lambda k: -scores[k])
    n_pos = sum(labels)
    if n_pos == 0:
        return float("nan")
    tp, ap, i = 0, 0.0, 0
    while i < len(order):  # treat tied scores as one step
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        grp = order[i:j + 1]
        new_tp = sum(labels[k] for k in grp)
        tp += new_tp
        ap += (new_tp / n_pos) * (tp / (j + 1))
        i = j + 1
    return ap


def threshold_for_recall(scores, labels, target):
    """Highest threshold t with recall(score >= t) >= target; returns (t, recall, precision, n_flagged)."""
    n_pos = sum(labels)
    distinct = sorted(set(scores), reverse=True)
    for t in distinct:
        sel = [l for s, l in zip(scores, labels) if s >= t]
        tp = sum(sel)
        if n_pos and tp / n_pos >= target:
            return t, tp / n_pos, tp / len(sel), len(sel)
    return None, float("nan"), float("nan"), 0


def pct(x):
    return "%.3f" % x if x == x else "n/a"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("test")
    ap.add_argument("scan")
    ap.add_argument("--misses", type=int, default=0, help="list up to N missed suspicious and N false-positive ids")
    a = ap.parse_args()

    gold = {r["id"]: r for r in load_jsonl(a.test)}
    pred = {}
    for r in load_jsonl(a.scan):
        pred[str(r["id"])] = r
    ids = [i for i in gold if i in pred]
    missing = [i for i in gold if i not in pred]
    extra = [i for i in pred if i not in gold]
    print("test records: %d   scan lines matched: %d   missing from scan: %d   unknown ids in scan: %d"
          % (len(gold), len(ids), len(missing), len(extra)))
    if not ids:
        sys.exit("no records matched by id")

    y = [1 if gold[i]["label"] == "suspicious" else 0 for i in ids]
    s = [float(pred[i].get("score") or 0.0) for i in ids]
    f = [bool(pred[i].get("flagged")) for i in ids]
    n_pos, n_neg = sum(y), len(y) - sum(y)
    print("suspicious: %d   benign: %d" % (n_pos, n_neg))

    print("\n== ranking ==")
    print("ROC-AUC: %s   average precision: %s" % (pct(roc_auc(s, y)), pct(average_precision(s, y))))

    tp = sum(1 for yy, ff in zip(y, f) if yy and ff)
    fp = sum(1 for yy, ff in zip(y, f) if not yy and ff)
    fn = n_pos - tp
    tn = n_neg - fp
    rec = tp / n_pos if n_pos else float("nan")
    prec = tp / (tp + fp) if tp + fp else float("nan")
    f1 = 2 * rec * prec / (rec + prec) if tp else 0.0
    print("\n== at the tool's `flagged` decision ==")
    print("flagged: %d   TP %d  FP %d  FN %d  TN %d" % (tp + fp, tp, fp, fn, tn))
    print("recall: %s   precision: %s   F1: %s   false-positive rate: %s" % (pct(rec), pct(prec), pct(f1), pct(fp / n_neg if n_neg else float("nan"))))

    t90, r90, p90, n90 = threshold_for_recall(s, y, 0.90)
    print("\n== threshold for recall 0.90 ==")
    if t90 is None:
        print("recall 0.90 not reachable")
    else:
        print("score >= %.4f   recall %s   precision %s   (%d of %d ads sent to review)" % (t90, pct(r90), pct(p90), n90, len(ids)))

    minors = [i for i in ids if gold[i].get("stated_age") is not None and gold[i]["stated_age"] < 18]
    print("\n== stated minors (stated_age < 18) ==")
    if minors:
        got = sum(1 for i in minors if pred[i].get("flagged"))
        line = "n=%d   recall at `flagged`: %s (%d/%d)" % (len(minors), pct(got / len(minors)), got, len(minors))
        if t90 is not None:
            got90 = sum(1 for i in minors if float(pred[i].get("score") or 0) >= t90)
            line += "   recall at the recall-0.90 threshold: %s" % pct(got90 / len(minors))
        print(line)
    else:
        print("none")

    print("\n== per category (gold), at `flagged` ==")
    by = defaultdict(list)
    for i, yy, ff, ss in zip(ids, y, f, s):
        by[gold[i]["category"]].append((yy, ff, ss))
    for c in sorted(by):
        rows = by[c]
        P = sum(1 for r in rows if r[0])
        N = len(rows) - P
        rtp = sum(1 for r in rows if r[0] and r[1])
        rfp = sum(1 for r in rows if not r[0] and r[1])
        print("%-8s n=%-4d suspicious=%-4d recall=%s  benign=%-4d false-positive rate=%s" % (
            c, len(rows), P, pct(rtp / P) if P else "  n/a", N, pct(rfp / N) if N else "n/a"))

    print("\n== recall by cue family (suspicious ads carrying it), at `flagged` ==")
    fam = defaultdict(lambda: [0, 0])
    for i, yy, ff in zip(ids, y, f):
        if yy:
            for c in gold[i].get("cues", []):
                fam[c][0] += 1
                fam[c][1] += ff
    for c in sorted(fam, key=lambda k: -fam[k][0]):
        print("  %-20s n=%-4d recall=%s" % (c, fam[c][0], pct(fam[c][1] / fam[c][0])))
    fmt = defaultdict(lambda: [0, 0, 0, 0])
    for i, yy, ff in zip(ids, y, f):
        k = "html" if "html" in gold[i] else "text"
        fmt[k][0 if yy else 2] += 1
        fmt[k][1 if yy else 3] += ff
    print("\n== by input format, at `flagged` ==")
    for k in sorted(fmt):
        v = fmt[k]
        print("  %-5s recall=%s (n=%d)   false-positive rate=%s (n=%d)" % (k, pct(v[1] / v[0]) if v[0] else "n/a", v[0],
                                                                         pct(v[3] / v[2]) if v[2] else "n/a", v[2]))

    print("\n== category ==")
    cats = ["escort", "massage", "dating", "other"]
    conf = Counter()
    pc = set()
    for i in ids:
        p = str(pred[i].get("category"))
        pc.add(p)
        conf[(gold[i]["category"], p)] += 1
    cols = cats + sorted(x for x in pc if x not in cats)
    acc = sum(conf[(c, c)] for c in cats) / len(ids)
    print("accuracy: %s" % pct(acc))
    print("gold \\ pred  " + "".join("%9s" % c[:9] for c in cols))
    for g in cats:
        print("%-12s" % g + "".join("%9d" % conf[(g, c)] for c in cols))

    if a.misses:
        fn_ids = sorted((i for i, yy, ff in zip(ids, y, f) if yy and not ff), key=lambda i: float(pred[i].get("score") or 0))
        fp_ids = sorted((i for i, yy, ff in zip(ids, y, f) if not yy and ff), key=lambda i: -float(pred[i].get("score") or 0))
        print("\nmissed suspicious (lowest score first): " + " ".join(fn_ids[:a.misses]))
        print("false positives (highest score first): " + " ".join(fp_ids[:a.misses]))


if __name__ == "__main__":
    main()
