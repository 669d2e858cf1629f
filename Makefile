# Kennisstad: `make run` serves the platform on http://127.0.0.1:8000, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate data lint format lock messages bench-import clean

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.lock
	touch $@

install: $(VENV)/.installed

migrate: install
	mkdir -p var
	$(PY) manage.py migrate --no-input

data: migrate
	$(PY) manage.py load_programme
	$(PY) manage.py load_demo

run: data
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Regenerate the lock file after changing pyproject.toml.
lock: install
	$(VENV)/bin/pip-compile -q --extra dev --no-emit-index-url --no-emit-find-links --strip-extras -o requirements.lock pyproject.toml

# Recompile the translations after editing locale/*/LC_MESSAGES/django.po.
messages: install
	$(PY) manage.py compilemessages --ignore=.venv

bench-import: install
	$(PY) bench/import_projects.py --rows $${ROWS:-10000}

clean:
	rm -rf $(VENV) var/*.sqlite3*
