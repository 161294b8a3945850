# The two promises: `make run` and `make test` work on a fresh machine with Python 3.11+ and make.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SOURCES := footbase_tui tests benchmarks
# The test environment is pinned (snapshot tests render with one Textual); `make lock` refreshes it.
CONSTRAINTS := constraints/test.txt
PIP := -m pip install --quiet --disable-pip-version-check
OLDEST := .venv-oldest
TESTS ?= tests/unit tests/ui

.PHONY: help run test test-fast test-oldest lock reliability-report check fmt bench man clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

$(STAMP): pyproject.toml $(CONSTRAINTS)
	@echo "footbase: setting up $(VENV) with the versions in $(CONSTRAINTS) (the first time takes about a minute)…"
	@$(PYTHON) -m venv $(VENV)
	@echo "footbase: [1/2] updating pip…"
	@$(PY) $(PIP) --upgrade pip
	@echo "footbase: [2/2] installing footbase, Textual and the test tools (the long step)…"
	@$(PY) $(PIP) -c $(CONSTRAINTS) -e '.[dev]'
	@touch $(STAMP)
	@echo "footbase: $(VENV) is ready"

run: $(STAMP)  ## open the app on your default store
	$(VENV)/bin/footbase

test: $(STAMP)  ## the whole suite: unit, UI and reliability tests
	$(PY) -m pytest -q

test-fast: $(STAMP)  ## unit and UI tests, without the slow reliability tests (the edit-test loop)
	$(PY) -m pytest -q -m "not slow" tests/unit tests/ui

test-oldest:  ## unit and UI tests on the floor versions of pyproject.toml (constraints/oldest.txt); TESTS=... for fewer
	@echo "footbase: installing the oldest supported versions into $(OLDEST)…"
	$(PYTHON) -m venv $(OLDEST)
	$(OLDEST)/bin/python $(PIP) --upgrade pip
	$(OLDEST)/bin/python $(PIP) -c constraints/oldest.txt -e '.[test]'
	$(OLDEST)/bin/python -m pip list --disable-pip-version-check | grep -iE '^(textual|rich|tinydb|pyyaml|orjson|pendulum|platformdirs|tzdata) '
	# Snapshots are left out (every test that uses snap_compare, tests/conftest.py marks them):
	# they are drawn by the locked Textual, not the oldest one.
	$(OLDEST)/bin/python -m pytest -q -p no:cacheprovider -m "not slow and not snapshot" $(TESTS)

lock:  ## refresh constraints/test.txt to the newest versions pyproject.toml allows (then make test)
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python $(PIP) --upgrade pip
	.venv-lock/bin/python $(PIP) '.[dev]'
	{ echo "# The test environment (make test, .ci/run). Made by 'make lock'; do not edit by hand."; \
	  .venv-lock/bin/python -m pip freeze --disable-pip-version-check --exclude footbase; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)
	rm -rf .venv-lock
	@echo "footbase: $(CONSTRAINTS) refreshed; run 'make test' (and look at changed snapshots) before committing it"

reliability-report: $(STAMP)  ## run tests/reliability and write its numbers into its README (on purpose)
	FOOTBASE_RELIABILITY_REPORT=1 $(PY) -m pytest -q tests/reliability

check: $(STAMP)  ## lint, format, types, the import floors (contracts and no cycles), modules <= 400 lines
	$(VENV)/bin/ruff check $(SOURCES)
	$(VENV)/bin/ruff format --check $(SOURCES)
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache
	$(PY) .ci/import_cycles.py
	$(PY) .ci/module_sizes.py

fmt: $(STAMP)  ## apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix $(SOURCES)
	$(VENV)/bin/ruff format $(SOURCES)

bench: $(STAMP)  ## the speed benchmarks, with ratios against a baseline of the same run
	$(PY) benchmarks/run.py

man: $(STAMP)  ## write man/footbase.1 from the parser (shipped in the sdist; commit it)
	$(PY) -m footbase_tui.commands.manpage > man/footbase.1.new
	mv man/footbase.1.new man/footbase.1
	@echo "footbase: man/footbase.1 written; read it with: man -l man/footbase.1"

clean:  ## remove the virtualenv and caches
	rm -rf $(VENV) $(OLDEST) .venv-lock .pytest_cache .mypy_cache .ruff_cache .import_linter_cache dist build
