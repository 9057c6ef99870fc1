#pragma once
// Okabe-Ito: distinguishable with every common colour-vision deficiency. A category keeps
// its colour everywhere because colours are fixed per code (and its label) for the code lists
// the charts show: categories of abuse, sex, age bands, ethnicity (a hue per group, a shade
// per value), comparator lines (target, England, SN mean). Other labels are assigned first
// come, first served for the session.
#include <imgui.h>

#include <cstddef>
#include <string_view>

namespace csc::app {

struct PaletteSlot {
  size_t hue = 0;  // index into the palette
  int shade = 0;   // 0 the colour itself, each step lighter
  friend bool operator==(const PaletteSlot&, const PaletteSlot&) = default;
};

PaletteSlot CategorySlot(std::string_view label);
ImU32 SlotColour(PaletteSlot slot, float alpha = 1.0f);
ImU32 CategoryColour(std::string_view label, float alpha = 1.0f);
ImU32 PaletteColour(size_t index, float alpha = 1.0f);
// `c` moved `steps` shades towards white (the shade a family's later values take).
ImU32 LighterColour(ImU32 c, int steps);

}  // namespace csc::app
