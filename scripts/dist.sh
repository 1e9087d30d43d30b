#!/usr/bin/env bash
# Builds what `make install` and `make deb` install, into OUT: the stripped binary, the man page
# (scripts/manpage.py, from the binary's own command tree) and the bash/zsh/fish completion scripts
# (ArgumentParser's --generate-completion-script). Everything is generated from the binary, so a
# command added anywhere appears in the man page and the completions without a list to update.
#   scripts/dist.sh release|debug OUT
# `make test` uses debug (the build it has made anyway: no second, 6-minute release build); `make
# install` and `make deb` use release.
set -euo pipefail
cd "$(dirname "$0")/.."
config="$1"
out="$2"
swift="${SWIFT:-swift}"
case "$config" in
  release) "$swift" build -c release --static-swift-stdlib --product actionplan >&2; bin=.build/release/actionplan ;;
  debug) "$swift" build --product actionplan >&2; bin=.build/debug/actionplan ;;
  *) echo "dist.sh: release or debug, not $config" >&2; exit 64 ;;
esac
mkdir -p "$out"
cp "$bin" "$out/actionplan.tmp"
strip "$out/actionplan.tmp"
mv "$out/actionplan.tmp" "$out/actionplan"
python3 scripts/manpage.py "$out/actionplan" "$out/actionplan.1"
# The scripts must not depend on who builds them: no config file, no data directory of the builder's.
for shell in bash zsh fish; do
  env -u ACTIONPLAN_DATA XDG_CONFIG_HOME=/nonexistent "$out/actionplan" --generate-completion-script "$shell" > "$out/completion.$shell"
done
echo "dist: $out ($(stat -c %s "$out/actionplan") bytes stripped)" >&2
