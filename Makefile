# EssayCoach: `make run` (app + demo data, embedded defaults) and `make test` (everything).
# Both work from a fresh clone; the virtual environment lives in .venv.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# `make run` serves as production does (debug off, hashed and compressed static files,
# a secret key made once in var/); `make run DJANGO_DEBUG=1` for Django's debug pages.
DJANGO_DEBUG ?= 0
RUN_ENV := DJANGO_DEBUG=$(DJANGO_DEBUG)
TEST_ENV := DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-tests-only-secret} DJANGO_DEBUG=0

.PHONY: run test lint typecheck unit e2e bench proof setup css static chromium nginx pdf-libs clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"
	$(PY) -m pip install --quiet --group dev
	touch $@

config/static_src/node_modules/.installed: config/static_src/package.json config/static_src/package-lock.json
	cd config/static_src && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Automattic's harper.js (the grammar checker the engine runs in Node), from its lock file
coaching/engine/harper_node/node_modules/.installed: coaching/engine/harper_node/package.json coaching/engine/harper_node/package-lock.json
	cd coaching/engine/harper_node && npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed config/static_src/node_modules/.installed coaching/engine/harper_node/node_modules/.installed pdf-libs

# WeasyPrint (class PDFs) lays text out with Debian's pango and harfbuzz and needs a font
pdf-libs:
	@{ ldconfig -p | grep -q libpangoft2-1.0 && ldconfig -p | grep -q libharfbuzz-subset \
	  && fc-list 2>/dev/null | grep -qi dejavu; } || { \
	  echo "Installing Debian's pango, harfbuzz and DejaVu fonts for the PDFs"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fontconfig >/dev/null; }

css: setup
	$(RUN_ENV) $(PY) manage.py tailwind build

static: css
	$(RUN_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0

run: static
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py demo_data
	@echo ""
	@echo "  EssayCoach is running at http://$(HOST):$(PORT)/  (Ctrl-C stops it)"
	@echo ""
	$(RUN_ENV) scripts/serve.sh $(HOST) $(PORT)

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# the scale-out test puts two web processes behind nginx, as a school's proxy would
nginx:
	@{ command -v nginx || test -x /usr/sbin/nginx; } >/dev/null 2>&1 || { \
	  echo "Installing Debian's nginx for the scale-out test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; }

lint: setup
	$(VENV)/bin/ruff check --no-cache .
	$(VENV)/bin/ruff format --check --no-cache .

typecheck: setup
	$(TEST_ENV) $(VENV)/bin/mypy

unit: static
	$(TEST_ENV) $(PY) -m pytest tests

e2e: static chromium nginx
	$(TEST_ENV) $(PY) -m pytest e2e

# Two pytest runs: Playwright's event loop must not share a process with the async
# stream tests (shared/PITFALLS.md). A run that collects no test exits 5 and fails.
test: lint typecheck unit e2e

bench: static chromium
	$(TEST_ENV) $(PY) scripts/bench/run_all.py

# The full versions of the quick proofs in `make test` (not part of it): the hostile-input
# properties with hundreds of examples each (README: Hostile input), and the load test for
# ten minutes (README: Load test; needs PostgreSQL and Redis, LOAD_USERS / LOAD_SECONDS).
LOAD_USERS ?= 40
LOAD_SECONDS ?= 600
proof: static
	HOSTILE_PROOF=1 $(TEST_ENV) $(PY) -m pytest -q --hypothesis-show-statistics tests/test_hostile_input.py \
	  tests/test_upload_bounds.py tests/test_nul_characters.py tests/test_body_limit.py \
	  tests/engine/test_bounds.py
	$(TEST_ENV) $(PY) scripts/bench/load.py --users $(LOAD_USERS) --seconds $(LOAD_SECONDS) --check

clean:
	rm -rf $(VENV) config/static_src/node_modules coaching/engine/harper_node/node_modules static/css/dist var
