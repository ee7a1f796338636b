# Quick start: `make site` builds every language of the site into site/, `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test browser-deps bench mutation check i18n-extract i18n-update i18n-convert clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Every language into a temporary folder; site/ is replaced only when all built without a warning.
site: $(STAMP)
	$(BIN)/python -m troubleshooter.cli.build

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload $(if $(LANG_),-f mkdocs.$(LANG_).yml)

check: $(STAMP)
	$(BIN)/troubleshooter check

AXE := node_modules/axe-core/axe.min.js

# Chromium, a Chinese font and npm: installed with apt-get when missing and run as root.
browser-deps:
	scripts/browser-deps

$(AXE): package-lock.json | browser-deps
	npm ci --no-audit --no-fund --loglevel=error
	touch $(AXE)

test: $(STAMP) browser-deps $(AXE)
	$(BIN)/ruff check troubleshooter tests bench
	$(BIN)/ruff format --check troubleshooter tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m bench

# Mutation testing with mutmut (settings in pyproject.toml) of troubleshooter/verification/
# (by its own tests) and troubleshooter/tree/ (by the tree and rules tests); about 30 minutes
# on 2 cores, not part of `make test`. Prints the score per package; `mutmut results` lists
# the survivors.
mutation: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,mutation]'
	rm -rf mutants
	$(BIN)/mutmut run > /dev/null
	$(BIN)/mutmut results --all true | $(BIN)/python scripts/mutation_score.py

i18n-extract: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k N_plural:1,2 --no-wrap --sort-by-file --omit-header \
		--project troubleshooter -o locales/messages.pot .

i18n-update: $(STAMP)
	$(BIN)/pybabel update -i locales/messages.pot -d locales --no-wrap --ignore-obsolete

# Seeds each catalog that has a convert.yml (zh_Hant from zh, with OpenCC): only entries
# no person has reviewed yet (untranslated, fuzzy or flagged "converted") change.
i18n-convert: $(STAMP)
	$(BIN)/python -m troubleshooter.languages.convert

clean:
	rm -rf site mutants $(VENV)
