# Quick start: `make site` builds the bilingual site into site/, `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
LANGS := $(patsubst mkdocs.%.yml,%,$(wildcard mkdocs.*.yml))

.PHONY: site serve test bench check i18n-extract i18n-update clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build --strict --quiet
	for lang in $(LANGS); do $(BIN)/mkdocs build --strict --quiet -f mkdocs.$$lang.yml || exit 1; done

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload $(if $(LANG_),-f mkdocs.$(LANG_).yml)

check: $(STAMP)
	$(BIN)/troubleshooter check

AXE := node_modules/axe-core/axe.min.js

$(AXE): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(AXE)

test: $(STAMP) $(AXE)
	$(BIN)/ruff check troubleshooter tests bench
	$(BIN)/ruff format --check troubleshooter tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m bench

i18n-extract: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --no-wrap --sort-by-file --omit-header \
		--project troubleshooter -o locales/messages.pot .

i18n-update: $(STAMP)
	$(BIN)/pybabel update -i locales/messages.pot -d locales --no-wrap

clean:
	rm -rf site $(VENV)
