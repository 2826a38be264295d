# Two commands on a fresh machine: `make run` (demo terminal) and `make test` (whole suite).
# Each does its own set-up: a virtual environment in .venv, and soketi from npm for tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test test-fast lint-imports test-failover bench soak mutants package clean screenshots translations translations-update

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP)

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

run: $(STAMP) translations
	$(BIN)/cashier-desktop

# Translations: `make translations-update` collects every visible string into
# resources/i18n/cashier_<lang>.ts (committed; translate there); `make translations` compiles
# them to the .qm files Qt loads (also done by the wheel build and, if missing, at first run).
TS := $(wildcard resources/i18n/*.ts)
translations: $(STAMP) $(TS:.ts=.qm)
resources/i18n/%.qm: resources/i18n/%.ts
	$(BIN)/python -c "from pathlib import Path; from cashier_desktop.ui.i18n import compile_translation as c; c(Path('$<'), Path('$@'))"
translations-update: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete $$(find cashier_desktop/ui -name '*.py' | sort) -ts resources/i18n/cashier_hi.ts

# Two workers, each taking whole test files (`--dist loadfile`: a file's fixtures and order stay
# together): most tests wait on PostgreSQL or a child process, so two run in about 55 % of the
# time of one on this two-core machine. `make test TEST_WORKERS=0` runs them in one process.
# The files holding long-running tests (marked slow or failover) go out first and the packaging
# tests' files as one unit (one PyInstaller build): tests/support/scheduling.py.
# Three workers were slower here (9:55 against 9:04 for two, the same hour, and a feed test timed out).
# Every test, the two that kill a pg_auto_failover primary included (tests/ops/test_failover.py,
# about 50 s, and tests/ops/test_failover_followers.py, the relay and the watch, about 35 s).
# A worker that crashes (a segfault in Qt, the OOM killer) fails the run at once
# (--max-worker-restart=0): under loadfile a replaced worker could leave the run hanging.
TEST_WORKERS ?= 2
test: $(STAMP) node_modules/.package-lock.json
	QT_QPA_PLATFORM=offscreen CASHIER_ARGON2_PROFILE=cheap $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile \
		--max-worker-restart=0 $(PYTEST_ARGS)

# The unit tests alone, in seconds: domain, the terminal's services against fakes of their
# ports, the layer contracts (no database, no Qt window, no soketi).
test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen CASHIER_ARGON2_PROFILE=cheap $(BIN)/python -m pytest -q tests/unit $(PYTEST_ARGS)

# The layers (pyproject.toml [tool.importlinter]); tests/unit/test_layers.py runs them too.
lint-imports: $(STAMP)
	$(BIN)/lint-imports

# Every test that kills a pg_auto_failover primary (tests/ops/test_failover*.py).
test-failover: $(STAMP)
	QT_QPA_PLATFORM=offscreen CASHIER_ARGON2_PROFILE=cheap $(BIN)/python -m pytest -m failover $(PYTEST_ARGS)

bench: $(STAMP) node_modules/.package-lock.json
	QT_QPA_PLATFORM=offscreen CASHIER_ARGON2_PROFILE=cheap $(BIN)/python -m tests.perf.run_all $(BENCH_ARGS)

# The long fault-injection soak: `make soak DURATION=3600` (seconds of faults; default 600).
DURATION ?= 600
# Then the same writers on a pg_auto_failover pair, the primary killed and the standby
# promoted again and again (FAILOVER_DURATION seconds; 0 skips it).
FAILOVER_DURATION ?= 300
soak: $(STAMP) node_modules/.package-lock.json
	QT_QPA_PLATFORM=offscreen CASHIER_ARGON2_PROFILE=cheap $(BIN)/python -m tests.e2e.soak --duration $(DURATION) --out perf-results/soak.md $(SOAK_ARGS)
	if [ "$(FAILOVER_DURATION)" != "0" ]; then QT_QPA_PLATFORM=offscreen CASHIER_ARGON2_PROFILE=cheap $(BIN)/python -m tests.e2e.soak --failover --duration $(FAILOVER_DURATION) --fault-gap 8,15 --out perf-results/soak-failover.md $(SOAK_ARGS); fi

# The README's screenshots (docs/screenshots), every main window at 1366×768, offscreen.
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen CASHIER_ARGON2_PROFILE=cheap $(BIN)/python -m tools.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen CASHIER_ARGON2_PROFILE=cheap $(BIN)/python -m tools.screenshots --language hi docs/screenshots/hi

# The curated mutation suite: each mutant (tests/mutants/catalog.py) applied to a temporary
# copy and run against its own tests; report in docs/mutants.md; fails on any survivor.
mutants: $(STAMP) node_modules/.package-lock.json
	QT_QPA_PLATFORM=offscreen CASHIER_ARGON2_PROFILE=cheap $(BIN)/python -m tests.mutants $(MUTANTS_ARGS)

package: $(STAMP)
	PYTHON=$(BIN)/python packaging/build.sh

clean:
	rm -rf $(VENV) node_modules build dist *.egg-info
