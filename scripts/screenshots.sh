#!/usr/bin/env bash
# Regenerates docs/screenshots/ from the bundled demonstration data: the main screen, each
# chart type (the stacked area with age-band toggles), the cross-table (with row groups), the
# field picker's three-dimension view, two periods compared, reference lines and a note,
# the indicators dashboard and presentation mode (with withheld cells drawn as c). Needs a build (scripts/build.sh); runs
# under Xvfb when there is no display.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out"
export CSC_CONFIG_DIR="$(mktemp -d)"  # never the user's saved views or settings
trap 'rm -rf "$CSC_CONFIG_DIR"' EXIT
run() { xvfb-run -a -s "-screen 0 1600x1000x24" build/bin/csc-explorer --width 1600 --height 1000 --frames 8 "$@"; }
q=(--tab query --table cp_plans)
snap=(--count open-at:31-03)
run "${q[@]}" "${snap[@]}" --period fy:2009-10..2015-16 --measure children --by period,latest_category --where "age 0..4" --screenshot "$out/main_screen.png"
run "${q[@]}" "${snap[@]}" --period fy:2009-10..2015-16 --measure children --by period,latest_category --chart lines --screenshot "$out/chart_trend.png"
run "${q[@]}" "${snap[@]}" --period fy:2012-13 --by latest_category --measure children --chart bars --screenshot "$out/chart_breakdown.png"
run "${q[@]}" "${snap[@]}" --period fy:2009-10..2015-16 --measure children --by period,latest_category --chart stacked --screenshot "$out/chart_stacked.png"
run "${q[@]}" "${snap[@]}" --period fy:2009-10..2015-16 --measure children --by period,latest_category --where "age in (unborn, under1, 1-4)" --chart area --screenshot "$out/chart_area.png"
run "${q[@]}" "${snap[@]}" --period fy:2012-13..2014-15 --measure children --by "sex, period, latest_category" --chart bars --screenshot "$out/pivot_row_groups.png"
run "${q[@]}" "${snap[@]}" --period fy:2012-13 --measure children --by age,sex --chart pyramid --screenshot "$out/chart_pyramid.png"
run "${q[@]}" "${snap[@]}" --period fy:2012-13 --by ward --measure "rate10k, children" --chart ranking --screenshot "$out/chart_ward_rate.png"
run "${q[@]}" "${snap[@]}" --period fy:2012-13 --by ward --measure "rate10k, children" --chart map --screenshot "$out/chart_ward_map.png"
run "${q[@]}" "${snap[@]}" --present --period fy:2012-13 --by ward --measure children --where "latest_category in (SAB)" --chart map --screenshot "$out/presentation_ward_map.png"
run "${q[@]}" --count started --period month:2013-04..2016-03 --by period --measure episodes --chart xmr --screenshot "$out/chart_xmr.png"
run --tab indicators --indicator NI65 --screenshot "$out/indicators.png"
run "${q[@]}" "${snap[@]}" --present --period fy:2009-10..2015-16 --measure children --by period,latest_category --chart stacked --screenshot "$out/presentation_mode.png"
run "${q[@]}" "${snap[@]}" --present --period fy:2010-11..2012-13 --measure children --by period,latest_category --where "ward in (Hellaby)" --chart bars --screenshot "$out/presentation_withheld.png"
run "${q[@]}" "${snap[@]}" --period fy:2012-13..2013-14 --measure children --by "sex, period, latest_category" --chart bars --screenshot "$out/field_picker.png"
run "${q[@]}" "${snap[@]}" --period fy:2010-11..2012-13 --measure children --by period,latest_category --compare 2011-12 --screenshot "$out/period_compare.png"
# A saved view with reference lines (NI 65's target, England, SN mean) and a note on a year.
cat > "$CSC_CONFIG_DIR/views.json" <<'JSON'
{"views": [{"name": "Repeat plans (NI 65)", "table": "cp_plans", "where": [], "period": "fy:2010-11..2015-16",
  "count": "started", "by": "period", "measure": "ratio(previous_plans 1.. / )", "chart": "lines", "link": "",
  "reference_lines": "NI65",
  "notes": [{"at": "2012-13", "series": "", "text": "Repeat plans rose after the threshold review (illustrative note)"}]}]}
JSON
run --view "Repeat plans (NI 65)" --frames 30 --screenshot "$out/reference_lines_notes.png"
run --tab data --screenshot "$out/data_tab.png"
# File > Open ward boundaries: the property list of a boundary file, with sample values.
run "${q[@]}" "${snap[@]}" --period fy:2012-13 --by ward --measure "rate10k, children" --chart map --boundaries assets/geo/rotherham_wards_2013.geojson --screenshot "$out/ward_boundaries_dialog.png"
# The standard board pack (publication-safe), its pages as PNGs (poppler's pdftoppm).
pack="$(mktemp -d)"
run --board-pack "$pack/board_pack.pdf" --pack-year 2012-13
pdftoppm -png -r 80 "$pack/board_pack.pdf" "$pack/page"
for n in 1 3 4 5; do cp "$pack/page-$n.png" "$out/board_pack_page$n.png"; done
rm -rf "$pack"
echo "screenshots written to $out/"
