#!/usr/bin/env python3
"""Checker for role evaluation sets (tests/quality/role_*7, role_*8, role_*9, role_*10, role_*11, role_*12, role_*13, role_*14): python3 scripts/check_role_set.py FOLDER...

Usage: python3 check.py FOLDER [FOLDER ...]

Verifies, per folder:
  * every *.txt document has the 4-line header (date / source / url / title),
    a blank fifth line and a non-empty body; reports paragraph counts;
  * expect.tsv rows have exactly 4 TAB-separated fields, a valid conflict id,
    a valid category, a 3-uppercase-letter state code and a 6-12 word fragment;
  * each fragment occurs exactly once in the folder's documents (all files
    together) and lies inside a single sentence (sentences split on . ! ?
    followed by a space or a newline);
  * no fragment is listed twice.
Prints errors, warnings and a summary (rows per document, per category,
per state). Exit status is 1 if there are errors.
"""
import collections
import glob
import os
import re
import sys

CONFLICTS = {"russia-ukraine", "drc-m23", "sudan", "yemen-red-sea"}
CATEGORIES = {"support", "participation", "territory", "posture", "alignment",
              "response", "acknowledgement", "counter", "none"}
SOURCES = {"Tune Wire 7", "Heldout Wire 7", "Tune Wire 8", "Heldout Wire 8",
           "Tune Wire 9", "Heldout Wire 9", "Tune Wire 10", "Heldout Wire 10",
           "Tune Wire 11", "Heldout Wire 11", "Tune Wire 12", "Heldout Wire 12",
           "Tune Wire 13", "Heldout Wire 13", "Tune Wire 14", "Heldout Wire 14"}
# Expected paragraphs per document and rows per document, by set number
# (sets 9 to 14 use 12 paragraphs and about 15-20 rows per document).
PARA_RANGE = {9: (11, 13), 10: (11, 13), 11: (11, 13), 12: (11, 13), 13: (11, 13),
              14: (11, 13)}
ROW_RANGE = {9: (15, 20), 10: (15, 20), 11: (15, 20), 12: (15, 20), 13: (15, 20),
             14: (15, 20)}
# Header dates: 2025 only, except set 14, whose documents are dated 2022-2025.
DATE_RE = {14: r"date: 202[2-5]-\d{2}-\d{2}"}
DEFAULT_DATE_RE = r"date: 2025-\d{2}-\d{2}"
DEFAULT_PARA_RANGE = (14, 17)
DEFAULT_ROW_RANGE = (18, 22)
SENT_SPLIT = re.compile(r"(?<=[.!?])[ \n]+")


def load_docs(folder, errors):
    docs = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.txt"))):
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        lines = text.split("\n")
        if len(lines) < 6:
            errors.append(f"{name}: too short")
            continue
        kind = re.search(r"(?:tune|heldout)(\d+)", os.path.basename(folder.rstrip("/")))
        date_re = DATE_RE.get(int(kind.group(1)) if kind else 0, DEFAULT_DATE_RE)
        if not re.fullmatch(date_re, lines[0]):
            errors.append(f"{name}: bad date line: {lines[0]!r}")
        m = re.fullmatch(r"source: (.+)", lines[1])
        if not m or m.group(1) not in SOURCES:
            errors.append(f"{name}: bad source line: {lines[1]!r}")
        if not re.fullmatch(r"url: https://example\.org/(tune7|heldout7|tune8|heldout8|tune9|heldout9|tune10|heldout10|tune11|heldout11|tune12|heldout12|tune13|heldout13|tune14|heldout14)/[a-z0-9-]+", lines[2]):
            errors.append(f"{name}: bad url line: {lines[2]!r}")
        if not re.fullmatch(r"title: \S.*", lines[3]):
            errors.append(f"{name}: bad title line: {lines[3]!r}")
        if lines[4] != "":
            errors.append(f"{name}: line 5 is not blank")
        body = "\n".join(lines[5:]).strip()
        if not body:
            errors.append(f"{name}: empty body")
        paras = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
        sents = [s for s in SENT_SPLIT.split(body) if s.strip()]
        docs[name] = {"text": text, "body": body, "paras": paras,
                      "sents": sents}
    return docs


def check_folder(folder):
    errors, warnings = [], []
    docs = load_docs(folder, errors)
    if not docs:
        errors.append(f"{folder}: no documents")
    folder_kind = re.search(r"(tune|heldout)\d+", os.path.basename(folder.rstrip("/"))).group(0)
    set_no = int(re.search(r"\d+", folder_kind).group(0))
    pmin, pmax = PARA_RANGE.get(set_no, DEFAULT_PARA_RANGE)
    for name, d in docs.items():
        n = len(d["paras"])
        if not pmin <= n <= pmax:
            warnings.append(f"{name}: {n} paragraphs (expected {pmin}-{pmax})")
        for i, p in enumerate(d["paras"], 1):
            k = len([s for s in SENT_SPLIT.split(p) if s.strip()])
            if not 1 <= k <= 3:
                warnings.append(f"{name}: paragraph {i} has {k} sentences")
        if folder_kind not in d["text"].split("\n")[2]:
            errors.append(f"{name}: url does not use {folder_kind}")
    rows = []
    path = os.path.join(folder, "expect.tsv")
    if not os.path.exists(path):
        errors.append(f"{folder}: expect.tsv missing")
        return errors, warnings, docs, rows
    with open(path, encoding="utf-8") as fh:
        raw = fh.read().split("\n")
    if raw and raw[-1] == "":
        raw = raw[:-1]
    seen = set()
    for ln, line in enumerate(raw, 1):
        fields = line.split("\t")
        if len(fields) != 4:
            errors.append(f"expect.tsv:{ln}: {len(fields)} fields")
            continue
        conflict, state, cat, frag = fields
        if conflict not in CONFLICTS:
            errors.append(f"expect.tsv:{ln}: bad conflict {conflict!r}")
        if not re.fullmatch(r"[A-Z]{3}", state):
            errors.append(f"expect.tsv:{ln}: bad state {state!r}")
        if cat not in CATEGORIES:
            errors.append(f"expect.tsv:{ln}: bad category {cat!r}")
        if frag != frag.strip() or not frag:
            errors.append(f"expect.tsv:{ln}: fragment has surrounding space or is empty")
        nw = len(frag.split())
        if not 6 <= nw <= 12:
            errors.append(f"expect.tsv:{ln}: fragment has {nw} words: {frag!r}")
        if frag in seen:
            errors.append(f"expect.tsv:{ln}: duplicate fragment {frag!r}")
        seen.add(frag)
        total = sum(d["text"].count(frag) for d in docs.values())
        where = [n for n, d in docs.items() if frag in d["text"]]
        if total != 1:
            errors.append(f"expect.tsv:{ln}: fragment occurs {total} times: {frag!r}")
            rows.append((conflict, state, cat, frag, where[0] if where else None))
            continue
        doc = where[0]
        if not any(frag in s for s in docs[doc]["sents"]):
            errors.append(f"expect.tsv:{ln}: fragment crosses a sentence boundary: {frag!r}")
        rows.append((conflict, state, cat, frag, doc))
    return errors, warnings, docs, rows


def main(folders):
    n_err = 0
    for folder in folders:
        folder = folder.rstrip("/")
        errors, warnings, docs, rows = check_folder(folder)
        print(f"== {folder}")
        print(f"documents: {len(docs)}  rows: {len(rows)}")
        per_doc = collections.Counter(r[4] for r in rows)
        kind = re.search(r"(tune|heldout)(\d+)", os.path.basename(folder))
        rmin, rmax = ROW_RANGE.get(int(kind.group(2)) if kind else 0, DEFAULT_ROW_RANGE)
        for name in docs:
            confs = sorted({r[0] for r in rows if r[4] == name})
            states = collections.Counter(r[1] for r in rows if r[4] == name)
            print(f"  {name}: paragraphs={len(docs[name]['paras'])} rows={per_doc[name]}"
                  f" conflict={','.join(confs)} states={dict(states)}")
            if not rmin <= per_doc[name] <= rmax:
                warnings.append(f"{name}: {per_doc[name]} rows (expected about {rmin}-{rmax})")
        cats = collections.Counter(r[2] for r in rows)
        print("  by category: " + ", ".join(f"{c}={cats.get(c, 0)}" for c in
                                           ["support", "participation", "territory", "posture",
                                            "alignment", "response", "acknowledgement",
                                            "counter", "none"]))
        states = collections.Counter(r[1] for r in rows)
        print("  by state: " + ", ".join(f"{s}={n}" for s, n in sorted(states.items())))
        for w in warnings:
            print("  WARNING " + w)
        for e in errors:
            print("  ERROR " + e)
        print(f"  errors: {len(errors)}  warnings: {len(warnings)}")
        n_err += len(errors)
    print(f"TOTAL errors: {n_err}")
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or [os.path.join(os.path.dirname(os.path.abspath(__file__)), d)
                                   for d in ("role_tune7", "role_heldout7")]))
