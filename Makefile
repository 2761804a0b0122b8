# privacykit: `make site` sets everything up and builds the example; `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: install site test histories lint serve check verify bench clean browser snapshots golden system lock

# What archival PDFs, signatures and timestamps need from the system: Pango (WeasyPrint),
# fonts with Latin and Chinese glyphs, OpenSSH (ssh-keygen -Y), OpenSSL and poppler
# (tests re-check tokens and read PDFs as a person would). Installed with apt when missing.
SYSTEM_PACKAGES = libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-noto-cjk openssh-client openssl poppler-utils
system:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing system packages: $$missing; run 'apt-get install $$missing' as root" >&2; exit 1; fi; fi

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]' -c constraints.txt
	touch $(STAMP)

# constraints.txt: the versions `make install` takes (the set the suite passed on). `make lock` freezes what
# pyproject.toml's ranges resolve to today, in a virtualenv of its own; review the diff before committing.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet -e '.[test]'
	{ sed -n '/^#/p' constraints.txt; .lock-venv/bin/pip freeze --exclude-editable | grep -v '^-e'; } > constraints.new
	mv constraints.new constraints.txt && rm -rf .lock-venv

install: $(STAMP) system

site: $(STAMP)
	$(BIN)/privacykit check
	$(BIN)/privacykit build

serve: $(STAMP)
	$(BIN)/privacykit serve

check: $(STAMP)
	$(BIN)/privacykit check

verify: $(STAMP)
	$(BIN)/privacykit verify

# Browser tests drive Debian's Chromium; install it when it is missing (needs root or sudo).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing and this user cannot install it: run 'apt-get install chromium' as root" >&2; exit 1; fi; }

# Static checks: ruff (style and bugs) and mypy (settings in pyproject.toml), both clean.
lint: $(STAMP)
	$(BIN)/ruff check plugins tests bench
	$(BIN)/mypy

# pytest rewrites the asserts of every privacykit module (the package of its pytest plugin) in each process of a run,
# before conftest.py can keep the run's bytecode: where the environment writes none (PYTHONDONTWRITEBYTECODE, as on
# the 2-core machine), the controller and each worker rewrote them from source on every run (about 2 s of CPU each).
# The test commands keep that bytecode under .cache/pycache, as conftest.py does for the rest.
PYTEST = PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(CURDIR)/.cache/pycache $(BIN)/python -m pytest

# The tests run on every core with pytest-xdist (`make test WORKERS=0` runs them in one process);
# the example site and the corpus imports are built once per run and shared by the workers.
# `--dist worksteal`: a worker that runs out of tests takes half of the other's remaining
# ones, so a run does not end with one worker busy on a long file while the other is idle.
WORKERS ?= auto
test: $(STAMP) browser lint
	$(PYTEST) -q -n $(WORKERS) --dist worksteal

# The tests marked `histories` read a sample of each corpus history in `make test`; this runs
# them on every capture of every history (`.ci/run` does, before `make test`).
histories: $(STAMP)
	$(PYTEST) -q -n $(WORKERS) --dist worksteal --every-history -m histories

# Rewrite the golden files of tests/snapshots/ after an intended content change; review the diff.
snapshots: $(STAMP)
	$(PYTEST) -q tests/test_snapshots.py --privacykit-update

# Rewrite tests/golden/expected/ (the golden site's published output) after an intended change; review the diff.
golden: $(STAMP)
	$(PYTEST) -q tests/test_golden.py --privacykit-update

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site .pytest_cache .cache
