#!/usr/bin/env bash
# Installs what the build needs on Debian (libncurses-dev, pkg-config), with --test what the
# end-to-end tests need (tmux, git, python3, and man-db, groff-base, dpkg, binutils for the install
# check), with --install what make install/deb need (binutils for strip, python3 for the man page), and with --report what `make report-check` needs (chromium,
# poppler-utils for pdfinfo/pdftoppm, a font with the report's symbols, LibreOffice for the Word paper); --test also
# python3-docx and poppler-utils (the Word report's tests) and the build zlib1g-dev (ZIPFoundation). As root it installs with apt-get; otherwise it uses passwordless
# sudo if there is one, else stops and prints the exact command to run.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then
    echo "swift is at /opt/swift/usr/bin but not on PATH: export PATH=/opt/swift/usr/bin:\$PATH" >&2
  else
    echo "swift not found: install the Swift toolchain (https://www.swift.org/install/linux/) and put it on PATH" >&2
  fi
  exit 1
fi

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ ! -e /usr/include/ncursesw/curses.h ] && ! pkg-config --exists ncursesw 2>/dev/null; then
  missing+=(libncurses-dev)
fi
[ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)             # ZIPFoundation (the Word report) links zlib
if [ "${1:-}" = "--test" ]; then
  command -v tmux >/dev/null 2>&1 || missing+=(tmux)
  command -v git >/dev/null 2>&1 || missing+=(git)            # sync: the tests with a bare repository and clones
  command -v python3 >/dev/null 2>&1 || missing+=(python3)   # the pty capture of the UI's raw output
  command -v man >/dev/null 2>&1 || missing+=(man-db)         # install-check: man --warnings -l
  command -v groff >/dev/null 2>&1 || missing+=(groff-base)
  command -v dpkg-deb >/dev/null 2>&1 || missing+=(dpkg)
  /usr/bin/python3 -c 'import docx' >/dev/null 2>&1 || missing+=(python3-docx)   # DocxTests read the .docx with python-docx
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
fi
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--install" ]; then
  command -v strip >/dev/null 2>&1 || missing+=(binutils)     # scripts/dist.sh strips; readelf checks it
  command -v python3 >/dev/null 2>&1 || missing+=(python3)   # scripts/manpage.py
fi
if [ "${1:-}" = "--report" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer)   # the Word paper printed to PDF
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "missing packages: ${missing[*]}" >&2
  echo "run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
