#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: core unit and property tests,
# CLI tests, and the explorer's UI tests under a virtual X server (Xvfb + Mesa llvmpipe).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd "${CSC_BUILD_DIR:-build}"
# UI tests need an OpenGL context; xvfb-run gives them one whether or not a display exists.
# -noreset: the server stays up between test processes instead of resetting as the last
# client leaves (a test connecting during the reset would fail to open the display).
xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" ctest --output-on-failure -j"$(nproc)"
