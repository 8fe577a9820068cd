#!/usr/bin/env bash
# The PostgreSQL store's ingest benchmarks and checks of issue 14 (docs/PERFORMANCE.md, "Store on
# PostgreSQL"), each into a new database of the server named by DYAD_TEST_PG:
#   1. one `dyad ingest` of 20,000 documents (wall time, documents/s): the reference content;
#   2. two `dyad ingest` of 20,000 different documents each at the same time: both must exit 0
#      and leave 40,000 documents, each SHA-256 once;
#   3. the same 20,000 documents twice at the same time, one copy read backwards: every document is
#      new to both writers, so their batches deadlock and are stored again; 20,000 documents, each once;
#   4. kill -9 of an ingest after KILL_AFTER seconds (default 20), then the same command again:
#      20,000 documents, each once, and the same content as run 1 (documents, sentences, events and
#      their countries compared by document SHA-256, not by ids; near-duplicates counted).
# Prints each run's figures and "ok" or "FAILED" per check; exits 1 if a check failed.
#
#   scripts/pg_test_server.sh scripts/pg_bench.sh [BUILD_DIR]
#   DYAD_TEST_PG=postgresql://me@db/postgres scripts/pg_bench.sh build   # a server of your own
#
# The corpora come from dyad_make_code_corpus (seeds 1 and 2), made once in $TMPDIR/dyad_pg_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build}")
dyad="$build/tools/dyad/dyad"
[ -n "${DYAD_TEST_PG:-}" ] || { echo "pg_bench: DYAD_TEST_PG is unset (run it under scripts/pg_test_server.sh)" >&2; exit 2; }
[ -x "$dyad" ] || { echo "pg_bench: $dyad: not built" >&2; exit 2; }
kill_after=${KILL_AFTER:-20}
work="${TMPDIR:-/tmp}/dyad_pg_bench"
mkdir -p "$work"
failed=0

# The URL of database $1 on the server of DYAD_TEST_PG (its database name replaced).
url_of() { sed -E "s#^(postgres(ql)?://[^/]*/)[^?]*#\1$1#" <<<"$DYAD_TEST_PG"; }
sql() { psql -X -q -At -d "$1" -c "$2"; }
new_db() {
  sql "$DYAD_TEST_PG" "DROP DATABASE IF EXISTS $1 WITH (FORCE)"
  sql "$DYAD_TEST_PG" "CREATE DATABASE $1"
}
check() {  # check WHAT GOT WANT (nothing read is never a pass)
  if [ -n "$2" ] && [ "$2" = "$3" ]; then echo "  ok: $1 = $2"; else echo "  FAILED: $1 = $2, expected $3"; failed=1; fi
}
# Stored content of database $1 (a name on the server of DYAD_TEST_PG) keyed by document SHA-256
# (ids differ from run to run), one line per table. With
# `rows`, without what depends on which of two writers stored a document first (which copy of a
# near-duplicate is the original, and so which events are flagged duplicate).
content() {
  local links="coalesce(o.sha256, '')" flag="e.duplicate"
  [ "${2:-}" = rows ] && links="''" && flag="0"
  psql -X -q -At -d "$(url_of "$1")" <<SQL
SELECT 'documents', count(*), md5(string_agg(d.sha256 || '|' || $links, ',' ORDER BY d.sha256))
  FROM documents d LEFT JOIN documents o ON o.id = d.near_duplicate_of;
SELECT 'sentences', count(*), md5(string_agg(d.sha256 || '|' || s.idx || '|' || s."begin" || '|' || s."end" || '|' || s.text, ',' ORDER BY d.sha256, s.idx))
  FROM sentences s JOIN documents d ON d.id = s.doc;
SELECT 'events', count(*), md5(string_agg(d.sha256 || '|' || s.idx || '|' || e.verb_begin || '|' || e.source || '|' || e.target || '|' || e.event_code || '|' || e.places || '|' || $flag,
                                          ',' ORDER BY d.sha256, s.idx, e.verb_begin, e.source, e.target, e.event_code, e.places))
  FROM events e JOIN documents d ON d.id = e.doc JOIN sentences s ON s.id = e.sentence;
SELECT 'event_countries', count(*), md5(string_agg(d.sha256 || '|' || e.sentence_idx || '|' || e.verb_begin || '|' || e.source || '|' || e.target || '|' || e.event_code || '|' || c.country,
                                                   ',' ORDER BY d.sha256, e.sentence_idx, e.verb_begin, e.source, e.target, e.event_code, c.country))
  FROM event_countries c JOIN events e ON e.id = c.event JOIN documents d ON d.id = e.doc;
SQL
}
counts() { sql "$(url_of "$1")" "SELECT count(*) || ' documents, ' || count(DISTINCT sha256) || ' distinct sha256' FROM documents"; }
# Two `dyad ingest` into the new database $1 at the same time, of the files $2 and $3: prints the
# wall time and both summaries, and checks that both exit 0.
two_at_once() {
  local t0 a b status_a=0 status_b=0
  new_db "$1"
  t0=$(date +%s.%N)
  "$dyad" ingest --threads 2 --db "$(url_of "$1")" "$2" >"$work/$1_a.log" 2>&1 & a=$!
  "$dyad" ingest --threads 2 --db "$(url_of "$1")" "$3" >"$work/$1_b.log" 2>&1 & b=$!
  wait $a || status_a=$?
  wait $b || status_b=$?
  echo "  wall $(echo "$(date +%s.%N) - $t0" | bc | cut -c1-6) s"; sed 's/^/  /' "$work/$1_a.log" "$work/$1_b.log"
  check "exit statuses" "$status_a $status_b" "0 0"
}

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); server: $(sql "$DYAD_TEST_PG" 'SELECT version()' | cut -d, -f1)"
for seed in 1 2; do
  if [ ! -s "$work/c$seed.jsonl" ]; then
    "$build/bench/dyad_make_code_corpus" --out "$work/full$seed.jsonl" --sentences 400000 --seed $seed >/dev/null
    head -20000 "$work/full$seed.jsonl" >"$work/c$seed.jsonl"
  fi
done
tac "$work/c1.jsonl" >"$work/c1_reversed.jsonl"

echo "== 1. one ingest of 20,000 documents"
new_db bench_one
t0=$(date +%s.%N)
"$dyad" ingest --threads 2 --db "$(url_of bench_one)" "$work/c1.jsonl" | sed 's/^/  /' || failed=1
echo "  wall $(echo "$(date +%s.%N) - $t0" | bc | cut -c1-6) s"

echo "== 2. two ingests of 20,000 different documents each, at the same time"
two_at_once bench_two "$work/c1.jsonl" "$work/c2.jsonl"
check "stored" "$(counts bench_two)" "40000 documents, 40000 distinct sha256"

echo "== 3. the same 20,000 documents twice at the same time, one copy backwards"
two_at_once bench_same "$work/c1.jsonl" "$work/c1_reversed.jsonl"
check "stored" "$(counts bench_same)" "20000 documents, 20000 distinct sha256"
# Which of two copies of a document is the original of a near-duplicate depends on which writer
# stored it first: compare the rows, not the links.
check "content (documents, sentences, events, countries)" \
  "$(content bench_same rows | tr '\n' ' ')" "$(content bench_one rows | tr '\n' ' ')"

echo "== 4. kill -9 after ${kill_after} s, then the same ingest again"
new_db bench_kill
"$dyad" ingest --threads 2 --db "$(url_of bench_kill)" "$work/c1.jsonl" >"$work/kill_first.log" 2>&1 & pid=$!
sleep "$kill_after"
kill -9 $pid 2>/dev/null && echo "  killed after ${kill_after} s: $(counts bench_kill) committed"
wait $pid 2>/dev/null || true
"$dyad" ingest --threads 2 --db "$(url_of bench_kill)" "$work/c1.jsonl" | sed 's/^/  rerun: /' || failed=1
check "stored" "$(counts bench_kill)" "20000 documents, 20000 distinct sha256"
check "content (as run 1)" "$(content bench_kill rows | tr '\n' ' ')" "$(content bench_one rows | tr '\n' ' ')"
check "near-duplicates (as run 1)" "$(sql "$(url_of bench_kill)" "SELECT count(*) FROM documents WHERE near_duplicate_of IS NOT NULL")" \
  "$(sql "$(url_of bench_one)" "SELECT count(*) FROM documents WHERE near_duplicate_of IS NOT NULL")"

for db in bench_one bench_two bench_same bench_kill; do sql "$DYAD_TEST_PG" "DROP DATABASE IF EXISTS $db WITH (FORCE)"; done
[ $failed -eq 0 ] && echo "== all checks passed" || echo "== some checks FAILED"
exit $failed
