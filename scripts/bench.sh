#!/usr/bin/env bash
# Benchmarks (docs/PERFORMANCE.md): the whole-pipeline run (reference check, then
# timing on 1 and 2 threads), the stage benchmarks, and the store at 1M events.
# Needs ../shared/anchors. Usage: scripts/bench.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== whole pipeline (production dictionaries, 200,000 sentences)"
"$build/bench/dyad_pipeline_bench"
for bench in dict_code_bench segment_bench; do
  [ -x "$build/bench/$bench" ] || continue
  echo "== $bench"
  "$build/bench/$bench" --benchmark_min_time=0.5
done
echo "== store: ingest into a database of 1M events, and queries (the prefill takes about a minute)"
"$build/bench/dyad_store_bench" --prefill 1000000 --docs 3000 --threads 2 --reuse "${TMPDIR:-/tmp}/dyad_bench_prefilled.db"
echo "== dyad role and dyad events end to end on a store of 1M events (the store is made once, about a minute)"
store="${TMPDIR:-/tmp}/dyad_bench_1m_queries.db"
[ -f "$store" ] || "$build/bench/dyad_make_bench_store" --db "$store" --events 1000000 --docs 140000
"$build/bench/dyad_cli_query_bench" --db "$store"
