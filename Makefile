# The two promises: `make run` and `make test` work on a fresh machine with Python 3.11+ and make.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SOURCES := footbase_tui tests benchmarks

.PHONY: help run test test-fast reliability-report check fmt bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

$(STAMP): pyproject.toml
	@echo "footbase: setting up $(VENV) (the first time takes about a minute)…"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## open the app on your default store
	$(VENV)/bin/footbase

test: $(STAMP)  ## the whole suite: unit, UI and reliability tests
	$(PY) -m pytest -q

test-fast: $(STAMP)  ## unit and UI tests, without the slow reliability tests (the edit-test loop)
	$(PY) -m pytest -q -m "not slow" tests/unit tests/ui

reliability-report: $(STAMP)  ## run tests/reliability and write its numbers into its README (on purpose)
	FOOTBASE_RELIABILITY_REPORT=1 $(PY) -m pytest -q tests/reliability

check: $(STAMP)  ## lint, format, types, and the import floors (contracts and no cycles)
	$(VENV)/bin/ruff check $(SOURCES)
	$(VENV)/bin/ruff format --check $(SOURCES)
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache
	$(PY) .ci/import_cycles.py

fmt: $(STAMP)  ## apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix $(SOURCES)
	$(VENV)/bin/ruff format $(SOURCES)

bench: $(STAMP)  ## the speed benchmarks, with ratios against a baseline of the same run
	$(PY) benchmarks/run.py

clean:  ## remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache dist build
