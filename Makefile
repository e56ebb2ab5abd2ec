# Resilience Planner: build, test and package. `make help` lists the targets.
SHELL := /bin/bash
PLUGIN := resilience_plugin
SYS_PY := /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
BUILD := build/$(PLUGIN)
ZIP := dist/$(PLUGIN).zip
OUTPUT := output
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
QGIS_PLUGINS ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default/python/plugins
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1
export PYTHONPATH := $(CURDIR)
export PROJ_DATA ?= $(wildcard /usr/share/proj)

TS := i18n/$(PLUGIN)_zh_CN.ts
QM := $(TS:.ts=.qm)

.PHONY: help setup test test-matrix unit desktop demo bench bench-scale bench-speed bench-siting bench-failure bench-population bench-transfer lint format package validate deploy docs transup transcompile sample model clean

help:
	@echo "setup        install QGIS, shapely>=2 for QGIS itself, xvfb, fonts and the test venv"
	@echo "demo         run every algorithm on the sample city; outputs and report in $(OUTPUT)/"
	@echo "test         lint, then the whole test suite (including real QGIS on a virtual screen)"
	@echo "test-matrix  the tests on QGIS 3.40 (Debian 13) and 3.44 (Debian sid), in debootstrap chroots (root)"
	@echo "bench        timings and peak memory;  bench-scale: only every algorithm at Beijing scale"
	@echo "bench-speed  only the speed goals at three sizes, against native QGIS (bench/speed.py)"
	@echo "bench-siting only facility siting against PySAL spopt, on the same instances (bench/siting.py)"
	@echo "bench-failure only corridor-failure scenarios against native QGIS chains (bench/corridorfailure.py)"
	@echo "bench-population only exact zonal population against native zonal statistics, and its memory (bench/population.py)"
	@echo "bench-transfer only emergency transfer at Beijing scale, its assignment against networkx.min_cost_flow (bench/transfer.py)"
	@echo "lint/format  ruff and flake8-qgis / ruff format"
	@echo "package      $(ZIP);  validate: check it against the plugin repository's rules"
	@echo "deploy       install the built plugin into $(QGIS_PLUGINS)"
	@echo "transup      refresh $(TS) with pylupdate5 (i18n/update.py);  transcompile: build the .qm"
	@echo "sample       regenerate resources/sample/sample_city.gpkg, its population grid and its flood-depth grid"
	@echo "model        regenerate the shipped models in resources/models (.model3)"
	@echo "docs         the manual as a site in build/site (reference pages generated from the code; fails on a broken link)"

setup:
	@bash .ci/setup.sh

$(QM): $(TS)
	lrelease -silent $(TS) -qm $(QM)

transcompile: $(QM)

transup:
	$(SYS_PY) i18n/update.py --ts $(TS)

lint: setup
	$(PY) -m ruff check $(PLUGIN) tests bench .ci docs
	$(PY) -m flake8 $(PLUGIN)

format: setup
	$(PY) -m ruff format $(PLUGIN) tests bench docs

sample:
	$(SYS_PY) -m $(PLUGIN).core.samplecity resources/sample/sample_city.gpkg
	$(SYS_PY) -m $(PLUGIN).qgisside.rasters resources/sample/sample_city.gpkg resources/sample/sample_population.tif
	$(SYS_PY) -m $(PLUGIN).qgisside.rasters --flood resources/sample/sample_city.gpkg resources/sample/sample_flood_depth.tif

model: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m $(PLUGIN).models

package: transcompile
	rm -rf $(BUILD) $(ZIP)
	mkdir -p $(BUILD) dist
	tar -C $(PLUGIN) --exclude='__pycache__' --exclude='*.pyc' -cf - . | tar -C $(BUILD) -xf -
	cp metadata.txt LICENSE CHANGELOG.md $(BUILD)/
	cp -r resources $(BUILD)/resources
	mkdir -p $(BUILD)/i18n && cp i18n/*.qm $(BUILD)/i18n/
	find $(BUILD) -name '__pycache__' -prune -exec rm -rf {} +
	cd build && zip -q -r -X ../$(ZIP) $(PLUGIN)
	@echo "built $(ZIP) ($$(du -h $(ZIP) | cut -f1))"

# The manual (docs/manual) as a site in build/site: the reference pages generated from the code, then built with
# --strict, which fails on a broken link between pages or to a heading.
docs: setup transcompile
	$(SYS_PY) docs/generate.py docs/manual
	cd docs && ../$(PY) -m mkdocs build --strict
	@echo "manual: build/site/index.html"

validate: package
	$(SYS_PY) .ci/validate_zip.py $(ZIP)

deploy: package
	rm -rf $(QGIS_PLUGINS)/$(PLUGIN)
	mkdir -p $(QGIS_PLUGINS)
	cp -r $(BUILD) $(QGIS_PLUGINS)/
	@echo "installed into $(QGIS_PLUGINS)/$(PLUGIN): enable it in Plugins > Manage and Install Plugins"

demo: setup transcompile
	$(PY) -m $(PLUGIN).demo $(OUTPUT)

unit: setup transcompile
	$(PY) -m pytest -m "not desktop" $(PYTEST_ARGS)

desktop: setup package
	$(PY) -m pytest -m desktop $(PYTEST_ARGS)

test: setup lint validate docs
	$(PY) -m pytest $(PYTEST_ARGS)

# Debian 13 (QGIS 3.40, whole suite) and sid (QGIS 3.44) in chroots; .ci/matrix.sh says what runs where
test-matrix:
	@bash .ci/matrix.sh

BENCH_VENV := .venv-bench

$(BENCH_VENV)/.installed: requirements-bench.txt
	/usr/bin/python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install -q -r requirements-bench.txt
	touch $@

bench: setup transcompile $(BENCH_VENV)/.installed
	RP_PEER_PYTHON=$(BENCH_VENV)/bin/python $(PY) bench/run.py

bench-scale: setup transcompile
	$(PY) bench/run.py scale

bench-speed: setup transcompile
	$(PY) bench/speed.py

bench-failure: setup transcompile
	$(PY) bench/corridorfailure.py

bench-population: setup transcompile
	$(PY) bench/population.py

bench-transfer: setup $(BENCH_VENV)/.installed
	RP_PEER_PYTHON=$(BENCH_VENV)/bin/python $(PY) bench/transfer.py

bench-siting: setup $(BENCH_VENV)/.installed
	RP_PEER_PYTHON=$(BENCH_VENV)/bin/python $(PY) bench/siting.py

clean:
	rm -rf build dist $(OUTPUT) i18n/*.qm .pytest_cache .ruff_cache .hypothesis docs/manual/reference docs/manual/zh/reference docs/manual/changelog.md docs/manual/images/help
	find . -name __pycache__ -prune -exec rm -rf {} +
