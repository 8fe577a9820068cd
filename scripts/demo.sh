#!/usr/bin/env bash
# The main job on the bundled samples: for each conflict with samples, ingest our
# sample articles into a fresh evidence database, show the coded events, then the
# report on the state whose role is in question:
#   russia-ukraine: Belarus (data/samples/*.txt, and a PDF report typeset here from
#   data/samples/reports/belarus-monitoring-2023.ms: its events carry their page)
#   drc-m23: Rwanda, sudan: the United Arab Emirates, yemen-red-sea: Iran
#   (data/samples/<conflict>/*.txt).
# Usage: scripts/demo.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
dyad="$build/tools/dyad/dyad"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

report() {  # conflict, state, sample files...
  local conflict=$1 state=$2
  shift 2
  local db="$work/$conflict.db"
  echo "== dyad ingest ($conflict: our own short articles about public facts)"
  "$dyad" ingest "$@" --db "$db"
  if [ "$conflict" = russia-ukraine ]; then
    echo "== dyad ingest (a three-page PDF report, typeset now from our own text)"
    groff -ms -Tps data/samples/reports/belarus-monitoring-2023.ms | ps2pdf - "$work/belarus-monitoring-2023.pdf"
    # A PDF has no header lines: its provenance is given on the command line (or in a sources.tsv).
    "$dyad" ingest "$work/belarus-monitoring-2023.pdf" --db "$db" --date 2023-08-01 \
      --source "Dyad Sample Monitor" --url https://example.org/samples/belarus-monitoring-2023.pdf
    echo
    echo "== dyad show belarus-monitoring-2023 (the PDF: its provenance, its events with their page)"
    "$dyad" show belarus-monitoring-2023 --db "$db"
  fi
  echo
  echo "== dyad events ($conflict): who did what to whom, when and where, according to whom"
  "$dyad" events --db "$db" --format table --limit 60
  echo
  echo "== dyad role $state --conflict $conflict"
  "$dyad" role "$state" --conflict "$conflict" --db "$db" --format md
  echo
}

report russia-ukraine BLR data/samples/*.txt  # the articles, not the README
report drc-m23 RWA data/samples/drc-m23/*.txt
report sudan ARE data/samples/sudan/*.txt
report yemen-red-sea IRN data/samples/yemen-red-sea/*.txt
