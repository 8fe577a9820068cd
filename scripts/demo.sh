#!/usr/bin/env bash
# The main job on the bundled sample: ingest our sample articles into a fresh
# evidence database, show the coded events, then the report on Belarus's role
# in the Russia-Ukraine war. Usage: scripts/demo.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
dyad="$build/tools/dyad/dyad"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/demo.db"

echo "== dyad ingest data/samples/*.txt (our own short articles about public facts of the war)"
"$dyad" ingest data/samples/*.txt --db "$db"  # the articles, not the README
echo
echo "== dyad events: who did what to whom, when and where, according to whom"
"$dyad" events --db "$db" --format table --limit 60
echo
echo "== dyad role BLR --conflict russia-ukraine"
"$dyad" role BLR --conflict russia-ukraine --db "$db" --format md
