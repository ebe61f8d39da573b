# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum requirements.lock | cut -d' ' -f1)
UV_VERSION := 0.13.8
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-only lint format install browser lock messages superuser clean bench-mt bench-aggregator bench-search bench-load bench-site backup restore wrk

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
	@[ -x /usr/sbin/nginx ] || [ "$$(id -u)" != 0 ] || { echo "Installing nginx-light for the proxy test..."; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; }
	@[ -f /usr/share/fonts/truetype/noto/NotoSansLao-Regular.ttf ] || [ "$$(id -u)" != 0 ] || { echo "Installing Noto fonts for share images (fonts-noto-core, fonts-noto-cjk)..."; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core fonts-noto-cjk >/dev/null; }

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

# wrk from Debian for bench-load (installed when run as root, like the browser target).
wrk:
	@if command -v wrk >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	else \
		echo "bench-load needs wrk: sudo apt-get install wrk"; exit 1; \
	fi

bench-load: install wrk
	$(BIN)/python -m benchmarks.load_with_worker

# Public pages uncached and from the page cache; OTHER="--other blog=http://..." adds another site.
bench-site: install wrk
	$(BIN)/python -m benchmarks.site_speed $(OTHER)

# Backups (see README): make backup BACKUP_DIR=/srv/backups/2026-05-16
backup: install
	@test -n "$(BACKUP_DIR)" || { echo "Usage: make backup BACKUP_DIR=/path/to/new/dir"; exit 2; }
	$(BIN)/python manage.py backup "$(BACKUP_DIR)"

restore: install
	@test -n "$(BACKUP_DIR)" || { echo "Usage: make restore BACKUP_DIR=/path/to/backup [FORCE=1]"; exit 2; }
	$(BIN)/python manage.py restore "$(BACKUP_DIR)" $(if $(FORCE),--force)

superuser: install
	$(BIN)/python manage.py createsuperuser

clean:
	rm -rf $(VENV) db.sqlite3 static test-artifacts
