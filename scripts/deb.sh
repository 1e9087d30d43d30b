#!/usr/bin/env bash
# Builds actionplan_VERSION_ARCH.deb with dpkg-deb from what scripts/dist.sh built: the binary, the man
# page, the completions, the docs and the copyright file, under /usr. Depends are read off the binary's
# shared libraries (ldd, then dpkg -S for their packages).
#   scripts/deb.sh DIST [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dist="$1"; outdir="${2:-.}"
version=$(head -n 1 VERSION)
arch=$(dpkg --print-architecture)
root="$dist/deb-root"
rm -rf "$root"
mkdir -p "$root/DEBIAN"
bash scripts/install.sh install "$dist" "$root" /usr --deb >/dev/null
depends=$(ldd "$dist/actionplan" | awk '/=> \// {print $3}' | while read -r lib; do
  dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib" 2>/dev/null || true
done | cut -d: -f1 | sort -u | paste -sd, - | sed 's/,/, /g')
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: actionplan
Version: $version
Architecture: $arch
Maintainer: ${DEB_MAINTAINER:-actionplan maintainers <actionplan@localhost>}
Installed-Size: $size
Depends: ${depends:-libc6}
Section: utils
Priority: optional
Description: progress reviews of council equality action plans in the terminal
 Browse Key Issues, objectives and targets of Equality Action Plans, tick each
 outcome met, not met or partially met with a comment and a forecast, and write
 the committee report. Plans are JSON files, saved at once with history. An
 ncurses review UI (screen-reader friendly, no colour needed) and a command line.
CONTROL
deb="$outdir/actionplan_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
