# Two commands do all set-up on a fresh machine (Python 3.11+, pip, gcc, Java):
#   make run    build the graph from seeds/ and serve it on 127.0.0.1:8000
#   make test   run the linter and the test suite
# Both create or update the virtual environment in .venv first.

VENV  ?= .venv
STORE ?= var/store
HOST  ?= 127.0.0.1
PORT  ?= 8000
PYTHON ?= python3

.PHONY: run test venv bench score models clean

$(VENV)/.installed: pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[test]'
	touch $@

venv: $(VENV)/.installed

run: venv
	$(VENV)/bin/diplograph build seeds --store $(STORE)
	$(VENV)/bin/diplograph serve --store $(STORE) --host $(HOST) --port $(PORT)

test: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/python -m pytest

score: venv
	$(VENV)/bin/diplograph evaluate --gold tests/pipeline/gold/seed.json seeds/ -v

# the learned readers' weights (data/models/*.json), from the development corpus only
models: venv
	$(VENV)/bin/diplograph train tests/corpus/dev -o data/models

bench: venv
	$(VENV)/bin/python bench/extraction.py

clean:
	rm -rf var .pytest_cache
