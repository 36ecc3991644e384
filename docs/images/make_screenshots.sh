#!/usr/bin/env bash
# Makes the README's pictures with the programs readers use: the HTML report as headless
# Chromium shows it, and the first page of the PDF LibreOffice prints from the workbook; and the
# report of the Mikkeli example (three programmes, dotted painopisteet and kohdat) in Chromium;
# and the first page of the coordinator's check list, as LibreOffice prints that workbook.
# Run from the repository root after `make build`: bash docs/images/make_screenshots.sh
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The project's Config and Input copied beside each other, so the file places the coordinator's
# check list shows are the project's own (Input/…), as in a real installation.
cp -r Config Input "$work/"
status=0; .build/release/tilanne run --quiet --config "$work/Config/tilanne.yml" || status=$?
[ "$status" -le 1 ]
report="$work/Output/kasvava-kuopio-tilanne-1-2024"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1500 \
    --screenshot="docs/images/report-html.png" "file://$report.html" 2>/dev/null
soffice "-env:UserInstallation=file://$work/lo" --headless --convert-to pdf --outdir "$work" "$report.xlsx" >/dev/null
pdftoppm -f 1 -l 1 -r 70 -png "$work/kasvava-kuopio-tilanne-1-2024.pdf" "$work/page"
cp "$work"/page-*1.png docs/images/report-pdf-page1.png
soffice "-env:UserInstallation=file://$work/lo" --headless --convert-to pdf --outdir "$work" "$report-koordinaattori.xlsx" >/dev/null
pdftoppm -f 1 -l 1 -r 70 -png "$work/kasvava-kuopio-tilanne-1-2024-koordinaattori.pdf" "$work/checks"
cp "$work"/checks-*1.png docs/images/coordinator-checks.png
cp -r examples/mikkeli "$work/mikkeli"
rm -rf "$work/mikkeli/Output"
status=0; .build/release/tilanne run --quiet --config "$work/mikkeli/tilanne.yml" || status=$?
[ "$status" -le 1 ]
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1400 \
    --screenshot="docs/images/mikkeli-html.png" "file://$work/mikkeli/Output/mikkeli-tilanne-1-2024.html" 2>/dev/null
echo "wrote docs/images/report-html.png, docs/images/report-pdf-page1.png, docs/images/coordinator-checks.png and docs/images/mikkeli-html.png"
