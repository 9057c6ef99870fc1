#pragma once
// Okabe-Ito: distinguishable with every common colour-vision deficiency. A category keeps
// its colour everywhere because colours are assigned by label, not by position.
#include <imgui.h>

#include <string_view>

namespace csc::app {

ImU32 CategoryColour(std::string_view label, float alpha = 1.0f);
ImU32 PaletteColour(size_t index, float alpha = 1.0f);

}  // namespace csc::app
