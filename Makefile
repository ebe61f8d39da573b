# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum requirements.lock | cut -d' ' -f1)
UV_VERSION := 0.13.8
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-only lint format install browser lock messages superuser clean bench-mt bench-aggregator bench-search

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --with-users
	$(BIN)/python manage.py setup_roles
	$(BIN)/python manage.py aggregator schedule
	@echo "Site:  http://$(HOST):$(PORT)/   Admin: http://$(HOST):$(PORT)/admin/  (Ctrl-C stops the site and its worker)"
	$(BIN)/python manage.py rundev $(HOST):$(PORT)

test: install browser lint test-only

test-only: install
	$(BIN)/pytest $(PYTEST_ARGS)

install: $(STAMP)

$(STAMP): requirements.lock
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip sync --python $(BIN)/python requirements.lock
	@rm -f $(VENV)/.installed-*
	@touch $@

# Headless Chromium and ChromeDriver from Debian for the browser tests.
browser:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium and chromium-driver for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else \
		echo "The browser tests need Chromium: sudo apt-get install chromium chromium-driver"; exit 1; \
	fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-pin every dependency after editing pyproject.toml.
lock: install
	$(BIN)/uv pip compile --quiet pyproject.toml --extra dev --extra bench --python-version 3.11 --generate-hashes -o requirements.lock

messages: install
	$(BIN)/python manage.py makemessages --all --ignore='.venv/*' --ignore='static/*' --ignore='media/*' --no-obsolete
	$(BIN)/python manage.py compilemessages --ignore='.venv/*'

# Benchmarks (see README): each prints its figures and exits non-zero if a target is missed.
bench-mt: install
	$(BIN)/python -m benchmarks.mt_throughput

bench-aggregator: install
	$(BIN)/python -m benchmarks.aggregator

bench-search: install
	$(BIN)/python -m benchmarks.search

superuser: install
	$(BIN)/python manage.py createsuperuser

clean:
	rm -rf $(VENV) db.sqlite3 static test-artifacts
