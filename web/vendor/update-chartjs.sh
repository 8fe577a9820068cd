#!/bin/sh
# Refresh the vendored Chart.js UMD build that `dyad role --format html` inlines
# into its self-contained report. Needs npm and network; the build does not:
# the copied files are committed. Usage: web/vendor/update-chartjs.sh [version]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
version=${1:-4}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund "chart.js@$version" >/dev/null)
pkg="$work/node_modules/chart.js"
cp "$pkg/dist/chart.umd.js" "$here/chart.umd.min.js"   # chart.umd.js is the minified UMD build in v4
cp "$pkg/LICENSE.md" "$here/chart.js.LICENSE.md"
echo "chart.js $(node -p "require('$pkg/package.json').version")" > "$here/chart.js.VERSION"
echo "vendored $(cat "$here/chart.js.VERSION") into $here"
