# Tilanne: the two commands a newcomer needs are `make run` and `make test`.
SWIFT      ?= swift
CONFIG     ?= Config/tilanne.yml
RELEASE    := .build/release/tilanne
DEBUG      := .build/debug/tilanne
PYTHON     ?= python3
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BENCH_ROWS ?= 100000
FUZZ_SECONDS ?= 300
FUZZ_SEED  ?= 13
FUZZ_JOBS  ?= 2

.PHONY: run examples test deps test-deps test-tools build build-debug swift-test acceptance check-clients screenshots bench bench-million fuzz references clean

## Install the C libraries when missing: libxlsxwriter (writes the XLSX report), libxml2
## (streams the XML inside XLSX and DOCX inputs), zlib (inflates them), SQLite (the history) and
## FreeType with the Carlito font (the status sheet's rows measured in the workbook font's widths,
## docs/decisions/0006-measured-text.md).
CARLITO := /usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf
deps:
	@{ pkg-config --exists xlsxwriter libxml-2.0 zlib sqlite3 freetype2 2>/dev/null && [ -f $(CARLITO) ]; } || { \
	  echo "Installing libxlsxwriter-dev, libxml2-dev, zlib1g-dev, libsqlite3-dev, libfreetype-dev, fonts-crosextra-carlito and pkg-config (Debian packages)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    libxlsxwriter-dev libxml2-dev zlib1g-dev libsqlite3-dev libfreetype-dev fonts-crosextra-carlito pkg-config; }

build: deps
	$(SWIFT) build -c release --product tilanne

build-debug: deps
	$(SWIFT) build --product tilanne

## Build and write the report of Config/tilanne.yml into Output/. Exit status 1 means
## "done, with warnings" (the Kuopio table has some), which is a success here.
run: build
	@$(RELEASE) run --config $(CONFIG); status=$$?; [ $$status -le 1 ] || exit $$status

## The example programmes of examples/ (Kuopio, Imatra, Kouvola, Heinola, Mikkeli from the seed
## documents, each with its own hierarchy and legend): their reports into examples/<city>/Output/.
## Exit 1 (done, with the warnings the examples carry on purpose) is a success.
EXAMPLES := kuopio imatra kouvola heinola mikkeli
examples: build
	@for city in $(EXAMPLES); do \
	  echo "== $$city"; \
	  $(RELEASE) run --force --config examples/$$city/tilanne.yml; status=$$?; [ $$status -le 1 ] || exit $$status; \
	done

## Python packages the acceptance tests read the outputs with (openpyxl, selenium, axe-core,
## prometheus_client for the metrics file, pikepdf for the PDF structure, python-docx to make
## Word documents as a coordinator saves them).
test-deps:
	@$(PYTHON) -c "import openpyxl, selenium, pytest, aiosmtpd, prometheus_client, pikepdf, docx" 2>/dev/null || $(PYTHON) -m pip install -q -r Tests/acceptance/requirements.txt
	@$(PYTHON) -c "import importlib.util as u; assert u.find_spec('axe_playwright_python')" 2>/dev/null || \
	  $(PYTHON) -m pip install -q --no-deps axe-playwright-python==0.1.8

## LibreOffice and Chromium, for the tests that open the reports as their readers do; msmtp,
## the sendmail program the delivery tests mail through.
test-tools:
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui chromium chromium-driver poppler-utils msmtp

swift-test: deps
	$(SWIFT) test

acceptance: build-debug test-deps
	TILANNE_BIN=$(DEBUG) $(PYTHON) -m pytest -q -rs Tests/acceptance

## The reports in the programs people open them with: LibreOffice opens every workbook and prints
## it (PDF output, page width, header on every page at 1,000 actions), Chromium renders the HTML
## and axe-core finds no WCAG 2.1 A/AA violation (Finnish and Swedish), openpyxl reads the
## workbook back. A missing program fails here instead of skipping.
check-clients: build-debug test-deps
	TILANNE_REQUIRE_TOOLS=1 TILANNE_BIN=$(DEBUG) $(PYTHON) -m pytest -q -rs Tests/acceptance/test_clients.py \
	  Tests/acceptance/test_libreoffice.py Tests/acceptance/test_html_accessibility.py Tests/acceptance/test_xlsx_readback.py

## The README's pictures, made by Chromium and LibreOffice from the shipped report.
screenshots: build
	bash docs/images/make_screenshots.sh

## Every test: the Swift suites (each stage, reference files) and the acceptance suite
## (the built command, the XLSX read back, LibreOffice's PDF, axe-core in Chromium).
test: swift-test acceptance

## Rewrite the reference files after an intended change to the output; review the diff.
references: deps
	TILANNE_UPDATE_REFERENCES=1 $(SWIFT) test --filter "RenderTests|HistoryTests"

## The whole pipeline on BENCH_ROWS generated rows against the C floor, in the same run.
bench: build
	BENCH_ROWS=$(BENCH_ROWS) $(PYTHON) bench/run_bench.py

## One language at 1,000,000 actions against the floor at 1,000,000 (peak memory and wall time,
## BENCH_RUNS runs each, default 1): a 420 MB input, several minutes.
bench-million: build
	BENCH_MILLION=1 $(PYTHON) bench/run_bench.py

## Mutated CSV, XLSX, DOCX, PX, JSON-stat and YAML inputs through the release binary for
## FUZZ_SECONDS: fails on a crash, a run over 10 s, peak memory over the stated bound or an exit
## code outside docs/exit-codes.md. Failing inputs are kept in fuzz-work/failures/; FUZZ_SEED
## replays a campaign. See docs/fuzzing.md.
fuzz: build
	@[ -x /usr/bin/time ] || { echo "Installing GNU time (Debian package time), which measures each run's peak memory…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }
	TILANNE_BIN=$${TILANNE_BIN:-$(RELEASE)} $(PYTHON) Tests/fuzz/fuzz.py --seconds $(FUZZ_SECONDS) --seed $(FUZZ_SEED) --jobs $(FUZZ_JOBS)

clean:
	rm -rf .build bench-work fuzz-work
