#!/bin/sh
# Refresh the vendored files of the web page's offline world map: d3-geo (projection, paths) with
# the d3-array it needs, topojson-client (TopoJSON -> GeoJSON) and world-atlas's countries at
# 1:110m (Natural Earth, public domain). Needs npm and network; the build and the server do not:
# the copied files are committed. Usage: web/vendor/update-map.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund d3-array@3 d3-geo@3 topojson-client@3 world-atlas@2 >/dev/null)
m="$work/node_modules"
cp "$m/d3-array/dist/d3-array.min.js" "$here/d3-array.min.js"
cp "$m/d3-array/LICENSE" "$here/d3-array.LICENSE"
cp "$m/d3-geo/dist/d3-geo.min.js" "$here/d3-geo.min.js"
cp "$m/d3-geo/LICENSE" "$here/d3-geo.LICENSE"
cp "$m/topojson-client/dist/topojson-client.min.js" "$here/topojson-client.min.js"
cp "$m/topojson-client/LICENSE" "$here/topojson-client.LICENSE"
cp "$m/world-atlas/countries-110m.json" "$here/countries-110m.json"
cp "$m/world-atlas/LICENSE" "$here/world-atlas.LICENSE"
: > "$here/map.VERSION"
for p in d3-array d3-geo topojson-client world-atlas; do
  echo "$p $(node -p "require('$m/$p/package.json').version")" >> "$here/map.VERSION"
done
echo "vendored into $here:"; cat "$here/map.VERSION"
