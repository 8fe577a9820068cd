#!/usr/bin/env python3
# Audit of wire-style sentences on third states in wars (issue 9): codes each sentence of a set
# (dated 2025-03-01) and counts those that yield the expected event.
# usage: scripts/third_states_audit.py build/tools/dyad/dyad tests/quality/third_states/set_a.tsv [-v] [--dict DIR]
# "found": the first expected event is among the sentence's events; "nothing else": and no other
# asserted event outside the expected list (statements, 01x, are not counted).
# A *_nonfactual.txt file (one sentence a line, each negated, denied or hypothetical) is audited for
# the opposite: "kept apart" counts the sentences that yield no asserted event other than statements.
import json, subprocess, sys
dyad, tsv = sys.argv[1], sys.argv[2]
verbose = '-v' in sys.argv
nonfactual = tsv.endswith('_nonfactual.txt')
rows = []
for i, line in enumerate(open(tsv, encoding='utf-8')):
    line = line.rstrip('\n')
    if not line or line.startswith('#'): continue
    sent, exp = (line, '') if nonfactual else line.split('\t')
    rows.append((f"a{i}", sent, [x.split() for x in exp.split(';')] if exp else []))
inp = '\n'.join(json.dumps({"id": r[0], "date": "2025-03-01", "text": r[1]}) for r in rows) + '\n'
extra = [a for a in sys.argv[3:] if a != '-v']
out = subprocess.run([dyad, 'code', '--input-format', 'jsonl'] + extra, input=inp, capture_output=True, text=True)
ev = {}
for l in out.stdout.splitlines():
    e = json.loads(l); ev.setdefault(e['doc_id'], []).append(e)
if nonfactual:
    kept = 0
    for rid, sent, _ in rows:
        asserted = [e for e in ev.get(rid, []) if e['modality'] == 'asserted' and not e['event_code'].startswith('01')]
        kept += not asserted
        if verbose and asserted:
            print(f"ASSERTED {sent}")
            for e in asserted: print(f"   got  {e['source']} {e['event_code']} {e['target']} rb={e['reported_by']} verb={e['verb_text']}")
    print(f"nonfactual audit: {len(rows)} sentences, kept apart (no asserted event) {kept}")
    sys.exit(0)
hit = clean = 0
tp = fp = fn = 0
for rid, sent, exps in rows:
    es = ev.get(rid, [])
    def ok1(e, x):
        s, codes, t = x
        return (e['source'].startswith(s) and any(e['event_code'].startswith(c) for c in codes.split('|'))
                and (t == '-' or e['target'].startswith(t)))
    ok = lambda e: any(ok1(e, x) for x in exps)
    h = any(ok1(e, exps[0]) for e in es)
    extra = [e for e in es if not ok(e) and not e['event_code'].startswith('01') and e['modality'] == 'asserted']
    s, codes, t = exps[0]
    hit += h; clean += (h and not extra)
    # Strict event score, sentence by sentence and one to one: each expected event takes at most
    # one coded event of its sentence (statements, 01x, and unasserted events neither count nor
    # cost); asserted events left over are false positives.
    pool = [e for e in es if e['modality'] == 'asserted' and not e['event_code'].startswith('01')]
    used = set()
    for x in exps:
        if x[1].startswith('01'):
            continue
        m = next((i for i, e in enumerate(pool) if i not in used and ok1(e, x)), None)
        if m is None: fn += 1
        else: used.add(m); tp += 1
    fp += len(pool) - len(used)
    if verbose and not (h and not extra):
        print(('MISS ' if not h else 'EXTRA') + f" {sent}\n   want {s} {codes} {t}")
        for e in es: print(f"   got  {e['source']} {e['event_code']} {e['target']} {e['modality']} rb={e['reported_by']} [{e['pattern']['text'] if e.get('pattern') else ''}] verb={e['verb_text']}")
p = tp / (tp + fp) if tp + fp else 0.0
r = tp / (tp + fn) if tp + fn else 0.0
f1 = 2 * p * r / (p + r) if p + r else 0.0
print(f"audit: {len(rows)} sentences, expected event found {hit}, found and nothing else {clean}; "
      f"strict events P {p:.3f} R {r:.3f} F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})")
