#pragma once
// The per-user configuration directory shared by the explorer and the `csc` tool:
// $CSC_CONFIG_DIR, else $XDG_CONFIG_HOME/csc-explorer, else ~/.config/csc-explorer
// (docs/ARCHITECTURE.md), else ./.csc-explorer when none is set.
#include <string>

namespace csc {

std::string UserConfigDir();

}  // namespace csc
