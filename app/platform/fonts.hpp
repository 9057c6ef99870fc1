#pragma once
// The explorer's typefaces: Inter (fonts-inter) with DejaVu Sans as the fallback, loaded at
// the display's content scale so text stays crisp at any DPI. Never ImGui's bitmap font.
#include <imgui.h>

#include <string>

namespace csc::app {

struct Fonts {
  ImFont* body = nullptr;     // 16 px at scale 1
  ImFont* bold = nullptr;
  ImFont* title = nullptr;    // chart titles
  ImFont* large = nullptr;    // presentation mode
  std::string body_path;      // what was found, for the About box
};

// Loads into the current ImGui context's atlas; throws std::runtime_error when no usable
// font file exists (the install script installs fonts-inter and fonts-dejavu-core).
Fonts LoadFonts(float scale);

}  // namespace csc::app
