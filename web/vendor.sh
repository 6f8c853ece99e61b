#!/bin/sh
# Rebuild the vendored browser assets from the pinned npm packages (package-lock.json).
# Users never run this: the copied files ship inside the Python package (api/static/vendor/).
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
version=$(node -p "require('@zazuko/yasgui/package.json').version")
dest=../api/static/vendor/yasgui-$version  # versioned folder: served with an immutable cache header
mkdir -p "$dest"
cp node_modules/@zazuko/yasgui/build/yasgui.min.js node_modules/@zazuko/yasgui/build/yasgui.min.css "$dest/"
sed -i '/sourceMappingURL=/d' "$dest/yasgui.min.js"  # the map is not shipped
echo "copied into $dest"
# Country shapes for the start page's map (world-atlas, ISC; Natural Earth's 1:110m data, public domain)
atlas=../api/static/vendor/world-atlas-$(node -p "require('world-atlas/package.json').version")
mkdir -p "$atlas"
cp node_modules/world-atlas/countries-110m.json node_modules/world-atlas/LICENSE "$atlas/"
echo "copied into $atlas"
