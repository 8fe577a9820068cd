#!/usr/bin/env python3
"""For missed rows of a role set (scripts/role_eval.py format): what the coder produced in the row's sentence, as codes and
roles only (no text printed; safe for held-out sets). Usage: scripts/role_miss_mechanisms.py build/tools/dyad/dyad tests/quality/role_heldout5"""
import json, os, subprocess, sys, tempfile, collections
PREFIX = {"ru-": "russia-ukraine", "drc-": "drc-m23", "sudan-": "sudan", "yemen-": "yemen-red-sea"}
dyad, set_dir = sys.argv[1], sys.argv[2]
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(set_dir, "expect.tsv"), encoding="utf-8") if l.strip() and not l.startswith("#")]
work = tempfile.mkdtemp(); dbs = {}; events = collections.defaultdict(list)
for pre, c in PREFIX.items():
    files = sorted(os.path.join(set_dir, f) for f in os.listdir(set_dir) if f.startswith(pre) and f.endswith(".txt"))
    if not files: continue
    db = os.path.join(work, c + ".db"); subprocess.run([dyad, "ingest", *files, "--db", db], check=True, capture_output=True); dbs[c] = db
    p = subprocess.run([dyad, "events", "--db", db, "--limit", "0", "--format", "jsonl"], capture_output=True, text=True)
    for l in p.stdout.splitlines():
        try: e = json.loads(l)
        except Exception: continue
        events[c].append(e)
out = collections.Counter()
for conflict, state in sorted({(r[0], r[1]) for r in rows}):
    if conflict not in dbs: continue
    p = subprocess.run([dyad, "role", state, "--conflict", conflict, "--db", dbs[conflict], "--format", "json", "--from", "2014-01-01", "--evidence", "100"], capture_output=True, text=True)
    listed = []
    if p.returncode == 0:
        for c in json.loads(p.stdout).get("categories", []):
            for ev in c.get("strongest", []) + c.get("hypothetical_or_negated", []) + c.get("alleged", []): listed.append((c["key"], ev["sentence"]))
    for _, _, cat, frag in [r for r in rows if r[0] == conflict and r[1] == state]:
        if cat == "none" or any(k == cat and frag in s for k, s in listed): continue
        evs = [e for e in events[conflict] if frag in (e.get("sentence") or "")]
        if not evs: out[(cat, "no event")] += 1; continue
        desc = set()
        for e in evs:
            src, tgt = e.get("source") or "", e.get("target") or ""
            role = "X-src" if src.startswith(state) else "X-tgt" if tgt.startswith(state) else "X-rep" if (e.get("reported_by") or "").startswith(state) else "no-X"
            other = tgt if role == "X-src" else src
            desc.add("%s:%s:%s:%s>%s@%s" % (role, (e.get("event_code") or e.get("code") or "")[:3], e.get("modality", "")[:4], src[:6] or "-", tgt[:6] or "-", str(e.get("date", ""))[:7]))
        out[(cat, " ".join(sorted(desc)))] += 1
for k in sorted(out): print("%-16s %-60s %d" % (k[0], k[1], out[k]))
