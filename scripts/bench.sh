#!/usr/bin/env bash
# Benchmarks: the whole-pipeline run (reference check, then timing on 1 and 2
# threads) and the per-stage Google Benchmarks. Needs ../shared/anchors.
# Usage: scripts/bench.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "== whole pipeline (production dictionaries, 200,000 sentences)"
/usr/bin/time -f "peak RSS %M KB, wall %e s" "$build/bench/dyad_pipeline_bench"
for bench in "$build"/bench/dyad_*_bench; do
  case "$bench" in *pipeline_bench) continue ;; esac
  echo "== $(basename "$bench")"
  "$bench" --benchmark_min_time=0.2
done
