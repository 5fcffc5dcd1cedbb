# RCM Records: `make run` serves the app with the real records; `make test` runs the suite.
# Nothing is needed but Python 3.11/3.12 and make: PostgreSQL comes from the pgserver package.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run setup serve test test-fast lint fmt bench load fuzz backup restore lock messages clean screenshots

# Without pip: a venv with pip takes about 6 s to create, and uv installs everything.
$(BIN)/python:
	$(PYTHON) -m venv --without-pip $(VENV)

# uv installs the locked versions several times faster than pip (and compiles them, so that
# each test worker and subprocess does not). The system's pip fetches uv into the venv's own
# folder; where it cannot, pip comes into the venv (ensurepip) and installs everything.
UV_VERSION := 0.13.9
UV := $(VENV)/bootstrap/bin/uv

$(INSTALLED): $(BIN)/python pyproject.toml requirements.lock
	@if $(PYTHON) -m pip install --quiet --disable-pip-version-check --target $(VENV)/bootstrap \
			"uv==$(UV_VERSION)" \
		&& $(UV) pip install --quiet --compile-bytecode --python $(BIN)/python \
			-c requirements.lock -e '.[dev]'; then \
		echo "Installed with uv."; \
	else \
		echo "uv could not install; installing with pip."; \
		$(BIN)/python -m ensurepip --upgrade --default-pip >/dev/null \
		&& $(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'; \
	fi
	touch $(INSTALLED)

# Installs more packages into the venv with whichever installed it.
PIP = $(if $(wildcard $(UV)),$(UV) pip install --python $(BIN)/python,$(BIN)/python -m pip install)

install: $(INSTALLED)

# Migrate, load the real records (idempotent), collect static files, ensure a staff login.
setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_records
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py ensure_local_staff

serve:
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

run: setup serve

# The project's bytecode, compiled once and in parallel before the tests, rather than by each
# test worker and each process the suite starts (about 0.8 s of CPU each): where the environment
# sets PYTHONDONTWRITEBYTECODE, Python never writes it itself. Only changed files are compiled.
COMPILE = $(BIN)/python -m compileall -q -j0 manage.py rcm meetings agreements consultations \
	networks finance pages tests >/dev/null

# Every test, on as many workers as cores; a worker that runs out steals from the other's queue,
# so no long file holds the run up. tests/test_migrations.py runs makemigrations --check.
test: install
	$(COMPILE)
	$(BIN)/pytest -n auto --dist worksteal

# Everything but the browser, fuzzing and slow tests (servers and subprocesses); stops at the
# first failure.
test-fast: install
	$(COMPILE)
	$(BIN)/pytest -n auto --dist worksteal -x -m "not browser and not fuzz and not slow"

# ruff, then the import-linter contract of pyproject.toml: apps import downwards only.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

fmt: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python bench/run.py

# gunicorn under Locust on 127.0.0.1 only, bounded in time; writes bench/LOAD.md.
load: install
	$(PIP) --quiet -c requirements.lock -e '.[load]'
	$(BIN)/python bench/load.py $(LOAD_ARGS)

# The main pages at 1366 and 375 px in English and Spanish, on the loaded records (make setup
# first), into screenshots/ (ignored by git); its own server on a free port.
screenshots: install
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python tools/screenshots.py

fuzz: install
	$(BIN)/python -m pytest tests/reliability/test_schema_fuzzing.py --fuzz-examples=$(or $(EXAMPLES),100) -p no:xdist

backup: install
	$(BIN)/python manage.py backup_database $(if $(FILE),--output $(FILE),)

restore: install
	@test -n "$(FILE)" || (echo "Say which backup to restore: make restore FILE=.data/backups/…dump" && exit 2)
	$(BIN)/python manage.py restore_database $(FILE)

# Regenerate the lock file on purpose, after changing the ranges in pyproject.toml.
lock: install
	$(PIP) --quiet --upgrade -e '.[dev]'
	$(if $(wildcard $(UV)),$(UV) pip freeze --python $(BIN)/python,$(BIN)/python -m pip freeze) \
		--exclude-editable > requirements.lock

messages: install
	$(BIN)/python manage.py makemessages -l es --ignore=.venv --ignore=staticfiles
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
