#pragma once
// Help (F1, Help menu): the query grammar as `csc query --help` prints it, each measure and
// indicator defined, the keyboard shortcuts and what publication-safe means.
#include <optional>
#include <string>

#include "indicators/indicator.hpp"

namespace csc::app {

struct HelpState {
  bool open = false;
  // The bundled catalogue, read when Help first opens (its names and notes define the
  // indicators); the error in words when it cannot be read.
  std::optional<IndicatorCatalogue> catalogue;
  std::string catalogue_error;
};

void DrawHelpWindow(HelpState& state);

}  // namespace csc::app
