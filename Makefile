# The two commands: `make run` and `make test` (see README.md). Everything else is a helper.
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PYTEST := $(VENV)/bin/pytest
PYTHON ?= python3

.PHONY: install run test test-browser test-services lint format constraints clean

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c constraints.txt -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

static_build/css/portal.css: node_modules/.installed static/scss/portal.scss
	npm run build

install: $(VENV)/.installed static_build/css/portal.css

## make run: set up, migrate, load the demo data and serve on http://127.0.0.1:8000
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:8000

## make test: lint, migration check and the whole suite (browser and CI-service tests excepted)
test: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/bandit -r opcc governance complaints scrutiny custody_visits -ll -q
	$(PYTEST) -n 2 -m "not browser and not services"

## make test-browser: the Playwright tests in Debian's Chromium (installed here if missing)
test-browser: install
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)
	$(PYTEST) -m browser

## make test-services: the tests that need the real PostgreSQL and Redis (set DATABASE_URL, REDIS_URL)
test-services: install
	$(PYTEST) -m services

## make backup [BACKUP_DIR=backups]: DATABASE_URL's database and the private files (README "Backups")
## make restore BACKUP=backups/opcc-<time>.dump [CONFIRM=yes]: put a backup back into DATABASE_URL's
## database, which must be empty unless CONFIRM=yes
.PHONY: backup restore
BACKUP_DIR ?= backups
backup: $(VENV)/.installed
	$(PY) manage.py backup --to "$(BACKUP_DIR)"

restore: $(VENV)/.installed
	$(PY) manage.py restore "$(BACKUP)" $(if $(filter yes,$(CONFIRM)),--replace)

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

constraints:
	(echo '# Every package the portal installs, pinned (pip install -c constraints.txt).'; \
	 $(PIP) freeze --exclude-editable) > constraints.txt

clean:
	rm -rf $(VENV) node_modules static_build staticfiles

## make bench: the performance harness (bench/README.md), about 15 minutes; SCALE=2000 for a quick run
## make bench-load: 50 clients for 5 minutes on the same data (issue 9's load run)
SCALE ?= 100000
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/opcc_bench
BENCH_ARGS ?=
.PHONY: bench bench-load bench-wrk
bench-wrk:
	@command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)

bench: install bench-wrk
	$(PY) -m bench.run --scale $(SCALE) --database-url $(BENCH_DATABASE_URL) $(BENCH_ARGS)

bench-load: install bench-wrk
	$(PY) -m bench.run --load --scale $(SCALE) --database-url $(BENCH_DATABASE_URL) $(BENCH_ARGS)
