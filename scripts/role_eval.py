#!/usr/bin/env python3
"""Measures role reports on a set of documents with expected placements.

Usage: scripts/role_eval.py DYAD_BINARY [SET_DIR] [-- extra dyad role flags]
SET_DIR (default tests/quality/role_states) holds sample-format documents whose
file names start with a prefix naming their conflict (ru-, drc-, sudan-, yemen-)
and expect.tsv: conflict, state, category key or "none", a fragment of the sentence.
Prints the facts placed in the right category (of the expected placements) and
the wrong listings (listed items of a state that no expected row puts there).
"""
import json, os, subprocess, sys, tempfile

PREFIX = {"ru-": "russia-ukraine", "drc-": "drc-m23", "sudan-": "sudan", "yemen-": "yemen-red-sea"}
EXTRA_STATES = {"russia-ukraine": ["CHN"]}  # states with no expected facts: every listing is wrong


def main():
    args = sys.argv[1:]
    extra = []
    if "--" in args:
        i = args.index("--")
        args, extra = args[:i], args[i + 1:]
    dyad = args[0]
    set_dir = args[1] if len(args) > 1 else "tests/quality/role_states"
    rows = []
    for line in open(os.path.join(set_dir, "expect.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        conflict, state, cat, frag = line.rstrip("\n").split("\t")
        rows.append((conflict, state, cat, frag))
    work = tempfile.mkdtemp()
    dbs = {}
    for pre, conflict in PREFIX.items():
        files = sorted(os.path.join(set_dir, f) for f in os.listdir(set_dir) if f.startswith(pre) and f.endswith(".txt"))
        if not files:
            continue
        db = os.path.join(work, conflict + ".db")
        subprocess.run([dyad, "ingest", *files, "--db", db], check=True, capture_output=True)
        dbs[conflict] = db
    pairs = sorted({(c, s) for c, s, _, _ in rows} | {(c, s) for c, ss in EXTRA_STATES.items() for s in ss})
    placed = expected = wrong = listed = 0
    for conflict, state in pairs:
        if conflict not in dbs:
            continue
        p = subprocess.run([dyad, "role", state, "--conflict", conflict, "--db", dbs[conflict], "--format", "json",
                            "--from", "2014-01-01", "--evidence", "100", *extra], capture_output=True, text=True)
        items, asserted = set(), set()  # everything listed; what is listed as evidence of conduct
        if p.returncode == 0:
            rep = json.loads(p.stdout)
            for c in rep.get("categories", []):
                key = c.get("key")
                for ev in c.get("strongest", []):
                    items.add((key, ev["sentence"]))
                    asserted.add((key, ev["sentence"]))
                # Listed apart, not as evidence of conduct: placed when in the right category,
                # never a wrong listing.
                for ev in c.get("hypothetical_or_negated", []) + c.get("alleged", []):
                    items.add((key, ev["sentence"]))
        else:
            print(f"  {state} in {conflict}: {p.stderr.strip()}")
        mine = [r for r in rows if r[0] == conflict and r[1] == state]
        for _, _, cat, frag in mine:
            if cat == "none":
                continue
            expected += 1
            hit = any(k == cat and frag in s for k, s in items)
            placed += hit
            if not hit:
                print(f"  missed  {state} {cat:15} {frag}")
        # Wrong listings: evidence of conduct (asserted or reported) in a category no
        # expected row gives the sentence. Negated and hypothetical statements, and what
        # others allege, are listed apart by the report, as not evidence, and are not counted here.
        for k, s in sorted(asserted):
            listed += 1
            if not any(cat == k and frag in s for _, _, cat, frag in mine):
                wrong += 1
                print(f"  wrong   {state} {k:15} {s}")
    print(f"placed in the right category: {placed}/{expected} ({100.0 * placed / max(expected, 1):.0f}%)")
    print(f"wrong listings: {wrong} of {listed} listed ({100.0 * wrong / max(listed, 1):.0f}%)")


if __name__ == "__main__":
    main()
