# actionplan — see README.md. Two commands do all the set-up on a fresh Debian machine:
#   make run    build and open the review UI on a scratch copy of the sample plans in data/
#   make test   build and run every test
SWIFT    ?= swift
DATA     ?= data
RUN_DATA ?= .run/data
BIN      := .build/release/actionplan
# The Swift runtime linked statically: a command starts in ~3 ms instead of ~6 ms (no dynamic
# symbol lookup of Foundation and ICU), which matters for scripts that call actionplan in loops.
RELEASE  := -c release --static-swift-stdlib

# make install PREFIX=/usr/local DESTDIR=: the stripped release binary, the man page, the completions,
# the docs and the sample plans (list: scripts/install.sh list). make uninstall removes exactly those.
PREFIX   ?= /usr/local
DESTDIR  ?=
DIST     := .build/dist-release

.PHONY: all build run test bench stress report-check deps test-deps clean snapshots dist man install uninstall deb install-check

all: build

deps:
	@bash scripts/ensure-deps.sh

test-deps:
	@bash scripts/ensure-deps.sh --test

build: deps
	$(SWIFT) build $(RELEASE) --product actionplan

# Never opens data/ itself: the sample plans are copied to .run/data (once; delete .run to start over).
run: build
	@bash scripts/prepare-run-data.sh "$(DATA)" "$(RUN_DATA)"
	$(BIN) --data "$(RUN_DATA)"

# The tests run three at a time: many of them wait on a program they started (the binary, git, tmux),
# so on a 2-core machine three workers keep both cores busy (measured once built: serial 56 s, two
# workers 32 s, three 23-26 s). Every test makes its own scratch directories and tmux sockets, so they
# may run side by side. `make test TEST_WORKERS=1` runs them one after another.
TEST_WORKERS ?= 3
test: test-deps
	$(SWIFT) build
	SWIFT="$(SWIFT)" bash scripts/install-check.sh
	$(SWIFT) test --disable-swift-testing --parallel --num-workers $(TEST_WORKERS)

# What install and deb put in place, generated from the release binary into $(DIST).
dist: deps
	@bash scripts/ensure-deps.sh --install
	SWIFT="$(SWIFT)" bash scripts/dist.sh release $(DIST)

# The man page alone, at .build/dist-release/actionplan.1 (man -l it).
man: dist

# NO_BUILD=1: install what $(DIST) already holds (scripts/install-check.sh does, with its own build).
install: $(if $(NO_BUILD),,dist)
	bash scripts/install.sh install $(DIST) "$(DESTDIR)" "$(PREFIX)"

uninstall:
	bash scripts/install.sh uninstall $(DIST) "$(DESTDIR)" "$(PREFIX)"

# actionplan_VERSION_ARCH.deb in the top directory (dpkg-deb; dpkg-dev is not needed).
deb: $(if $(NO_BUILD),,dist)
	bash scripts/deb.sh $(DIST) .

# The install and the .deb checked with the release build (make test does it with the debug build).
install-check: deps
	SWIFT="$(SWIFT)" CONFIG=release bash scripts/install-check.sh

# Re-records the whole-screen snapshots of the UI (Tests/ActionPlanTUITests/Snapshots/) after a deliberate
# change to a screen; review them with git diff before committing.
snapshots: test-deps
	SNAPSHOTS=record $(SWIFT) test --disable-swift-testing --filter TUISnapshotTests

bench: deps
	@bash scripts/ensure-deps.sh --install
	$(SWIFT) build $(RELEASE) --product actionplan
	$(SWIFT) build $(RELEASE) --product actionplan-bench
	python3 scripts/bench.py

# Concurrency and crash safety with the real binary: make stress (STRESS_SETS, STRESS_KILLS to size it).
stress: deps
	$(SWIFT) build $(RELEASE) --product actionplan
	$(SWIFT) build $(RELEASE) --product actionplan-bench
	python3 scripts/stress.py

# Not part of `make test` (it takes a browser): the HTML report of every plan in data/ printed to PDF
# and screenshotted by headless Chromium, checked for pages and for tables that overflow. Output in
# .report-check/ (see scripts/report_check.py).
report-check: deps
	@bash scripts/ensure-deps.sh --report
	$(SWIFT) build --product actionplan
	python3 scripts/report_check.py --binary .build/debug/actionplan --out .report-check

clean:
	rm -rf .build .run .bench .report-check actionplan_*.deb
