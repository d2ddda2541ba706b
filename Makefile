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
DEMO_PORT ?= 8000
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

# Easy Read pictures (choices/info_documents.py): only the OpenMoji we use.
OPENMOJI := 0033-FE0F-20E3 0034-FE0F-20E3 1F193 1F3DB 1F3E0 1F3E2 1F464 1F4AC \
	1F4B3 1F4B7 1F4C5 1F4CA 1F4CB 1F4CD 1F4DD 1F500 1F504 1F50D 1F522 1F5D3 1F5E3 \
	1F5E8 1F64B 1F914 1F91D 1F9D1-200D-1F91D-200D-1F9D1 1F9D1-200D-2695-FE0F 1F9E9 \
	1F9FE 2696 2705 2764

# The design system and the pictures come from npm packages at setup, never committed.
assets: $(STAMPS)/npm
	@mkdir -p build/static/design-system build/static/openmoji
	cp -r node_modules/@scottish-government/design-system/dist/css node_modules/@scottish-government/design-system/dist/images build/static/design-system/
	@mkdir -p build/static/design-system/scripts
	cp node_modules/@scottish-government/design-system/dist/scripts/design-system.js build/static/design-system/scripts/
	cp $(foreach code,$(OPENMOJI),node_modules/openmoji/color/svg/$(code).svg) node_modules/openmoji/LICENSE.txt build/static/openmoji/

install: $(STAMPS)/python assets
	@test -s var/secret_key || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key

demo: install
	$(DEMO_ENV) $(BIN)/selfdirect migrate --no-input -v0
	$(DEMO_ENV) $(BIN)/selfdirect collectstatic --no-input -v0
	$(DEMO_ENV) $(BIN)/selfdirect seed --people $(DEMO_PEOPLE) --seed 7
	@echo "Selfdirect is at http://127.0.0.1:$(DEMO_PORT) (press Ctrl+C to stop)"
	@# The background worker (subject access PDFs and other long jobs) runs beside
	@# the web server and is stopped with it.
	$(DEMO_ENV) $(BIN)/selfdirect db_worker --no-reload --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEMO_ENV) $(BIN)/gunicorn selfdirect.config.wsgi --bind 127.0.0.1:$(DEMO_PORT) --workers 2 --worker-class gthread --threads 4 --access-logfile -

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

# load: each worker is handed the next tests in the suite's order as it frees up,
# so the browser tests, which pytest-django sorts after the others, are shared
# between the two, and no worker runs a test that needs the data the migrations
# load after a transactional test has emptied its database. (worksteal broke that
# order: a worker that ran out took tests from the other's queue, from before
# the transactional ones, and ran them on an emptied database.)
test-sqlite: install browser
	DATABASE_URL=sqlite:///var/test.sqlite3 $(BIN)/pytest -q -n 2 --dist load

# pytest-django creates the throwaway database test_selfdirect and drops it after.
test-postgres: install browser postgres
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q -n 2 --dist load

test: install browser postgres lint typecheck test-sqlite test-postgres

# Reuses the seeded database $(BENCH_DB) if it exists (seeding 250,000 people takes
# minutes); `make bench BENCH_PEOPLE=20000 BENCH_DB=selfdirect_bench_20k` for a
# quicker one. See docs/performance.md.
BENCH_PEOPLE ?= 250000
BENCH_DB ?= selfdirect_bench
BENCH_REPEAT ?= 30

bench: install postgres
	$(BIN)/python bench/pages.py --database $(BENCH_DB) --people $(BENCH_PEOPLE) --repeat $(BENCH_REPEAT)
	$(BIN)/python bench/indicators.py --database $(BENCH_DB) --people $(BENCH_PEOPLE)
	$(BIN)/python bench/directory_search.py
	$(BIN)/python bench/subject_access.py

clean:
	rm -rf $(VENV) node_modules build var
