# Two commands do everything: `make run` (site with demo content on SQLite) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes: one per core (pytest-xdist, one test database per worker).
TEST_WORKERS ?= auto

.PHONY: run test setup install checkers messages lint check clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# Compiled catalogues, rebuilt only when a catalogue changed (starting Django costs seconds).
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po locale_upstream/*/LC_MESSAGES/*.po))

$(MO_FILES): %.mo: %.po | $(STAMP)
	$(BIN)/python manage.py compile_translations

install: $(STAMP) $(MO_FILES)

setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --with-dev-admin

run: setup
	@echo ""
	@echo "  Site:   http://$(HOST):$(PORT)/"
	@echo "  Admin:  http://$(HOST):$(PORT)/admin/   (user: admin, password: glokal-admin)"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS)

# axe-core and the Nu HTML checker for the accessibility audit, pinned in package-lock.json.
checkers: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# Developer helpers (need GNU gettext for makemessages).
messages: install
	$(BIN)/python manage.py makemessages --no-location --no-obsolete -l de -l cs -l en \
		--ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*'
	$(BIN)/python manage.py makemessages --no-location --no-obsolete -d djangojs -l de -l cs -l en \
		--ignore '.venv/*' --ignore 'static/*' --ignore 'tests/*'

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 media static test-artifacts
