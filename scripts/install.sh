#!/usr/bin/env bash
# Installs (or removes) actionplan: one list of files, used by `make install`, `make uninstall` and
# `make deb`, so that uninstall removes exactly what install put there.
#   scripts/install.sh install|uninstall|list DIST DESTDIR PREFIX [--deb]
# DIST is what scripts/dist.sh built. --deb: the man page gzipped and the Debian copyright file, as
# Debian policy wants them.
set -euo pipefail
cd "$(dirname "$0")/.."
action="$1"; dist="$2"; destdir="$3"; prefix="$4"; deb="${5:-}"
man=share/man/man1/actionplan.1
[ "$deb" = "--deb" ] && man=share/man/man1/actionplan.1.gz

# SOURCE DESTINATION (relative to PREFIX) MODE
manifest() {
  echo "$dist/actionplan bin/actionplan 0755"
  echo "$dist/actionplan.1 $man 0644"
  echo "$dist/completion.bash share/bash-completion/completions/actionplan 0644"
  echo "$dist/completion.zsh share/zsh/site-functions/_actionplan 0644"
  echo "$dist/completion.fish share/fish/vendor_completions.d/actionplan.fish 0644"
  echo "README.md share/doc/actionplan/README.md 0644"
  echo "docs/FORMAT.md share/doc/actionplan/FORMAT.md 0644"
  [ "$deb" = "--deb" ] && echo "docs/copyright share/doc/actionplan/copyright 0644"
  # The sample plans `actionplan init --samples` copies (found as ../share/actionplan/samples from the binary).
  for f in data/*.json; do echo "$f share/actionplan/samples/$(basename "$f") 0644"; done
}
# Directories that are ours alone: removed by uninstall once empty (never share/man and the like).
own_dirs="share/actionplan/samples share/actionplan share/doc/actionplan"

root="$destdir$prefix"
case "$action" in
  list) manifest | while read -r _ dest mode; do echo "$mode $dest"; done ;;
  install)
    manifest | while read -r src dest mode; do
      [ -f "$src" ] || { echo "install: $src missing (run scripts/dist.sh first)" >&2; exit 1; }
      if [ "${dest%.gz}" != "$dest" ] && [ "${src%.gz}" = "$src" ]; then
        install -d -m 0755 "$(dirname "$root/$dest")"
        gzip -9n -c "$src" > "$root/$dest.tmp" && chmod "$mode" "$root/$dest.tmp" && mv "$root/$dest.tmp" "$root/$dest"
      else
        install -D -m "$mode" "$src" "$root/$dest"
      fi
      echo "installed $prefix/$dest"
    done ;;
  uninstall)
    manifest | while read -r _ dest _; do
      if [ -e "$root/$dest" ] || [ -L "$root/$dest" ]; then rm -f "$root/$dest"; echo "removed $prefix/$dest"; fi
    done
    for d in $own_dirs; do [ -d "$root/$d" ] && rmdir --ignore-fail-on-non-empty "$root/$d"; done
    true ;;
  *) echo "install.sh: install, uninstall or list" >&2; exit 64 ;;
esac
