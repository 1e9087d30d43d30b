#!/usr/bin/env bash
# make run opens a scratch copy of the sample plans, never data/ itself (tracked files stay untouched).
# The copy is made once and kept, so edits made while trying the program survive between runs;
# delete .run/ to start again from the samples.
set -euo pipefail
src="$1"; dst="$2"
if [ ! -d "$dst" ]; then
  mkdir -p "$dst"
  cp "$src"/*.json "$dst"/
  echo "copied the sample plans from $src to $dst (edits go there; rm -rf $(dirname "$dst") to reset)"
else
  echo "using $dst (rm -rf $(dirname "$dst") to reset to the samples in $src)"
fi
