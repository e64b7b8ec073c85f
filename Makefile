# FocusApp developer commands. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
export QT_QPA_PLATFORM ?= offscreen

.PHONY: translations update-translations run test lint typecheck contracts pytest bench venv clean schema check-contract bundle bundle-smoke validate-desktop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,dev]"
	touch $@ $(STAMP_RUN)

venv: $(STAMP_TEST)

# Compiled catalogues (build output, not in git): the window loads the one of the system locale.
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

translations: $(QM_FILES)  ## compile resources/translations/*.ts to .qm

resources/translations/%.qm: resources/translations/%.ts | $(STAMP_RUN)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After changing words in focusapp/ui or focusapp/wording: refresh the .ts files (then
# translate the new entries, e.g. with pyside6-linguist). English carries only plural forms.
LUPDATE := $(BIN)/pyside6-lupdate -extensions py -locations none -no-obsolete focusapp/ui focusapp/wording focusapp/domain focusapp/storage
update-translations: $(STAMP_RUN)
	$(LUPDATE) -ts resources/translations/focusapp_de.ts
	$(LUPDATE) -pluralonly -ts resources/translations/focusapp_en.ts

run: $(STAMP_RUN) translations  ## set up and start the app (in a real window)
	QT_QPA_PLATFORM= $(BIN)/focusapp

lint: $(STAMP_TEST)
	$(BIN)/ruff check focusapp tests benchmarks packaging
	$(BIN)/ruff format --check focusapp tests benchmarks packaging

typecheck: $(STAMP_TEST)
	$(BIN)/mypy

contracts: $(STAMP_TEST)
	$(BIN)/lint-imports

# Two processes: the window and unit tests, then the command line, end-to-end and hostile
# ones, so no test sees Qt or interpreter state left behind by hundreds of in-process CLI runs.
pytest: $(STAMP_TEST) translations
	$(BIN)/python -m pytest -q tests/unit tests/ui
	$(BIN)/python -m pytest -q tests --ignore=tests/unit --ignore=tests/ui

test: lint typecheck contracts pytest  ## set up and run lint, types, import contracts and tests

bench: $(STAMP_TEST)  ## every benchmark, as ratios to floors measured in the same run
	QT_QPA_PLATFORM=xcb tests/e2e/tray-session $(BIN)/python benchmarks/startup.py
	QT_QPA_PLATFORM=xcb tests/e2e/tray-session $(BIN)/python benchmarks/idle.py
	QT_QPA_PLATFORM=xcb tests/e2e/tray-session $(BIN)/python benchmarks/tray_memory.py
	$(BIN)/python benchmarks/risk_series.py
	$(BIN)/python benchmarks/ics_import.py
	$(BIN)/python benchmarks/dashboard.py
	$(BIN)/python benchmarks/torture.py
	$(BIN)/python benchmarks/forecast.py
	$(BIN)/python benchmarks/vdir_pickup.py
	$(BIN)/python benchmarks/git_scan.py
	$(BIN)/python benchmarks/cli.py --importtime

schema: $(STAMP_TEST)  ## after adding a migration: regenerate focusapp/storage/schema.py
	$(BIN)/python -m focusapp.storage.migrate
	$(BIN)/ruff format --quiet focusapp/storage/schema.py

check-contract: $(STAMP_TEST)
	$(PYTHON) ../shared/checks/contract

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache

validate-desktop:  ## validate the desktop entry and AppStream metainfo
	desktop-file-validate packaging/linux/io.github.focusapp.FocusApp.desktop
	appstreamcli validate --no-net packaging/linux/io.github.focusapp.FocusApp.metainfo.xml

# One-folder bundle dist/focusapp/ (PyInstaller); see docs/bundle.md. Rebuilt only when the
# sources, the spec or pyproject.toml changed.
BUNDLE_EXE := dist/focusapp/focusapp
BUNDLE_SOURCES := pyproject.toml $(wildcard packaging/pyinstaller/*.py packaging/pyinstaller/*.spec) \
	$(shell find focusapp resources -type f ! -path '*/__pycache__/*')

bundle: $(BUNDLE_EXE)  ## build the one-folder bundle dist/focusapp/

$(BUNDLE_EXE): $(STAMP_RUN) $(BUNDLE_SOURCES) $(QM_FILES)
	$(BIN)/python -m pip install --quiet "pyinstaller>=6.10"
	$(BIN)/python -m PyInstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/pyinstaller/focusapp.spec

bundle-smoke: bundle  ## build the bundle if needed, then smoke-test it (CLI, window, tray, size)
	packaging/pyinstaller/smoke.sh dist/focusapp
