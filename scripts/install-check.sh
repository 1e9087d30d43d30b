#!/usr/bin/env bash
# Checks make install / make uninstall / make deb end to end, as a packager and a new user would:
#   * install into a scratch DESTDIR: every file of the manifest there with its mode, nothing else;
#   * the installed man page renders with `man --warnings` and no warning, and equals the page
#     regenerated from the installed binary (it is in step with the commands);
#   * the installed binary runs from there: --version with the commit, first-run text with an empty
#     HOME, init --samples from PREFIX/share/actionplan/samples, the installed bash completion;
#   * uninstall leaves nothing behind;
#   * the .deb: its contents, dpkg -x into a scratch root, --version and man -l from there.
# CONFIG=debug (make test: reuses the debug build) or release (make install-check).
set -uo pipefail
cd "$(dirname "$0")/.."
config="${CONFIG:-debug}"
dist=".build/dist-$config"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
passed=0; failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "install-check FAILED: $*" >&2; }
check() { local what="$1"; shift; if "$@"; then ok; else fail "$what"; fi; }

start=$(date +%s)
bash scripts/dist.sh "$config" "$dist" || { echo "install-check: dist build failed" >&2; exit 1; }

# --- make install into a DESTDIR ---
dest="$scratch/dest"; prefix=/usr/local; root="$dest$prefix"
make -s install NO_BUILD=1 DIST="$dist" DESTDIR="$dest" PREFIX="$prefix" >/dev/null || fail "make install"
expected=$(bash scripts/install.sh list "$dist" "$dest" "$prefix" | sort -k2)
actual=$(cd "$root" && find . -type f -printf '%m %P\n' | sed 's/^\([0-9]*\) /0\1 /' | sort -k2)
check "installed files and modes differ from the manifest:
$(diff <(echo "$expected") <(echo "$actual"))" test "$expected" = "$actual"
check "installed binary is stripped (no .symtab)" bash -c "! readelf -S '$root/bin/actionplan' | grep -q '\.symtab'"
check "bash completion at share/bash-completion/completions" test -s "$root/share/bash-completion/completions/actionplan"
check "zsh completion at share/zsh/site-functions/_actionplan" grep -q '#compdef actionplan' "$root/share/zsh/site-functions/_actionplan"
check "fish completion" grep -q "complete -c 'actionplan'" "$root/share/fish/vendor_completions.d/actionplan.fish"

# The man page renders without a warning and is the page of the installed binary's commands.
warnings=$(MANWIDTH=80 man --warnings -l "$root/share/man/man1/actionplan.1" 2>&1 >"$scratch/man.txt")
check "man --warnings: $warnings" test -z "$warnings"
check "man page has NAME, COMMANDS, KEYS, EXIT STATUS" bash -c "grep -q '^NAME' '$scratch/man.txt' && grep -q '^COMMANDS' '$scratch/man.txt' && grep -q '^KEYS' '$scratch/man.txt' && grep -q '^EXIT STATUS' '$scratch/man.txt'"
python3 scripts/manpage.py "$root/bin/actionplan" "$scratch/regenerated.1"
check "installed man page differs from one regenerated from the installed binary" cmp -s "$scratch/regenerated.1" "$root/share/man/man1/actionplan.1"

# The installed binary, as a new user with an empty HOME runs it.
home="$scratch/home"; mkdir -p "$home"
run() { env -i HOME="$home" LANG=C.UTF-8 PATH="$root/bin:/usr/bin:/bin" "$@"; }
version=$(run actionplan --version)
check "--version '$version' names the version and commit" bash -c "[[ '$version' =~ ^$(head -n1 VERSION)\ \(commit\ [0-9a-f]{7,}(-dirty)?\)$ || '$version' =~ \(commit\ unknown\) ]]"
first=$(run actionplan 2>&1); code=$?
check "first run exits 0 (got $code)" test "$code" = 0
check "first run names the three ways to start" bash -c "grep -q 'actionplan import my-plan.docx' <<<'$first' && grep -q 'actionplan new' <<<'$first' && grep -q 'actionplan init --samples' <<<'$first'"
run actionplan init --samples >/dev/null 2>"$scratch/init.err"
check "init --samples from the installed samples: $(cat "$scratch/init.err")" test "$(ls "$home/.local/share/actionplan" | wc -l)" = "$(ls data/*.json | wc -l)"
check "data directory mode 0700" test "$(stat -c %a "$home/.local/share/actionplan")" = 700
check "plans lists the samples" bash -c "env -i HOME='$home' LANG=C.UTF-8 '$root/bin/actionplan' plans | grep -q luton-disability-equality-2008"
offered=$(env -i HOME="$home" PATH="$root/bin:/usr/bin:/bin" bash --norc --noprofile -c "
  source '$root/share/bash-completion/completions/actionplan'
  COMP_WORDS=(actionplan show luton-dis); COMP_CWORD=2; COMP_LINE='actionplan show luton-dis'; COMP_POINT=\${#COMP_LINE}
  _actionplan actionplan luton-dis show; printf '%s\n' \"\${COMPREPLY[@]}\"" 2>/dev/null)
check "installed bash completion offers luton-disability-equality-2008/t1 (got: $(head -c 200 <<<"$offered"))" grep -qx 'luton-disability-equality-2008/t1' <<<"$offered"

# --- make uninstall removes exactly what install put there ---
touch "$root/share/man/man1/other.1"   # someone else's file in a shared directory stays
make -s uninstall DIST="$dist" DESTDIR="$dest" PREFIX="$prefix" >/dev/null || fail "make uninstall"
left=$(cd "$root" && find . -type f -printf '%P\n')
check "uninstall left: $left" test "$left" = "share/man/man1/other.1"
check "uninstall removed share/actionplan and share/doc/actionplan" bash -c "[ ! -e '$root/share/actionplan' ] && [ ! -e '$root/share/doc/actionplan' ]"

# --- the .deb ---
if command -v dpkg-deb >/dev/null 2>&1; then
  deb=$(bash scripts/deb.sh "$dist" "$scratch")
  check "deb name actionplan_VERSION_ARCH.deb" test "$(basename "$deb")" = "actionplan_$(head -n1 VERSION)_$(dpkg --print-architecture).deb"
  contents=$(dpkg-deb -c "$deb" | awk '{print $1, $2, $6}')
  for f in ./usr/bin/actionplan ./usr/share/man/man1/actionplan.1.gz ./usr/share/bash-completion/completions/actionplan \
           ./usr/share/zsh/site-functions/_actionplan ./usr/share/fish/vendor_completions.d/actionplan.fish \
           ./usr/share/doc/actionplan/copyright ./usr/share/doc/actionplan/README.md ./usr/share/actionplan/samples/luton-disability-equality-2008.json; do
    check "deb has $f owned by root" grep -q "root/root $f\$" <<<"$contents"
  done
  check "deb binary mode -rwxr-xr-x" grep -q '^-rwxr-xr-x root/root ./usr/bin/actionplan$' <<<"$contents"
  check "deb control has Depends on ncurses" bash -c "dpkg-deb -f '$deb' Depends | grep -q libncursesw6"
  x="$scratch/x"; dpkg -x "$deb" "$x"
  check "--version from the unpacked deb" bash -c "[ \"\$('$x/usr/bin/actionplan' --version)\" = '$version' ]"
  warnings=$(MANWIDTH=80 man --warnings -l "$x/usr/share/man/man1/actionplan.1.gz" 2>&1 >/dev/null)
  check "man -l of the deb's page: $warnings" test -z "$warnings"
else
  fail "dpkg-deb missing (scripts/ensure-deps.sh --test installs it)"
fi

# --- --version in a tarball without .git: the COMMIT file that git archive fills in, else "unknown" ---
if git rev-parse --git-dir >/dev/null 2>&1; then
  tar_dir="$scratch/tarball"; mkdir -p "$tar_dir"
  git archive HEAD VERSION COMMIT scripts/build-info.sh | tar -x -C "$tar_dir"
  sh "$tar_dir/scripts/build-info.sh" "$tar_dir/out" "$tar_dir"
  check "tarball build info names the archived commit" grep -q "commit = \"$(git rev-parse --short HEAD)\"" "$tar_dir/out/BuildInfo.swift"
  rm -f "$tar_dir/COMMIT"
  sh "$tar_dir/scripts/build-info.sh" "$tar_dir/out2" "$tar_dir"
  check "build info without .git or COMMIT says unknown" grep -q 'commit = "unknown"' "$tar_dir/out2/BuildInfo.swift"
fi

echo "install-check ($config build, $(( $(date +%s) - start )) s)"
echo "install-check: $passed passed, $failed failed"
[ "$failed" = 0 ]
