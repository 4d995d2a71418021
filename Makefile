PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# pytest-xdist workers: two, the cores of the machine the README's test times were measured on
# (`make test TEST_WORKERS=auto` starts one per core). PYTEST_ARGS go to pytest as they are.
TEST_WORKERS ?= 2
PYTEST_ARGS ?=

# Compiled modules (and pytest's rewritten tests) are kept between runs: where the environment
# turns bytecode off, every test worker and every command a test starts would compile legalgen
# again (about 5 s a worker to collect the tests alone).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: build test check lint golden bench system-deps system-deps-test clean \
	extract-messages update-messages compile-messages

build: system-deps $(STAMP)
	$(BIN)/legalgen build

# Everything, what CI runs: the style and import checks, the golden report, then the whole suite.
test: system-deps-test lint golden
	$(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# The fast tier, after each change: no LibreOffice, no browser, no PDF or DOCX of the whole
# sample, the quick profile of the fuzzer and the other long tests (fewer examples, a shorter
# race, a few cases of each class of the hostile corpus; tests/conftest.py says which tests are
# `full`).
check: system-deps $(STAMP)
	LEGALGEN_FUZZ=quick $(BIN)/pytest -n $(TEST_WORKERS) -m "not full" $(PYTEST_ARGS)

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

# The catalogs of legalgen's messages (docs/messages.md): extract the messages marked in the code
# (tr and N_) into the template, merge it into each language's catalog (new messages to
# translate, changed ones marked fuzzy), compile the catalogs the package ships.
LOCALE := generator/locale
MESSAGE_LANGS := kk ru
POT := $(LOCALE)/legalgen.pot

extract-messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --no-default-keywords -k tr -k N_ --no-location \
		--sort-output --project legalgen --version "" --copyright-holder "" -o $(POT) .

update-messages: extract-messages
	for lang in $(MESSAGE_LANGS); do \
		$(BIN)/pybabel update -D legalgen -i $(POT) -d $(LOCALE) -l $$lang --init-missing \
			--ignore-obsolete || exit 1; \
	done

compile-messages: $(STAMP)
	$(BIN)/pybabel compile -D legalgen -d $(LOCALE) --statistics

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
