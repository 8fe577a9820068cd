#!/usr/bin/env python3
"""Writes the role reports of a fixed set of stores to a folder, to compare two builds.

Usage:
  scripts/role_snapshot.py stores DYAD_BINARY STORE_DIR
      builds the stores once: each quality set role_eval.py reads (tests/quality/role_states,
      role_heldout2, role_tune3; one store per conflict, ingested as role_eval.py does), the
      demo's stores (scripts/demo.sh: data/samples per conflict, the Belarus PDF included) and
      one store of every sample (scripts/load_test.py's demo database), with a few reviews
      added to a copy of the Russia-Ukraine demo store (confirmed, rejected, corrected).
  scripts/role_snapshot.py reports DYAD_BINARY STORE_DIR OUT_DIR [--bench DB]
      writes `dyad role STATE --conflict C --format json` (and md) for every state and
      conflict pair role_eval.py asks about in each set, with role_eval.py's flags and with the
      defaults, the demo's pairs, and, on the reviewed store, --reviewed-only and
      --include-rejected; with --bench, the 1M-event synthetic store's reports
      (docs/PERFORMANCE.md). Then `diff -r OUT_A OUT_B` compares two builds.

The stores are built once and read by both builds, and both read this checkout's data/ (rules,
conflicts, countries), so only the report code differs. The reports carry no timing fields. A
build whose store schema is newer than the stores' opens them only after they are migrated
(`dyad_make_bench_store --upgrade STORE` on a copy); an older build cannot read a newer store.
"""
import glob, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PREFIX = {"ru-": "russia-ukraine", "drc-": "drc-m23", "sudan-": "sudan", "yemen-": "yemen-red-sea"}
EXTRA_STATES = {"russia-ukraine": ["CHN"]}  # as role_eval.py
SETS = ["role_states", "role_heldout2", "role_tune3"]
DEMO = [("russia-ukraine", "BLR", "data/samples/*.txt"), ("drc-m23", "RWA", "data/samples/drc-m23/*.txt"),
        ("sudan", "ARE", "data/samples/sudan/*.txt"), ("yemen-red-sea", "IRN", "data/samples/yemen-red-sea/*.txt")]
# The synthetic store's states (bench/make_bench_store.cc draws these actors).
BENCH_STATES = ["BLR", "LTU", "CHN", "IRN", "PRK", "POL", "TUR", "DEU", "RUS", "UKR", "USA"]


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, **kw)


def set_pairs(set_dir):
    rows = []
    for line in open(os.path.join(set_dir, "expect.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        conflict, state, _, _ = line.rstrip("\n").split("\t")
        rows.append((conflict, state))
    return sorted(set(rows) | {(c, s) for c, ss in EXTRA_STATES.items() for s in ss})


def build_stores(dyad, out):
    os.makedirs(out, exist_ok=False)
    for name in SETS:
        set_dir = os.path.join(ROOT, "tests/quality", name)
        for pre, conflict in PREFIX.items():
            files = sorted(f for f in glob.glob(os.path.join(set_dir, pre + "*.txt")))
            if files:
                run([dyad, "ingest", *files, "--db", os.path.join(out, f"{name}-{conflict}.db")])
    for conflict, _, pattern in DEMO:
        db = os.path.join(out, f"demo-{conflict}.db")
        run([dyad, "ingest", *sorted(glob.glob(os.path.join(ROOT, pattern))), "--db", db])
        if conflict == "russia-ukraine":
            pdf = os.path.join(out, "belarus-monitoring-2023.pdf")
            ps = run(["groff", "-ms", "-Tps", os.path.join(ROOT, "data/samples/reports/belarus-monitoring-2023.ms")]).stdout
            run(["ps2pdf", "-", pdf], input=ps)
            run([dyad, "ingest", pdf, "--db", db, "--date", "2023-08-01", "--source", "Dyad Sample Monitor",
                 "--url", "https://example.org/samples/belarus-monitoring-2023.pdf"])
    samples = sorted(glob.glob(os.path.join(ROOT, "data/samples/**/*.txt"), recursive=True))
    run([dyad, "ingest", *samples, "--db", os.path.join(out, "demo-all.db")])
    # Reviews on a copy: the three states, a correction that makes X an actor, a review of an
    # event the report would not otherwise read.
    reviewed = os.path.join(out, "reviewed-russia-ukraine.db")
    run([dyad, "ingest", *sorted(glob.glob(os.path.join(ROOT, "data/samples/*.txt"))), "--db", reviewed])
    events = [json.loads(l) for l in run([dyad, "events", "--db", reviewed, "--limit", "0", "--format", "jsonl"],
                                         text=True).stdout.splitlines()]
    blr = [e for e in events if "BLR" in (e.get("source", "") + e.get("target", ""))]
    other = [e for e in events if "BLR" not in (e.get("source", "") + e.get("target", "") + e.get("sentence", ""))]
    reviews = []
    if len(blr) >= 3:
        reviews += [(blr[0], ["--state", "confirmed"]), (blr[1], ["--state", "rejected"]),
                    (blr[2], ["--state", "corrected", "--code", "195"])]
    if other:
        reviews.append((other[0], ["--state", "corrected", "--source", "BLRMIL"]))
    for event, flags in reviews:
        run([dyad, "review", str(event["id"]), *flags, "--reviewer", "snapshot", "--note", "test", "--db", reviewed])


def reports(dyad, stores, out, bench):
    os.makedirs(out, exist_ok=False)
    jobs = []  # (file name, args)
    for name in SETS:
        for conflict, state in set_pairs(os.path.join(ROOT, "tests/quality", name)):
            db = os.path.join(stores, f"{name}-{conflict}.db")
            if not os.path.exists(db):
                continue
            base = [state, "--conflict", conflict, "--db", db]
            jobs.append((f"{name}-{conflict}-{state}-eval", base + ["--from", "2014-01-01", "--evidence", "100"]))
            jobs.append((f"{name}-{conflict}-{state}", base))
    for conflict, state, _ in DEMO:
        jobs.append((f"demo-{conflict}-{state}", [state, "--conflict", conflict, "--db",
                                                  os.path.join(stores, f"demo-{conflict}.db")]))
        jobs.append((f"demo-all-{conflict}-{state}", [state, "--conflict", conflict, "--db",
                                                      os.path.join(stores, "demo-all.db")]))
    reviewed = [ "BLR", "--conflict", "russia-ukraine", "--db", os.path.join(stores, "reviewed-russia-ukraine.db")]
    jobs.append(("reviewed-BLR", reviewed))
    jobs.append(("reviewed-BLR-reviewed-only", reviewed + ["--reviewed-only"]))
    jobs.append(("reviewed-BLR-include-rejected", reviewed + ["--include-rejected"]))
    jobs.append(("reviewed-BLR-window", reviewed + ["--from", "2022-06-01", "--to", "2023-03-31", "--evidence", "10"]))
    if bench:
        for state in BENCH_STATES:
            jobs.append((f"bench-{state}", [state, "--conflict", "russia-ukraine", "--db", bench]))
        jobs.append(("bench-BLR-window", ["BLR", "--conflict", "russia-ukraine", "--db", bench, "--from", "2022-06-01",
                                          "--to", "2023-03-31", "--evidence", "10"]))
    for name, args in jobs:
        for fmt in ("json", "md"):
            # This checkout's data for every build: the reports name their rules and conflict
            # files, and two builds compared must read the same ones.
            p = subprocess.run([dyad, "role", *args, "--format", fmt, "--data", os.path.join(ROOT, "data")],
                               capture_output=True, text=True)
            with open(os.path.join(out, f"{name}.{fmt}"), "w", encoding="utf-8") as f:
                f.write(p.stdout)
                f.write(f"\n-- exit {p.returncode}\n{p.stderr}")
    print(f"{len(jobs)} reports in {out}")


def main():
    a = sys.argv[1:]
    if len(a) == 3 and a[0] == "stores":
        build_stores(a[1], a[2])
    elif len(a) in (4, 6) and a[0] == "reports":
        bench = a[5] if len(a) == 6 and a[4] == "--bench" else None
        reports(a[1], a[2], a[3], bench)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
