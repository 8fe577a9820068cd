#!/usr/bin/env python3
"""Word 7-gram overlap check for evaluation sets 13 and 14: python3 scripts/check_ngram_overlap.py [--set 14] [--stream]

Compares groups of files and reports every word 7-gram (case-folded; words are
runs of letters and digits, so punctuation and apostrophes split words) that
occurs in more than one group. N-grams are taken line by line (a document
paragraph, an expect.tsv row, an event-set line) and, with --stream, also over
each file read as one token stream (which adds n-grams that cross lines).

Groups for set 13 (the default; paths relative to the repository root):
  tune13    tests/quality/role_tune13/*.txt and expect.tsv
  heldout13 tests/quality/role_heldout13/*.txt and expect.tsv
  set_o     tests/quality/third_states/set_o.tsv, set_o_nonfactual.txt
  set_p     tests/quality/third_states/set_p.tsv, set_p_nonfactual.txt
  set12     the set-12 material that was read while writing set 13: the
            README and expect.tsv of role_tune12, its document
            sudan-egypt-jebel-moya-cairo-t12.txt, the first 10 lines of
            set_m.tsv and the first 5 lines of set_m_nonfactual.txt (only
            those lines are read).
Groups for set 14 (--set 14):
  tune14    tests/quality/role_tune14/*.txt and expect.tsv
  heldout14 tests/quality/role_heldout14/*.txt and expect.tsv
  set_q     tests/quality/third_states/set_q.tsv, set_q_nonfactual.txt
  set_r     tests/quality/third_states/set_r.tsv, set_r_nonfactual.txt
  set13     the set-13 material that was read while writing set 14: the
            README and expect.tsv of role_tune13, its document
            ru-georgia-volunteers-sanctions-second-front-t13.txt, the first
            10 lines of set_o.tsv and the first 5 lines of
            set_o_nonfactual.txt (only those lines are read).
The READMEs of the set being checked are not part of any group.
Exit status is 1 if any 7-gram is shared between two groups.
"""
import glob
import itertools
import os
import re
import sys

N = 7
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
Q = os.path.join(ROOT, "tests", "quality")
WORD = re.compile(r"\w+", re.UNICODE)


def read_lines(path, limit=None):
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    return lines[:limit] if limit else lines


def groups(set_no=13):
    def folder(name):
        files = sorted(glob.glob(os.path.join(Q, name, "*.txt")))
        files.append(os.path.join(Q, name, "expect.tsv"))
        return [(f, None) for f in files]
    ts = os.path.join(Q, "third_states")

    def event_set(letter):
        return [(os.path.join(ts, f"set_{letter}.tsv"), None),
                (os.path.join(ts, f"set_{letter}_nonfactual.txt"), None)]
    if set_no == 14:
        return {
            "tune14": folder("role_tune14"),
            "heldout14": folder("role_heldout14"),
            "set_q": event_set("q"),
            "set_r": event_set("r"),
            "set13": [(os.path.join(Q, "role_tune13", "README.md"), None),
                      (os.path.join(Q, "role_tune13", "expect.tsv"), None),
                      (os.path.join(Q, "role_tune13",
                                    "ru-georgia-volunteers-sanctions-second-front-t13.txt"), None),
                      (os.path.join(ts, "set_o.tsv"), 10),
                      (os.path.join(ts, "set_o_nonfactual.txt"), 5)],
        }
    return {
        "tune13": folder("role_tune13"),
        "heldout13": folder("role_heldout13"),
        "set_o": event_set("o"),
        "set_p": event_set("p"),
        "set12": [(os.path.join(Q, "role_tune12", "README.md"), None),
                  (os.path.join(Q, "role_tune12", "expect.tsv"), None),
                  (os.path.join(Q, "role_tune12", "sudan-egypt-jebel-moya-cairo-t12.txt"), None),
                  (os.path.join(ts, "set_m.tsv"), 10),
                  (os.path.join(ts, "set_m_nonfactual.txt"), 5)],
    }


def ngrams(tokens):
    return {tuple(tokens[i:i + N]) for i in range(len(tokens) - N + 1)}


def collect(files, stream):
    grams = {}
    for path, limit in files:
        lines = read_lines(path, limit)
        units = [" ".join(lines)] if stream else lines
        for unit in units:
            for g in ngrams(WORD.findall(unit.lower())):
                grams.setdefault(g, os.path.relpath(path, ROOT))
    return grams


def main(argv):
    modes = [False, True] if "--stream" in argv else [False]
    set_no = int(argv[argv.index("--set") + 1]) if "--set" in argv else 13
    bad = 0
    for stream in modes:
        label = "whole-file streams" if stream else "line by line"
        grams = {name: collect(files, stream) for name, files in groups(set_no).items()}
        print(f"== 7-grams, {label}")
        for a, b in itertools.combinations(grams, 2):
            shared = sorted(set(grams[a]) & set(grams[b]))
            print(f"  {a} x {b}: {len(shared)} shared")
            for g in shared:
                print(f"    {' '.join(g)!r}  ({grams[a][g]} / {grams[b][g]})")
            bad += len(shared)
    print(f"TOTAL shared 7-grams: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
