# Kennisstad: `make run` serves the platform on http://127.0.0.1:8000, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test install migrate data lint format lock messages bench-import clean

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
	$(PY) manage.py train_theme_model --if-missing
	$(PY) manage.py load_questions_demo
	$(PY) manage.py load_events_demo
	$(PY) manage.py load_ambitions
	$(PY) manage.py load_site_pages
	$(PY) manage.py rebuild_search_index --no-progress

run: data
	$(PY) manage.py runserver $(HOST):$(PORT)

# The platform as it is deployed (docs/deploy.md): DEBUG off, static files collected, gunicorn,
# the django-tasks worker and the daily jobs' scheduler (Procfile, run by honcho). SQLite under
# var/ unless DATABASE_URL says otherwise; the database cache unless CACHE_URL names Redis.
# SECRET_KEY: yours, or one made once in var/secret-key for a local trial. Plain HTTP here;
# behind a TLS proxy set SECURE_SSL_REDIRECT=true.
serve: data
	@set -e; test -s var/secret-key || $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret-key; \
	export DEBUG=0 SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret-key)}" \
	  ALLOWED_HOSTS="$${ALLOWED_HOSTS:-$(HOST),localhost}" WEB_BIND="$(HOST):$(PORT)" \
	  SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}"; \
	$(PY) manage.py collectstatic --no-input -v0; \
	$(PY) manage.py check --deploy --fail-level ERROR; \
	$(VENV)/bin/honcho start -f Procfile

# The tests run in parallel, one worker per CPU (pytest-xdist); TEST_WORKERS=0 runs them all
# in one process (for pdb, or to rule out the parallelism). Each test module stays on one
# worker (--dist loadfile), so a module-scoped fixture such as the axe-core scans is built
# once; the modules are handed out in collection order, slowest folders first (testpaths).
TEST_WORKERS ?= auto
PYTEST := $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder
test: install
	$(PYTEST) $(PYTEST_ARGS)

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

# PostgreSQL: the whole suite against a throwaway PostgreSQL 15 cluster (needs the server
# binaries initdb/pg_ctl on PATH; see scripts/throwaway-postgres.sh), removed afterwards.
.PHONY: test-postgres screenshots
test-postgres: install
	@set -e; export KENNISSTAD_PG_DIR="$$(mktemp -d)"; \
	trap 'scripts/throwaway-postgres.sh stop' EXIT INT TERM; \
	url="$$(scripts/throwaway-postgres.sh start)"; \
	echo "PostgreSQL: $$url"; \
	DATABASE_URL="$$url" $(PYTEST) $(PYTEST_ARGS)

# Browser tests and screenshots drive Debian's Chromium (`apt-get install chromium`);
# without it the browser tests skip (outside CI). PNGs of every public page type at
# 375 and 1280 px go to var/screenshots/.
screenshots: install
	$(PY) scripts/screenshots.py --output var/screenshots

# HTTP benchmark (docs/benchmark.md): N generated projects (default 10000, cached under
# var/bench/), gunicorn with production settings, wrk on loopback; needs `apt-get install wrk`.
#   make bench                 SQLite        N=100000 make bench     a bigger portfolio
#   make bench DB=postgres     (= make bench-postgres) a throwaway PostgreSQL, removed afterwards
# BENCH_ARGS passes options to bench/http_bench.py, e.g. BENCH_ARGS="--duration 5 --repeat 5".
.PHONY: bench bench-postgres
bench: install
ifeq ($(DB),postgres)
	@$(MAKE) --no-print-directory bench-postgres
else
	@set -e; n=$${N:-10000}; url="sqlite:///$(CURDIR)/var/bench/projects-$$n.sqlite3"; \
	$(PY) bench/generate_projects.py --database-url "$$url" --projects $$n; \
	$(PY) bench/http_bench.py --database-url "$$url" --label sqlite-$$n $(BENCH_ARGS)
endif

bench-postgres: install
	@set -e; n=$${N:-10000}; export KENNISSTAD_PG_DIR="$$(mktemp -d)"; \
	trap 'scripts/throwaway-postgres.sh stop' EXIT INT TERM; \
	url="$$(scripts/throwaway-postgres.sh start)"; \
	echo "PostgreSQL: $$url"; \
	$(PY) bench/generate_projects.py --database-url "$$url" --projects $$n; \
	$(PY) bench/http_bench.py --database-url "$$url" --label postgres-$$n $(BENCH_ARGS)

# Soak test (docs/testing.md), not part of `make test`: gunicorn with production settings for
# SOAK_SECONDS (300) under SOAK_USERS (32) simulated visitors (locust, loopback only) who
# browse, search and ask questions; fails on any 5xx, failed request or lost question.
#   make soak                  SQLite (a copy of the benchmark's N generated projects)
#   make soak DB=postgres      a throwaway PostgreSQL, removed afterwards
# SOAK_ARGS passes options to bench/soak.py, e.g. SOAK_ARGS="--workers 3".
.PHONY: soak
soak: install
ifeq ($(DB),postgres)
	@set -e; n=$${N:-10000}; export KENNISSTAD_PG_DIR="$$(mktemp -d)"; \
	trap 'scripts/throwaway-postgres.sh stop' EXIT INT TERM; \
	url="$$(scripts/throwaway-postgres.sh start)"; \
	echo "PostgreSQL: $$url"; \
	$(PY) bench/generate_projects.py --database-url "$$url" --projects $$n; \
	$(PY) bench/soak.py --database-url "$$url" --label postgres-$$n $(SOAK_ARGS)
else
	@set -e; n=$${N:-10000}; url="sqlite:///$(CURDIR)/var/bench/projects-$$n.sqlite3"; \
	$(PY) bench/generate_projects.py --database-url "$$url" --projects $$n; \
	$(PY) bench/soak.py --database-url "$$url" --label sqlite-$$n $(SOAK_ARGS)
endif
