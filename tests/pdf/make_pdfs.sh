#!/usr/bin/env bash
# Typesets the test PDFs from the sources beside this script (our own text):
#   report.pdf     three pages with running header/footer and hyphenation (report.ms)
#   encrypted.pdf  the same, needing a password
#   truncated.pdf  its first half
#   scan.pdf       one page holding only an image (scan.ps): no text layer
# Usage: make_pdfs.sh OUTDIR      (needs groff and ghostscript: scripts/setup.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: make_pdfs.sh OUTDIR}
mkdir -p "$out"
groff -ms -Tps "$here/report.ms" > "$out/report.ps"
ps2pdf "$out/report.ps" "$out/report.pdf"
ps2pdf -sOwnerPassword=owner -sUserPassword=reader "$out/report.ps" "$out/encrypted.pdf"
size=$(stat -c %s "$out/report.pdf")
head -c $((size / 2)) "$out/report.pdf" > "$out/truncated.pdf"
ps2pdf "$here/scan.ps" "$out/scan.pdf"
rm -f "$out/report.ps"
