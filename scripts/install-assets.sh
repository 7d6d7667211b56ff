#!/usr/bin/env bash
# Copy the front-end files the pages load from node_modules (installed from the
# committed package-lock.json) into the package's static folder. Nothing is
# vendored in git: the copy is rebuilt by `make setup`.
set -euo pipefail
cd "$(dirname "$0")/.."
NM=node_modules
OUT=src/sahelwatch/web/static/vendor
rm -rf "$OUT"
mkdir -p "$OUT"/{htmx,leaflet,vis-timeline,cytoscape,topojson,world-atlas}
cp "$NM/htmx.org/dist/htmx.min.js" "$OUT/htmx/"
cp "$NM/leaflet/dist/leaflet.js" "$NM/leaflet/dist/leaflet.css" "$OUT/leaflet/"
cp -r "$NM/leaflet/dist/images" "$OUT/leaflet/"
cp "$NM/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js" \
   "$NM/vis-timeline/styles/vis-timeline-graph2d.min.css" "$OUT/vis-timeline/"
cp "$NM/cytoscape/dist/cytoscape.min.js" "$OUT/cytoscape/"
cp "$NM/topojson-client/dist/topojson-client.min.js" "$OUT/topojson/"
cp "$NM/world-atlas/countries-50m.json" "$OUT/world-atlas/"
for pkg in htmx.org leaflet vis-timeline cytoscape topojson-client world-atlas; do
  for lic in LICENSE LICENSE.md LICENSE.txt; do
    if [ -f "$NM/$pkg/$lic" ]; then cp "$NM/$pkg/$lic" "$OUT/LICENSE.$pkg"; break; fi
  done
done
echo "front-end assets copied to $OUT"
