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

.PHONY: all build run test bench stress report-check deps test-deps clean snapshots

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

test: test-deps
	$(SWIFT) build
	$(SWIFT) test --disable-swift-testing

# Re-records the whole-screen snapshots of the UI (Tests/ActionPlanTUITests/Snapshots/) after a deliberate
# change to a screen; review them with git diff before committing.
snapshots: test-deps
	SNAPSHOTS=record $(SWIFT) test --disable-swift-testing --filter TUISnapshotTests

bench: deps
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
	rm -rf .build .run .bench .report-check
