#!/usr/bin/env bash
# Makes the README's pictures with the programs readers use: the HTML report as headless
# Chromium shows it, and the first page of the PDF LibreOffice prints from the workbook.
# Run from the repository root after `make build`: bash docs/images/make_screenshots.sh
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Config"
sed -e "s#path: ../Input/#path: $PWD/Input/#" -e "s#folder: ../Output#folder: $work/Output#" \
    -e "s#state_folder: ../State#state_folder: $work/State#" Config/tilanne.yml > "$work/Config/tilanne.yml"
status=0; .build/release/tilanne run --quiet --config "$work/Config/tilanne.yml" || status=$?
[ "$status" -le 1 ]
report="$work/Output/kasvava-kuopio-tilanne-1-2024"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1500 \
    --screenshot="docs/images/report-html.png" "file://$report.html" 2>/dev/null
soffice "-env:UserInstallation=file://$work/lo" --headless --convert-to pdf --outdir "$work" "$report.xlsx" >/dev/null
pdftoppm -f 1 -l 1 -r 70 -png "$work/kasvava-kuopio-tilanne-1-2024.pdf" "$work/page"
cp "$work"/page-*1.png docs/images/report-pdf-page1.png
echo "wrote docs/images/report-html.png and docs/images/report-pdf-page1.png"
