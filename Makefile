PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test lint golden bench system-deps system-deps-test clean

build: system-deps $(STAMP)
	$(BIN)/legalgen build

test: system-deps-test lint golden
	$(BIN)/pytest

# The published corpus (../shared/corpus/) read and written again: one line per language, then
# the misses by class (docs/known-differences.md); skipped, saying so, without the corpus.
golden: $(STAMP)
	$(BIN)/python -m tests.golden

# Style, types (mypy --strict on generator/) and the import layers of the pipeline (the
# import-linter contracts in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-logo

bench: $(STAMP)
	$(BIN)/python bench/run.py

system-deps:
	./scripts/system-deps.sh

system-deps-test:
	./scripts/system-deps.sh --test
	test -f tests/a11y/node_modules/axe-core/axe.min.js || npm ci --prefix tests/a11y --no-audit --no-fund

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf build
