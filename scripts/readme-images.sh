#!/usr/bin/env bash
# Re-makes the README's pictures in docs/images/ from what KAP makes now:
#   pane-light.png, pane-dark.png  the task pane at 320 px in Office's light and dark themes, from
#                  the browser tests' screenshots (test/browser/taskpane.test.ts, "320 px")
#   dashboard.png  the first printed page of the Portfolio Dashboard of `npm run demo`
#   qbr.png        the "<quarter> at a glance" page of the demo's QBR workbook
# The workbooks are printed through LibreOffice (soffice --headless --convert-to pdf) and the page
# drawn with pdftoppm at 60 dpi, as a reviewer would look at them. Needs chromium, LibreOffice Calc
# and poppler-utils; with Python's Pillow the PNGs are cut to 128 colours (smaller files).
# Run from anywhere: bash scripts/readme-images.sh
set -euo pipefail
cd "$(dirname "$0")/.."
images=docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$images"

# Fewer colours keep the PNGs small (flat UI and charts); a plain copy without Pillow.
# Debian's python3-pil is under /usr/bin/python3, which a pyenv python3 earlier in PATH hides.
py=python3
python3 -c "import PIL" 2>/dev/null || [ ! -x /usr/bin/python3 ] || py=/usr/bin/python3
small() {
  "$py" - "$1" "$2" <<'PY' 2>/dev/null || cp "$1" "$2"
import sys
from PIL import Image
Image.open(sys.argv[1]).convert("RGB").quantize(128).save(sys.argv[2], optimize=True)
PY
}

# The pane (the tests build it first when src/ changed).
npx jest test/browser/taskpane.test.ts -t "320 px" --maxWorkers=1
shots=test-artifacts/screenshots
for theme in light dark; do small "$shots/pane-320-$theme-readme.png" "$images/pane-$theme.png"; done

# The demo's workbooks, printed.
npm run demo >/dev/null
portfolio="out/KAP portfolio.xlsx"
qbr=$(ls -t out/QBR*.xlsx | head -1)
soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf \
  --outdir "$work" "$portfolio" "$qbr" >/dev/null 2>&1
pdf_of() { echo "$work/$(basename "${1%.xlsx}").pdf"; }

# The first page whose heading (its first lines: the page header, then the sheet's title) matches.
page_of() {
  local pages p
  pages=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
  for p in $(seq 1 "$pages"); do
    if pdftotext -f "$p" -l "$p" "$1" - | grep -v '^\s*$' | head -3 | grep -qE "$2"; then
      echo "$p"
      return
    fi
  done
  echo "readme-images: no page matching '$2' in $1" >&2
  exit 1
}

page() {
  local pdf=$1 pattern=$2 name=$3 p
  p=$(page_of "$pdf" "$pattern")
  pdftoppm -png -r 60 -f "$p" -l "$p" -singlefile "$pdf" "$work/$name"
  small "$work/$name.png" "$images/$name.png"
}
page "$(pdf_of "$portfolio")" "^Portfolio Dashboard" dashboard
page "$(pdf_of "$qbr")" "at a glance" qbr

ls -l "$images"
