#!/usr/bin/env python3
"""Validate Models/lexicon.yaml (the RedFlag indicator lexicon).

Checks, in order:
  1. structure: version, unique snake_case ids, canonical families (all 16 present), numeric weights,
     description, >= 1 pattern, >= 2 examples, >= 1 counterexample and at least as many counterexamples
     as suppress patterns; `minor: true` only on youth and underage_age entries;
  2. every pattern and suppressor compiles (Python `regex`, CASELESS|UNICODE), cannot match the empty
     string, and carries a required literal of >= 2 characters (counted in UTF-8 bytes, so a lone emoji
     passes: it is 3-4 bytes);
  3. every example hits its entry and every counterexample does not, on an approximation of the
     matching view (see `matching_view`); every suppressor is exercised by a counterexample (it cancels
     a real hit there);
  4. speed: each pattern against 50 KB adversarial subjects must finish in <= 50 ms;
  5. optionally (--pcre2 BIN) the same compile/JIT/timing/example checks with real PCRE2 through a tiny
     C helper (see --help; the helper lives outside the repo);
  6. optionally (--data CSV) the share of ads of each label on which each family fires.

Exit status 0 when everything passes.
"""
import argparse
import csv
import os
import subprocess
import sys
import time
import unicodedata
from collections import defaultdict

import regex
import yaml

FAMILIES = [
    "youth", "underage_age", "third_party", "multiple_providers", "restriction", "foreign",
    "ethnicity_stated", "trust_language", "obfuscated_phone", "movement", "venue_hotel",
    "incall_outcall", "availability_24_7", "law_enforcement", "drugs", "risky_services",
]
ID_RE = regex.compile(r"^[a-z][a-z0-9_]*$")
FLAGS = regex.IGNORECASE | regex.UNICODE | regex.V0
TIME_LIMIT_MS = 50.0

# ---------------------------------------------------------------------------------------------
# Matching view (approximation of the Swift normalizer)
# ---------------------------------------------------------------------------------------------
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\ufe0f", "\ufe0e", "\u00ad"}
# A small look-alike table (the Swift side has the full one).
HOMO = {}
for src, dst in [
    ("аеорсухіјѕкмнтвгԁ", "aeopcyxijskmhtbrd"),     # Cyrillic
    ("αβεικνορτυχηωγ", "abeiknoptuxnwy"),          # Greek
    ("€¥℮", "eye"),
    ("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱsᴛᴜᴠᴡʏᴢ", "abcdefghijklmnopqrsstuvwyz"),  # small capitals
]:
    for a, b in zip(src, dst):
        HOMO[a] = b

_KEYCAP = regex.compile(r"([0-9#*])\ufe0f?\u20e3")
_SPACED = regex.compile(r"(?<![\p{L}\p{N}])\p{L}(?: \p{L}){2,}(?![\p{L}\p{N}])")
_LEET = regex.compile(r"(?<=\p{L})[013457@$]+(?=\p{L})")
_RUNS = regex.compile(r"(\p{L})\1{2,}")


def matching_view(text: str) -> str:
    t = unicodedata.normalize("NFKC", text)
    t = _KEYCAP.sub(r"\1", t)
    t = "".join(ch for ch in t if ch not in DROP)
    t = t.lower()
    t = "".join(HOMO.get(ch, ch) for ch in t)
    t = unicodedata.normalize("NFKC", t)
    t = _SPACED.sub(lambda m: m.group(0).replace(" ", ""), t)
    t = _LEET.sub(lambda m: "".join(LEET[c] for c in m.group(0)), t)
    t = _RUNS.sub(r"\1\1", t)
    return t


# ---------------------------------------------------------------------------------------------
# Required-literal analysis (conservative, good enough for our pattern style)
# ---------------------------------------------------------------------------------------------
META = set("\\^$.|?*+()[]{}")
CLASS_ESC = set("dDwWsSbBhHvVRXNpPQEAzZGKkg")


def _tokens(p):
    """Yield (kind, text) tokens: lit, class, group(body), anchor/other, quant."""
    i, n = 0, len(p)
    while i < n:
        c = p[i]
        if c == "\\":
            nxt = p[i + 1] if i + 1 < n else ""
            if nxt in ("p", "P") and i + 2 < n and p[i + 2] == "{":
                j = p.index("}", i)
                yield ("class", p[i:j + 1]); i = j + 1; continue
            if nxt in CLASS_ESC or nxt.isdigit():
                yield ("class", p[i:i + 2]); i += 2; continue
            yield ("lit", nxt); i += 2; continue
        if c == "[":
            j = i + 1
            if j < n and p[j] == "^": j += 1
            if j < n and p[j] == "]": j += 1
            while j < n and p[j] != "]":
                j += 2 if p[j] == "\\" else 1
            yield ("class", p[i:j + 1]); i = j + 1; continue
        if c == "(":
            depth, j = 1, i + 1
            while j < n and depth:
                if p[j] == "\\": j += 2; continue
                if p[j] == "[":
                    k = j + 1
                    if k < n and p[k] == "^": k += 1
                    if k < n and p[k] == "]": k += 1
                    while k < n and p[k] != "]":
                        k += 2 if p[k] == "\\" else 1
                    j = k + 1; continue
                if p[j] == "(": depth += 1
                elif p[j] == ")": depth -= 1
                j += 1
            body = p[i + 1:j - 1]
            if body.startswith("?=") or body.startswith("?!") or body.startswith("?<=") or body.startswith("?<!"):
                yield ("look", body)
            else:
                if body.startswith("?:"): body = body[2:]
                yield ("group", body)
            i = j; continue
        if c in "?*+":
            yield ("quant", c); i += 1
            if i < n and p[i] in "?+": i += 1
            continue
        if c == "{":
            j = p.index("}", i)
            yield ("quant", p[i:j + 1]); i = j + 1; continue
        if c in "^$.":
            yield ("class", c); i += 1; continue
        if c == "|":
            yield ("alt", c); i += 1; continue
        yield ("lit", c); i += 1


def _split_alt(p):
    out, depth, cur, i, incls = [], 0, "", 0, False
    while i < len(p):
        c = p[i]
        if c == "\\":
            cur += p[i:i + 2]; i += 2; continue
        if incls:
            if c == "]": incls = False
        elif c == "[": incls = True
        elif c == "(": depth += 1
        elif c == ")": depth -= 1
        elif c == "|" and depth == 0:
            out.append(cur); cur = ""; i += 1; continue
        cur += c; i += 1
    out.append(cur)
    return out


def required_literal(p):
    """Longest run (UTF-8 bytes) of literal text that every match must contain."""
    best_over_alts = None
    for branch in _split_alt(p):
        toks = list(_tokens(branch))
        best, run = 0, 0
        for k, (kind, txt) in enumerate(toks):
            q = toks[k + 1][1] if k + 1 < len(toks) and toks[k + 1][0] == "quant" else None
            optional = q is not None and (q in ("?", "*") or q.startswith("{0"))
            repeated = q is not None and not optional
            if kind == "lit" and not optional:
                run += len(txt.encode("utf-8"))
                best = max(best, run)
                if repeated: run = 0
            elif kind == "quant":
                continue
            elif kind == "look":
                continue
            else:
                run = 0
                if kind == "group" and not optional:
                    best = max(best, required_literal(txt))
        best_over_alts = best if best_over_alts is None else min(best_over_alts, best)
    return best_over_alts or 0


# ---------------------------------------------------------------------------------------------
class Entry:
    def __init__(self, raw):
        self.raw = raw
        self.id = raw.get("id")
        self.family = raw.get("family")
        self.weight = raw.get("weight")
        self.patterns = [regex.compile(p, FLAGS) for p in raw.get("patterns") or []]
        self.suppress = [regex.compile(p, FLAGS) for p in raw.get("suppress") or []]

    def hits(self, view, with_suppressor=False):
        """Surviving hits [(start, end, text)]; with_suppressor: also list of (hit, suppressor index)."""
        sup_spans = []
        for si, s in enumerate(self.suppress):
            for m in s.finditer(view):
                sup_spans.append((m.start(), m.end(), si))
        alive, cancelled = [], []
        for p in self.patterns:
            for m in p.finditer(view):
                by = [si for (a, b, si) in sup_spans if a <= m.start() and m.end() <= b]
                if by:
                    cancelled.append(((m.start(), m.end(), m.group()), by))
                else:
                    alive.append((m.start(), m.end(), m.group()))
        return (alive, cancelled) if with_suppressor else alive


def hits_from_spans(pspans, sspans):
    out = []
    for (a, b) in pspans:
        if not any(sa <= a and b <= sb for (sa, sb) in sspans):
            out.append((a, b))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("lexicon", nargs="?", default=os.path.join(here, "..", "lexicon.yaml"))
    ap.add_argument("--pcre2", metavar="BIN",
                    help="PCRE2 helper: reads 'P<TAB>key<TAB>pattern' and 'T<TAB>entry<TAB>idx<TAB>text' lines "
                         "on stdin, prints 'ERR key msg', 'TIME key ms', 'M key idx start end' (byte offsets)")
    ap.add_argument("--data", metavar="CSV", help="labelled ads (columns label, extracted_text) for firing rates")
    ap.add_argument("--entries", action="store_true", help="with --data: also print per-entry firing rates")
    ap.add_argument("--show", metavar="ENTRY_OR_FAMILY", help="with --data: print matched snippets for one entry/family")
    ap.add_argument("--skip-timing", action="store_true")
    args = ap.parse_args()

    errors = []
    def err(msg):
        errors.append(msg)

    with open(args.lexicon, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    if doc.get("version") != 1:
        err("version must be 1")
    raw_entries = doc.get("entries") or []
    seen, entries = set(), []
    for raw in raw_entries:
        eid = raw.get("id")
        where = f"[{eid}]"
        if not isinstance(eid, str) or not ID_RE.match(eid):
            err(f"{where} id must be snake_case"); continue
        if eid in seen:
            err(f"{where} duplicate id")
        seen.add(eid)
        if raw.get("family") not in FAMILIES:
            err(f"{where} unknown family {raw.get('family')!r}")
        w = raw.get("weight")
        if not isinstance(w, (int, float)) or isinstance(w, bool):
            err(f"{where} weight must be a number")
        if not isinstance(raw.get("description"), str) or not raw["description"].strip():
            err(f"{where} needs a description")
        for key in ("patterns", "suppress", "examples", "counterexamples"):
            v = raw.get(key)
            if v is not None and (not isinstance(v, list) or not all(isinstance(x, str) for x in v)):
                err(f"{where} {key} must be a list of strings")
        unknown = set(raw) - {"id", "family", "weight", "description", "patterns", "suppress", "examples", "counterexamples", "minor"}
        if unknown:
            err(f"{where} unknown keys {sorted(unknown)}")
        if "minor" in raw and not isinstance(raw["minor"], bool):
            err(f"{where} minor must be true or false")
        if raw.get("minor") and raw.get("family") not in ("youth", "underage_age"):
            err(f"{where} minor: true only on youth or underage_age entries (wording that points to a minor by itself)")
        if not raw.get("patterns"):
            err(f"{where} needs patterns")
        if len(raw.get("examples") or []) < 2:
            err(f"{where} needs >= 2 examples")
        if len(raw.get("counterexamples") or []) < 1:
            err(f"{where} needs >= 1 counterexample")
        if len(raw.get("counterexamples") or []) < len(raw.get("suppress") or []):
            err(f"{where} needs one counterexample per suppress pattern")
        for kind in ("patterns", "suppress"):
            for i, p in enumerate(raw.get(kind) or []):
                try:
                    c = regex.compile(p, FLAGS)
                except Exception as e:  # noqa: BLE001
                    err(f"{where} {kind}[{i}] does not compile: {e}"); continue
                if c.search("") is not None:
                    err(f"{where} {kind}[{i}] matches the empty string")
                for probe in ("a b", " 1 2 ", "x\ny", "🙂 🙂"):
                    for m in c.finditer(probe):
                        if m.end() == m.start():
                            err(f"{where} {kind}[{i}] can match empty at {m.start()} in {probe!r}"); break
                if required_literal(p) < 2:
                    err(f"{where} {kind}[{i}] has no required literal of >= 2 characters: {p}")
                if regex.search(r"\\[1-9]|\\k<|\(\?P=", p):
                    err(f"{where} {kind}[{i}] uses a backreference")
        for t in (raw.get("examples") or []) + (raw.get("counterexamples") or []):
            if "\n" in t or "\t" in t:
                err(f"{where} examples must be single-line: {t!r}")
        try:
            entries.append(Entry(raw))
        except Exception:  # noqa: BLE001
            pass

    fam_count = defaultdict(int)
    for e in entries:
        fam_count[e.family] += 1
    for fam in FAMILIES:
        if not fam_count.get(fam):
            err(f"family {fam} has no entries")

    # ---- examples / counterexamples ----------------------------------------------------------
    for e in entries:
        for ex in e.raw.get("examples") or []:
            if not e.hits(matching_view(ex)):
                err(f"[{e.id}] example does not hit: {ex!r} (view {matching_view(ex)!r})")
        used = set()
        for cx in e.raw.get("counterexamples") or []:
            alive, cancelled = e.hits(matching_view(cx), with_suppressor=True)
            if alive:
                err(f"[{e.id}] counterexample hits: {cx!r} -> {[h[2] for h in alive]}")
            for _, by in cancelled:
                used.update(by)
        for si in range(len(e.suppress)):
            if si not in used:
                err(f"[{e.id}] suppress[{si}] is not exercised by any counterexample")

    # ---- timing ------------------------------------------------------------------------------
    if not args.skip_timing:
        adversarial = {
            "a*50K": "a" * 50000,
            "'a '*25K": "a " * 25000,
            "'1 '*25K": "1 " * 25000,
            "emoji*12K": "💋" * 12500,
            "'no '*16K": "no " * 16666,
            "'aa '*16K": "aa " * 16666,
        }
        slowest = []
        for e in entries:
            for kind, plist in (("patterns", e.patterns), ("suppress", e.suppress)):
                for i, p in enumerate(plist):
                    for name, s in adversarial.items():
                        t0 = time.perf_counter()
                        try:
                            for _ in p.finditer(s, timeout=2.0):
                                pass
                        except TimeoutError:
                            pass
                        ms = (time.perf_counter() - t0) * 1000
                        slowest.append((ms, e.id, kind, i, name))
                        if ms > TIME_LIMIT_MS:
                            err(f"[{e.id}] {kind}[{i}] takes {ms:.1f} ms on {name}")
        slowest.sort(reverse=True)
        print("slowest (python regex):", ", ".join(f"{eid}.{k[0]}{i} {ms:.1f}ms/{n}" for ms, eid, k, i, n in slowest[:5]))

    # ---- real PCRE2 --------------------------------------------------------------------------
    if args.pcre2:
        lines, subjects = [], {}
        for e in entries:
            for kind, key in (("patterns", "p"), ("suppress", "s")):
                for i, p in enumerate(e.raw.get(kind) or []):
                    lines.append(f"P\t{e.id}:{key}:{i}\t{p}")
            for kind, key in (("examples", "e"), ("counterexamples", "c")):
                for i, t in enumerate(e.raw.get(kind) or []):
                    v = matching_view(t).replace("\t", " ").replace("\n", " ")
                    subjects[(e.id, f"{key}{i}")] = v
                    lines.append(f"T\t{e.id}\t{key}{i}\t{v}")
        proc = subprocess.run([args.pcre2], input="\n".join(lines) + "\n", capture_output=True, text=True)
        spans = defaultdict(list)  # (entry, tidx) -> {"p": [...], "s": [...]}
        spans = defaultdict(lambda: {"p": [], "s": []})
        worst = (0.0, "")
        for line in proc.stdout.splitlines():
            f = line.split("\t")
            if f[0] == "ERR":
                err(f"PCRE2 {f[1]}: {f[2] if len(f) > 2 else ''}")
            elif f[0] == "TIME":
                ms = float(f[2])
                worst = max(worst, (ms, f[1]))
                if ms > TIME_LIMIT_MS:
                    err(f"PCRE2 {f[1]} takes {ms:.1f} ms on an adversarial subject")
            elif f[0] == "M":
                eid, kind, _ = f[1].split(":")
                b = subjects[(eid, f[2])].encode("utf-8")
                a0 = len(b[:int(f[3])].decode("utf-8", "ignore"))
                a1 = len(b[:int(f[4])].decode("utf-8", "ignore"))
                spans[(eid, f[2])][kind].append((a0, a1))
        if proc.returncode not in (0, 1):
            err(f"PCRE2 helper failed: {proc.stderr.strip()}")
        for (eid, tidx) in subjects:
            sp = spans[(eid, tidx)]
            alive = hits_from_spans(sp["p"], sp["s"])
            if tidx.startswith("e") and not alive:
                err(f"PCRE2 [{eid}] example {tidx} does not hit: {subjects[(eid, tidx)]!r}")
            if tidx.startswith("c") and alive:
                err(f"PCRE2 [{eid}] counterexample {tidx} hits: {subjects[(eid, tidx)]!r}")
        print(f"PCRE2: {sum(1 for l in lines if l[0] == 'P')} patterns compiled+JIT, slowest {worst[0]:.2f} ms ({worst[1]})")

    # ---- report ------------------------------------------------------------------------------
    print(f"{len(entries)} entries; per family: " + ", ".join(f"{f} {fam_count.get(f, 0)}" for f in FAMILIES))
    if args.data:
        report_data(args, entries)
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for m in errors:
            print("  - " + m)
        return 1
    print("lexicon OK")
    return 0


def report_data(args, entries):
    csv.field_size_limit(1 << 30)
    with open(args.data, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    labels = sorted({r["label"] for r in rows})
    n_by = defaultdict(int)
    fam_fire = defaultdict(lambda: defaultdict(int))
    ent_fire = defaultdict(lambda: defaultdict(int))
    shows = []
    for r in rows:
        lab = r["label"]
        n_by[lab] += 1
        view = matching_view(r.get("extracted_text") or "")
        fams = set()
        for e in entries:
            h = e.hits(view)
            if h:
                fams.add(e.family)
                ent_fire[e.id][lab] += 1
                if args.show and args.show in (e.id, e.family):
                    a, b, _ = h[0]
                    shows.append(f"  {lab} {e.id}: ...{view[max(0, a - 50):b + 50]}...")
        for fam in fams:
            fam_fire[fam][lab] += 1
    names = {"2": "massage", "3": "escort", "4": "other"}
    print("\nfamily firing rate by label (share of ads): " + "  ".join(f"{l}={names.get(l, l)} n={n_by[l]}" for l in labels))
    print(f"{'family':<20}" + "".join(f"{names.get(l, l):>10}" for l in labels))
    for fam in FAMILIES:
        print(f"{fam:<20}" + "".join(f"{100 * fam_fire[fam][l] / max(1, n_by[l]):>9.1f}%" for l in labels))
    if args.entries:
        print(f"\n{'entry':<42}" + "".join(f"{names.get(l, l):>10}" for l in labels))
        for e in entries:
            if ent_fire[e.id]:
                print(f"{e.family + '.' + e.id:<42}" + "".join(f"{100 * ent_fire[e.id][l] / max(1, n_by[l]):>9.1f}%" for l in labels))
    if shows:
        print("\n".join(shows))


if __name__ == "__main__":
    sys.exit(main())
