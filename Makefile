PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test lint bench system-deps system-deps-test clean

build: system-deps $(STAMP)
	$(BIN)/legalgen build

test: system-deps-test $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench

bench: $(STAMP)
	$(BIN)/python bench/run.py

system-deps:
	./scripts/system-deps.sh

system-deps-test:
	./scripts/system-deps.sh --test

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf build
