#!/usr/bin/env bash
# libFuzzer runs of the tests/fuzz harnesses with ASan+UBSan (docs/fuzzing.md).
# Usage: scripts/fuzz.sh SECONDS HARNESS...   (e.g. scripts/fuzz.sh 600 html dict)
# Builds build-fuzz/ with clang (-DDYAD_FUZZ=ON; FUZZ_NO_BUILD=1 uses the binaries as built),
# then runs each harness in turn for SECONDS on a working corpus seeded from
# tests/fuzz/corpus/HARNESS, after replaying that corpus and the harness's generated inputs.
# Findings land in build-fuzz/findings/, a run's log (with libFuzzer's final stats) in
# build-fuzz/logs/HARNESS.log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: scripts/fuzz.sh SECONDS HARNESS...}
shift
build=${FUZZ_BUILD:-build-fuzz}
[ $# -gt 0 ] || set -- html reader normalize segment dict conflict rules jsonl http
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DDYAD_FUZZ=ON -DDYAD_BUILD_TESTS=OFF -DDYAD_BUILD_BENCH=OFF >/dev/null
fi
targets=()
for h in "$@"; do targets+=(--target "fuzz_$h" --target "fuzz_${h}_replay"); done
[ -n "${FUZZ_NO_BUILD:-}" ] || cmake --build "$build" -j "${JOBS:-2}" "${targets[@]}"
mkdir -p "$build/findings" "$build/logs"
for h in "$@"; do
  # Pages and files are read whole: inputs up to 1 MiB reach the nesting limits
  # (issue 11, items 1-2); the other formats are line- or table-based.
  case $h in html|reader) max_len=1048576 ;; *) max_len=262144 ;; esac
  work="$build/corpus/$h"
  mkdir -p "$work"
  # The generated inputs (up to 750 KB) are checked once under the sanitizers but do not seed
  # the run: as seeds they would set libFuzzer's length limit to their size from the start and
  # slow every mutation tenfold; libFuzzer may grow its own limit up to -max_len.
  "$build/tests/fuzz/fuzz_${h}_replay" "tests/fuzz/corpus/$h" 2>&1 | tail -n 1
  echo "== fuzz_$h: ${seconds}s, -max_len=$max_len"
  "$build/tests/fuzz/fuzz_$h" "$work" "tests/fuzz/corpus/$h" \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=60 -rss_limit_mb=2560 \
    -print_final_stats=1 -artifact_prefix="$build/findings/$h-" 2>&1 | tee "$build/logs/$h.log" | \
    grep -E "^(INFO: seed corpus|#[0-9]+ +(INITED|DONE)|stat::|==[0-9]+==ERROR|SUMMARY|Done )" || true
done
