#!/usr/bin/env bash
# Export a budget document (or a published packet) to .xlsx, print it with LibreOffice and
# render one page to PNG, to look at the workbook as the finance bureau will print it.
#   scripts/render-workbook.sh [INPUT] [PAGE] [OUT.png]
# Defaults reproduce test/artifacts/excel/004-table2.png (packet 004, page 2 = table 2).
# Needs: libreoffice (libreoffice-calc-nogui), pdftoppm (poppler-utils), fonts-noto-cjk.
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-test/fixtures/004_b7e4b340c6b3bf95.txt}
page=${2:-2}
out=${3:-test/artifacts/excel/004-table2.png}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node electron/cli/budget-desk.mjs export "$input" --xlsx "$work/workbook.xlsx"
# A private profile, so a running LibreOffice or a first-start dialog cannot interfere.
libreoffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/workbook.xlsx" >/dev/null
echo "PDF: $(pdfinfo "$work/workbook.pdf" | grep Pages)"
pdftoppm -png -r 80 -f "$page" -l "$page" -singlefile "$work/workbook.pdf" "$work/page"
mkdir -p "$(dirname "$out")"
cp "$work/page.png" "$out"
echo "写出 $out"
