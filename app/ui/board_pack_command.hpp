#pragma once
// `csc-explorer --board-pack FILE.pdf [--view NAME ...] [--exact] [--pack-year YEAR]`: once
// the data is loaded, the pack is built and written as File > Board pack does, headless.
#include <string>
#include <vector>

#include "ui/explorer_app.hpp"

namespace csc::app {

// Needs the GL context current and the app's datasets built. Returns the exit code (0
// written, 1 failed) after printing what happened.
int WriteBoardPackFromCommandLine(const ExplorerApp& app, const std::vector<SavedView>& views, const std::string& path,
                                  bool publication, const std::string& year);

}  // namespace csc::app
