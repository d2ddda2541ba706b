# Selfdirect: two commands for a newcomer. `make demo` serves the app with demo
# data; `make test` runs the whole suite on SQLite and PostgreSQL.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := var/stamps
PG_URL ?= postgres://postgres@127.0.0.1:5432/selfdirect
DEMO_PEOPLE ?= 2000
DEMO_ENV := DEBUG=0 SECURE_COOKIES=0 SECRET_KEY_FILE=var/secret_key

.PHONY: help install assets demo test lint typecheck test-sqlite test-postgres browser postgres bench clean

help:
	@echo "make demo   set up and serve Selfdirect with demo data on http://127.0.0.1:8000"
	@echo "make test   set up and run the whole test suite on SQLite and PostgreSQL"

$(STAMPS):
	@mkdir -p $(STAMPS)

$(STAMPS)/python: pyproject.toml requirements.lock | $(STAMPS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==0.13.9
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	@touch $@

$(STAMPS)/npm: package.json package-lock.json | $(STAMPS)
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The design system is built from its npm package at setup, never committed.
assets: $(STAMPS)/npm
	@mkdir -p build/static/design-system
	cp -r node_modules/@scottish-government/design-system/dist/css node_modules/@scottish-government/design-system/dist/images build/static/design-system/

install: $(STAMPS)/python assets
	@test -s var/secret_key || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key

demo: install
	$(DEMO_ENV) $(BIN)/selfdirect migrate --no-input -v0
	$(DEMO_ENV) $(BIN)/selfdirect collectstatic --no-input -v0
	$(DEMO_ENV) $(BIN)/selfdirect seed --people $(DEMO_PEOPLE) --seed 7
	@echo "Selfdirect is at http://127.0.0.1:8000 (press Ctrl+C to stop)"
	$(DEMO_ENV) $(BIN)/gunicorn selfdirect.config.wsgi --bind 127.0.0.1:8000 --workers 2 --access-logfile -

# Debian's Chromium drives the browser tests; no test tool downloads a browser.
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null)

postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 1; done; echo "PostgreSQL did not start"; exit 1

PY_SOURCES := selfdirect tests bench scripts conftest.py

lint: $(STAMPS)/python
	$(BIN)/ruff check $(PY_SOURCES)
	$(BIN)/ruff format --check $(PY_SOURCES)

typecheck: $(STAMPS)/python
	$(BIN)/mypy selfdirect

# worksteal: a worker that runs out takes tests queued on the other, so the
# browser tests, which pytest-django sorts last, are shared between the two.
test-sqlite: install browser
	DATABASE_URL=sqlite:///var/test.sqlite3 $(BIN)/pytest -q -n 2 --dist worksteal

# pytest-django creates the throwaway database test_selfdirect and drops it after.
test-postgres: install browser postgres
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q -n 2 --dist worksteal

test: install browser postgres lint typecheck test-sqlite test-postgres

# Reuses the seeded database $(BENCH_DB) if it exists (seeding 250,000 people takes
# minutes); `make bench BENCH_PEOPLE=20000 BENCH_DB=selfdirect_bench_20k` for a
# quicker one. See docs/performance.md.
BENCH_PEOPLE ?= 250000
BENCH_DB ?= selfdirect_bench
BENCH_REPEAT ?= 30

bench: install postgres
	$(BIN)/python bench/pages.py --database $(BENCH_DB) --people $(BENCH_PEOPLE) --repeat $(BENCH_REPEAT)
	$(BIN)/python bench/directory_search.py

clean:
	rm -rf $(VENV) node_modules build var
