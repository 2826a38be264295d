# Two commands on a fresh machine: `make run` (demo terminal) and `make test` (whole suite).
# Each does its own set-up: a virtual environment in .venv, and soketi from npm for tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench soak mutants package clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP)

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

run: $(STAMP)
	$(BIN)/cashier-desktop

test: $(STAMP) node_modules/.package-lock.json
	QT_QPA_PLATFORM=offscreen CASHIER_ARGON2_PROFILE=cheap $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP) node_modules/.package-lock.json
	QT_QPA_PLATFORM=offscreen CASHIER_ARGON2_PROFILE=cheap $(BIN)/python -m tests.perf.run_all $(BENCH_ARGS)

# The long fault-injection soak: `make soak DURATION=3600` (seconds of faults; default 600).
DURATION ?= 600
soak: $(STAMP) node_modules/.package-lock.json
	QT_QPA_PLATFORM=offscreen CASHIER_ARGON2_PROFILE=cheap $(BIN)/python -m tests.e2e.soak --duration $(DURATION) --out perf-results/soak.md $(SOAK_ARGS)

# The curated mutation suite: each mutant (tests/mutants/catalog.py) applied to a temporary
# copy and run against its own tests; report in docs/mutants.md; fails on any survivor.
mutants: $(STAMP) node_modules/.package-lock.json
	QT_QPA_PLATFORM=offscreen CASHIER_ARGON2_PROFILE=cheap $(BIN)/python -m tests.mutants $(MUTANTS_ARGS)

package: $(STAMP)
	PYTHON=$(BIN)/python packaging/build.sh

clean:
	rm -rf $(VENV) node_modules build dist *.egg-info
