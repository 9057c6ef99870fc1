#pragma once
// Options shared by the commands that publish (`csc query --publish`, `csc kpi --publish`).
#include <CLI/CLI.hpp>

#include <string>

#include "privacy/cell_key.hpp"

namespace csc::cli {

// --threshold: one of the allowed values (5, 7, 10), refused in plain words otherwise.
inline CLI::Validator ThresholdValidator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        try {
          size_t used = 0;
          const int t = std::stoi(text, &used);
          if (used == text.size()) return ThresholdError(t);
        } catch (const std::exception&) {
        }
        return "disclosure threshold '" + text + "' is not allowed: use 5, 7 or 10";
      },
      "5|7|10");
}

}  // namespace csc::cli
