#!/usr/bin/env bash
# Regenerates the key tables in README.md, between <!-- keys:start --> and <!-- keys:end -->, from
# KeyTable (`actionplan ui --print-keys`). Run it after adding or changing a key binding; the test
# TUIReadmeKeysTests fails until the README matches.
#   scripts/readme-keys.sh [BINARY]    (default .build/debug/actionplan, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-.build/debug/actionplan}"
[ -x "$bin" ] || swift build --product actionplan
"$bin" ui --print-keys > .readme-keys.tmp
python3 - <<'PY'
import sys
keys = open(".readme-keys.tmp").read()
text = open("README.md").read()
start, end = "<!-- keys:start -->\n", "<!-- keys:end -->"
if start not in text or end not in text:
    sys.exit("README.md has no " + start.strip() + " … " + end + " markers")
before, rest = text.split(start, 1)
_, after = rest.split(end, 1)
open("README.md", "w").write(before + start + keys + end + after)
PY
rm -f .readme-keys.tmp
echo "README.md: key tables regenerated"
