#include "util/config_dir.hpp"

#include <cstdlib>

namespace csc {

std::string UserConfigDir() {
  if (const char* d = std::getenv("CSC_CONFIG_DIR"); d && *d) return d;
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::string(x) + "/csc-explorer";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.config/csc-explorer";
  return ".csc-explorer";
}

}  // namespace csc
