# The two commands a newcomer needs: `make demo` and `make test`. Both bootstrap .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.db
CORPUS ?= ../shared/corpora/polnear

.PHONY: demo test lint ci install bench eval clean help

help:
	@echo "make demo    load seeds/ into $(DEMO_DB) and show the claims and contradictions"
	@echo "make test    run the whole test suite"
	@echo "make lint    the gates: ruff, mypy, import-linter (layers), complexity <= 25, no copied blocks"
	@echo "make ci      the same with a throwaway PostgreSQL server, as CI runs it (.ci/run)"
	@echo "make bench   run the benchmarks in bench/ (needs CORPUS=path/to/polnear; POSTGRES=server URL adds PostgreSQL)"
	@echo "make eval    score the engine on CORPUS/dev.jsonl"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/claimtrack --db $(DEMO_DB) demo seeds

test: $(STAMP)
	$(BIN)/python -m pytest

# The gates, each named in pyproject.toml or in the script it runs; .ci/run runs them before the tests.
lint: $(STAMP)
	$(BIN)/ruff check claimtrack tui tests bench .ci
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python .ci/complexity.py claimtrack tui --max 25
	$(BIN)/pylint --disable=all --enable=duplicate-code --min-similarity-lines=6 --ignore=migrations --score=n claimtrack tui

ci:
	bash .ci/run

bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py $(CORPUS)/dev.jsonl --runs 5
	$(BIN)/python bench/bench_ingest.py $(CORPUS)/dev.jsonl --fill $(CORPUS)/train.jsonl --stores 0,100000,1000000 --jobs 1,2 $(if $(POSTGRES),--postgres $(POSTGRES))
	$(BIN)/python bench/bench_contradictions.py --repeat 3
	$(BIN)/python bench/eval_contradictions.py
	$(BIN)/python bench/bench_tui.py --runs 5
	$(BIN)/python bench/bench_hostile.py
	$(BIN)/python bench/bench_migration.py

eval: $(STAMP)
	$(BIN)/claimtrack eval $(CORPUS)/dev.jsonl

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache
