#!/usr/bin/env python3
"""Strict event F1 per named state over third_states sets (issue 9's bar: each at least 0.55).

usage: scripts/third_states_per_state.py DYAD SET.tsv ...
A sentence belongs to a state when its first expected event names the state as source or target;
scored as third_states_audit.py scores: sentence by sentence, one to one, asserted events only,
statements (01x) neither count nor cost."""
import json, subprocess, sys, collections
dyad = sys.argv[1]
STATES = ["BLR", "IRN", "PRK", "RWA"]
agg = collections.defaultdict(lambda: [0, 0, 0])
for tsv in sys.argv[2:]:
    rows = []
    for i, line in enumerate(open(tsv, encoding='utf-8')):
        line = line.rstrip('\n')
        if not line or line.startswith('#'): continue
        sent, exp = line.split('\t')
        rows.append((f"a{i}", sent, [x.split() for x in exp.split(';')] if exp else []))
    inp = '\n'.join(json.dumps({"id": r[0], "date": "2025-03-01", "text": r[1]}) for r in rows) + '\n'
    out = subprocess.run([dyad, 'code', '--input-format', 'jsonl'], input=inp, capture_output=True, text=True)
    ev = {}
    for l in out.stdout.splitlines():
        e = json.loads(l); ev.setdefault(e['doc_id'], []).append(e)
    for rid, sent, exps in rows:
        if not exps: continue
        st = next((s for s in STATES if exps[0][0].startswith(s) or exps[0][2].startswith(s)), "other")
        es = ev.get(rid, [])
        def ok1(e, x):
            s, codes, t = x
            return (e['source'].startswith(s) and any(e['event_code'].startswith(c) for c in codes.split('|')) and (t == '-' or e['target'].startswith(t)))
        pool = [e for e in es if e['modality'] == 'asserted' and not e['event_code'].startswith('01')]
        used = set(); tp = fn = 0
        for x in exps:
            if x[1].startswith('01'): continue
            m = next((i for i, e in enumerate(pool) if i not in used and ok1(e, x)), None)
            if m is None: fn += 1
            else: used.add(m); tp += 1
        a = agg[st]; a[0] += tp; a[1] += len(pool) - len(used); a[2] += fn
for st, (tp, fp, fn) in sorted(agg.items()):
    p = tp / (tp + fp) if tp + fp else 0; r = tp / (tp + fn) if tp + fn else 0
    print(f"{st}: F1 {2*p*r/(p+r) if p+r else 0:.3f} (tp {tp} fp {fp} fn {fn})")
