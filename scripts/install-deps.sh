#!/usr/bin/env bash
# Installs the Debian 12 packages CSC Explorer builds and runs with, only those missing,
# and says what it installs. Run as root (or with sudo available).
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git          # toolchain
  libimgui-dev libglfw3-dev libgl-dev libstb-dev # explorer: Dear ImGui 1.86, GLFW, OpenGL, PNG export
  libfast-float-dev libxxhash-dev                # ingest: number parsing, content hashes
  libzip-dev libpugixml-dev                      # ingest: .xlsx workbooks (Annex A), CIN census XML
  libcli11-dev nlohmann-json3-dev                # csc command line, JSON reports and saved views
  catch2 libbenchmark-dev                        # tests and benchmarks
  clang libclang-rt-14-dev                       # libFuzzer targets and sanitizer runtime
  xvfb xauth libgl1-mesa-dri                     # headless OpenGL (Mesa llvmpipe) for UI tests
  fonts-inter fonts-dejavu-core                  # the explorer's typefaces
  libcairo2-dev libx11-dev                       # board pack PDF, the chart as a picture on the clipboard
  poppler-utils xclip                            # tests: the board pack's text (pdftotext), the clipboard's image
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
