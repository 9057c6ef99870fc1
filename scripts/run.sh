#!/usr/bin/env bash
# Installs what is missing, builds, and opens the explorer on the bundled demonstration
# data (or on the files given). Without a display it says so and runs the headless
# equivalent: the same files through `csc load`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  # The synthetic demonstration extract, else the bundled DfE open data.
  mapfile -t files < <(ls assets/demo/*.csv 2>/dev/null || ls assets/ees/*.csv 2>/dev/null || true)
fi

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  status=0
  build/bin/csc-explorer "${files[@]}" || status=$?
  # Exit code 3: the display could not give an OpenGL 3.3 window (the explorer said why).
  [ "$status" -ne 3 ] && exit "$status"
  echo "run: the explorer could not open a window, so running the headless equivalent: csc load"
else
  echo "run: no display (DISPLAY is not set), so running the headless equivalent: csc load"
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "run: no bundled data found under assets/" >&2
  exit 1
fi
exec build/bin/csc load "${files[@]}"
