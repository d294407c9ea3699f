#!/usr/bin/env python3
"""Score a `redflag scan` JSONL output against the gen5 evaluation set.

Usage: python3 evaluate.py test.jsonl.gz scan.jsonl [--target-recall 0.90] [--json]

The scan file has one JSON object per line with at least `id`, `score`, `flagged`
and `category` (other keys are ignored; .gz is accepted; non-JSON lines are skipped).
Records are matched by id.  A test record with no prediction counts as
score = -inf, not flagged, category "(missing)".

Prints ROC-AUC, recall/precision at the tool's own `flagged` decision, recall of
stated minors (stated_age < 18), category accuracy and confusion matrix, the
score threshold needed for the target recall (default 0.90) with the precision
there, and breakdowns by category and by input format (html/text).
Standard library only.  This set is for evaluation only: never tune on it.
"""
import argparse
import gzip
import json
import math
import sys

CATS = ["escort", "massage", "dating", "other"]
CAT_ALIASES = {"personals": "dating", "personal": "dating", "dating/personals": "dating", "classified": "other",
               "classifieds": "other", "ordinary": "other", "none": "other", "bodyrub": "massage",
               "body rub": "massage", "body_rub": "massage"}


def open_any(path):
    if path == "-":
        return sys.stdin
    with open(path, "rb") as f:
        magic = f.read(2)
    if magic == b"\x1f\x8b":
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, "r", encoding="utf-8")


def read_jsonl(path):
    out = []
    with open_any(path) as f:
        for line in f:
            line = line.strip()
            if not line or not line.startswith("{"):
                continue
            try:
                out.append(json.loads(line))
            except ValueError:
                continue
    return out


def as_bool(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return v != 0
    if isinstance(v, str):
        return v.strip().lower() in ("true", "1", "yes", "y", "flagged")
    return False


def as_score(v):
    try:
        x = float(v)
    except (TypeError, ValueError):
        return -math.inf
    return x if not math.isnan(x) else -math.inf


def norm_cat(v):
    if v is None:
        return "(missing)"
    c = str(v).strip().lower()
    return CAT_ALIASES.get(c, c)


def roc_auc(pos, neg):
    """Mann-Whitney AUC with average ranks for ties."""
    if not pos or not neg:
        return float("nan")
    allv = sorted([(s, 1) for s in pos] + [(s, 0) for s in neg], key=lambda x: x[0])
    ranks_pos = 0.0
    i = 0
    n = len(allv)
    while i < n:
        j = i
        while j + 1 < n and allv[j + 1][0] == allv[i][0]:
            j += 1
        avg = (i + j) / 2.0 + 1.0
        for k in range(i, j + 1):
            if allv[k][1] == 1:
                ranks_pos += avg
        i = j + 1
    npos, nneg = len(pos), len(neg)
    return (ranks_pos - npos * (npos + 1) / 2.0) / (npos * nneg)


def threshold_for_recall(rows, target):
    """Largest threshold t with recall(score >= t) >= target; returns (t, recall, precision, n_flagged)."""
    pos = sorted((r["score"] for r in rows if r["gold"]), reverse=True)
    if not pos:
        return None
    k = max(1, int(math.ceil(target * len(pos) - 1e-9)))
    t = pos[k - 1]
    tp = sum(1 for r in rows if r["gold"] and r["score"] >= t)
    fp = sum(1 for r in rows if not r["gold"] and r["score"] >= t)
    return t, tp / len(pos), (tp / (tp + fp) if tp + fp else float("nan")), tp + fp


def pr(tp, fp, fn):
    rec = tp / (tp + fn) if tp + fn else float("nan")
    prec = tp / (tp + fp) if tp + fp else float("nan")
    f1 = 2 * prec * rec / (prec + rec) if prec == prec and rec == rec and prec + rec > 0 else float("nan")
    return rec, prec, f1


def fmt(x, nd=3):
    if x is None or (isinstance(x, float) and (math.isnan(x) or math.isinf(x))):
        return "n/a" if not (isinstance(x, float) and math.isinf(x)) else ("-inf" if x < 0 else "inf")
    return ("%." + str(nd) + "f") % x


def main():
    ap = argparse.ArgumentParser(description="Evaluate a redflag scan against the gen5 test set.")
    ap.add_argument("test", help="test.jsonl.gz written by generate.py")
    ap.add_argument("scan", help="redflag scan JSONL output (id, score, flagged, category)")
    ap.add_argument("--target-recall", type=float, default=0.90)
    ap.add_argument("--json", action="store_true", help="also print a JSON summary line at the end")
    a = ap.parse_args()

    gold = read_jsonl(a.test)
    preds = {}
    for p in read_jsonl(a.scan):
        if "id" in p:
            preds[str(p["id"])] = p
    rows, missing = [], 0
    for g in gold:
        p = preds.get(g["id"])
        if p is None:
            missing += 1
        sa = g.get("stated_age")
        rows.append({
            "id": g["id"], "gold": g["label"] == "suspicious", "cat": g["category"],
            "fmt": "html" if "html" in g else "text",
            "minor": sa is not None and sa < 18,
            "score": as_score(p.get("score")) if p else -math.inf,
            "flagged": as_bool(p.get("flagged")) if p else False,
            "pcat": norm_cat(p.get("category")) if p else "(missing)",
        })
    extra = len(set(preds) - set(r["id"] for r in rows))
    n = len(rows)
    npos = sum(r["gold"] for r in rows)
    print("gen5 evaluation: %d test records (%d suspicious, %d benign); predictions matched for %d, missing %d, "
          "unmatched extra ids %d" % (n, npos, n - npos, n - missing, missing, extra))
    if missing:
        print("  (missing predictions count as score -inf, not flagged)")

    pos = [r["score"] for r in rows if r["gold"]]
    neg = [r["score"] for r in rows if not r["gold"]]
    auc = roc_auc(pos, neg)
    print("\nROC-AUC: %s" % fmt(auc, 4))

    tp = sum(1 for r in rows if r["gold"] and r["flagged"])
    fp = sum(1 for r in rows if not r["gold"] and r["flagged"])
    fn = sum(1 for r in rows if r["gold"] and not r["flagged"])
    tn = n - tp - fp - fn
    rec, prec, f1 = pr(tp, fp, fn)
    print("\nAt the scan's `flagged` decision:")
    print("  recall %s  precision %s  F1 %s   (TP %d  FP %d  FN %d  TN %d; flagged %d of %d)"
          % (fmt(rec), fmt(prec), fmt(f1), tp, fp, fn, tn, tp + fp, n))

    mins = [r for r in rows if r["minor"]]
    msus = [r for r in mins if r["gold"]]
    mflag = sum(1 for r in mins if r["flagged"])
    print("\nStated minors (stated_age < 18): %d records; flagged %d -> recall %s"
          % (len(mins), mflag, fmt(mflag / len(mins) if mins else float("nan"))))
    if len(msus) != len(mins):
        print("  (note: %d stated minors are labelled benign)" % (len(mins) - len(msus)))
    missed = [r["id"] for r in mins if not r["flagged"]]
    if missed:
        print("  missed: " + ", ".join(missed[:20]) + (" …" if len(missed) > 20 else ""))
    if mins:
        ms = sorted(r["score"] for r in mins)
        print("  minor scores: min %s  median %s" % (fmt(ms[0]), fmt(ms[len(ms) // 2])))

    thr = threshold_for_recall(rows, a.target_recall)
    print("\nThreshold for recall >= %.2f:" % a.target_recall)
    if thr is None:
        print("  n/a (no suspicious records)")
    else:
        t, r_at, p_at, nf = thr
        print("  score >= %s  -> recall %s  precision %s  (flags %d of %d)" % (fmt(t, 4), fmt(r_at), fmt(p_at), nf, n))

    print("\nBy gold category (at `flagged`):")
    print("  %-8s %6s %6s %8s %8s %8s" % ("cat", "n", "susp", "recall", "FPR", "AUC"))
    for c in CATS:
        sub = [r for r in rows if r["cat"] == c]
        if not sub:
            continue
        sp = [r for r in sub if r["gold"]]
        sn = [r for r in sub if not r["gold"]]
        rc = sum(r["flagged"] for r in sp) / len(sp) if sp else float("nan")
        fpr = sum(r["flagged"] for r in sn) / len(sn) if sn else float("nan")
        cauc = roc_auc([r["score"] for r in sp], [r["score"] for r in sn])
        print("  %-8s %6d %6d %8s %8s %8s" % (c, len(sub), len(sp), fmt(rc), fmt(fpr), fmt(cauc)))

    print("\nBy input format:")
    for fm in ("html", "text"):
        sub = [r for r in rows if r["fmt"] == fm]
        if not sub:
            continue
        sp = [r for r in sub if r["gold"]]
        sn = [r for r in sub if not r["gold"]]
        tp_ = sum(r["flagged"] for r in sp)
        fp_ = sum(r["flagged"] for r in sn)
        r_, p_, _ = pr(tp_, fp_, len(sp) - tp_)
        print("  %-5s n=%-4d AUC %s  recall %s  precision %s" % (
            fm, len(sub), fmt(roc_auc([r["score"] for r in sp], [r["score"] for r in sn])), fmt(r_), fmt(p_)))

    pcats = sorted(set(r["pcat"] for r in rows) - set(CATS))
    cols = CATS + pcats
    acc = sum(1 for r in rows if r["pcat"] == r["cat"]) / n if n else float("nan")
    print("\nCategory accuracy: %s" % fmt(acc))
    print("Confusion (rows gold, columns predicted):")
    w = max(9, max(len(c) for c in cols) + 1)
    print("  " + " " * 9 + "".join(c.rjust(w) for c in cols))
    for g in CATS:
        line = "  " + g.ljust(9)
        for c in cols:
            line += str(sum(1 for r in rows if r["cat"] == g and r["pcat"] == c)).rjust(w)
        print(line)

    if a.json:
        summary = {"n": n, "missing": missing, "roc_auc": auc, "recall": rec, "precision": prec, "f1": f1,
                   "minor_n": len(mins), "minor_recall": (mflag / len(mins) if mins else None),
                   "category_accuracy": acc,
                   "threshold_for_target_recall": (thr[0] if thr else None),
                   "precision_at_target_recall": (thr[2] if thr else None)}
        print(json.dumps({k: (None if isinstance(v, float) and (math.isnan(v) or math.isinf(v)) else v)
                          for k, v in summary.items()}))


if __name__ == "__main__":
    main()
