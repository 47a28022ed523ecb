#!/bin/sh
# The Sammanställning workbook as it prints: `consolidate --out` on the sample plans and frame, then the PDF
# LibreOffice makes of it and one PNG per page, to look at. Needs `npm run build` first and LibreOffice
# (Debian: libreoffice-calc-nogui) and poppler-utils (pdftoppm). Not part of `npm test`: CI has no LibreOffice.
#
#   scripts/print-consolidation.sh [OUT_DIR]     (default: a new folder under the system's temp folder)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$(mktemp -d "${TMPDIR:-/tmp}/sammanstallning-pdf-XXXXXX")}
mkdir -p "$out"
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "$tool saknas: installera libreoffice-calc-nogui och poppler-utils" >&2; exit 2; }
done
xlsx="$out/sammanstallning.xlsx"
rm -f "$xlsx"
node "$here/bin/tjansteplan.js" consolidate --frame "$here/test/fixtures/frame/budgetram-2022-2024.xlsx" --out "$xlsx" "$here"/test/fixtures/plans/*.xlsx >/dev/null || [ $? -eq 1 ]
# A profile of its own, so a LibreOffice the user has open is neither used nor disturbed.
soffice -env:UserInstallation="file://$out/profile" --headless --convert-to pdf --outdir "$out" "$xlsx" >/dev/null
rm -rf "$out/profile"
pdftoppm -r 80 -png "$out/sammanstallning.pdf" "$out/sida"
echo "$out/sammanstallning.pdf"
ls "$out"/sida-*.png
