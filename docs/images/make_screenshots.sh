#!/usr/bin/env bash
# Makes the README's pictures with the programs readers use: the HTML report as headless
# Chromium shows it, and the first page of the PDF LibreOffice prints from the workbook; and the
# report of the Mikkeli example (three programmes, dotted painopisteet and kohdat) in Chromium.
# Run from the repository root after `make build`: bash docs/images/make_screenshots.sh
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Config"
sed -e "s#path: ../Input/#path: $PWD/Input/#" -e "s#folder: ../Output#folder: $work/Output#" \
    -e "s#state_folder: ../State#state_folder: $work/State#" Config/tilanne.yml > "$work/Config/tilanne.yml"
sed -e "s#path: ../Input/#path: $PWD/Input/#" Config/kasvava-kuopio-ohjelma.yml > "$work/Config/kasvava-kuopio-ohjelma.yml"
status=0; .build/release/tilanne run --quiet --config "$work/Config/tilanne.yml" || status=$?
[ "$status" -le 1 ]
report="$work/Output/kasvava-kuopio-tilanne-1-2024"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1500 \
    --screenshot="docs/images/report-html.png" "file://$report.html" 2>/dev/null
soffice "-env:UserInstallation=file://$work/lo" --headless --convert-to pdf --outdir "$work" "$report.xlsx" >/dev/null
pdftoppm -f 1 -l 1 -r 70 -png "$work/kasvava-kuopio-tilanne-1-2024.pdf" "$work/page"
cp "$work"/page-*1.png docs/images/report-pdf-page1.png
cp -r examples/mikkeli "$work/mikkeli"
rm -rf "$work/mikkeli/Output"
status=0; .build/release/tilanne run --quiet --config "$work/mikkeli/tilanne.yml" || status=$?
[ "$status" -le 1 ]
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1400 \
    --screenshot="docs/images/mikkeli-html.png" "file://$work/mikkeli/Output/mikkeli-tilanne-1-2024.html" 2>/dev/null
echo "wrote docs/images/report-html.png, docs/images/report-pdf-page1.png and docs/images/mikkeli-html.png"
