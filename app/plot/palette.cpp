#include "plot/palette.hpp"

#include <imgui.h>

#include <map>
#include <mutex>
#include <string>

namespace csc::app {

namespace {
constexpr ImU32 kOkabeIto[] = {IM_COL32(0, 114, 178, 255),   IM_COL32(230, 159, 0, 255), IM_COL32(0, 158, 115, 255),
                               IM_COL32(204, 121, 167, 255), IM_COL32(86, 180, 233, 255), IM_COL32(213, 94, 0, 255),
                               IM_COL32(240, 228, 66, 255),  IM_COL32(90, 90, 90, 255)};
constexpr size_t kColours = sizeof kOkabeIto / sizeof *kOkabeIto;
enum : size_t { kBlue, kOrange, kGreen, kPink, kSky, kVermillion, kYellow, kGrey };

ImU32 WithAlpha(ImU32 c, float alpha) {
  const auto a = static_cast<ImU32>(alpha * 255.0f + 0.5f);
  return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

// Each value of the code lists the charts show has one colour, the same in every view, run
// and export, by code and by label. A list longer than the palette (ethnicity) gives each of
// its groups a hue and each value in the group a shade of it. Comparator lines have theirs.
struct Fixed {
  const char* name;
  PaletteSlot slot;
};
constexpr Fixed kFixed[] = {
    // Category of abuse (CIN), by code and label.
    {"NEG", {kBlue, 0}}, {"Neglect", {kBlue, 0}}, {"PHY", {kOrange, 0}}, {"Physical abuse", {kOrange, 0}},
    {"SAB", {kGreen, 0}}, {"Sexual abuse", {kGreen, 0}}, {"EMO", {kPink, 0}}, {"Emotional abuse", {kPink, 0}},
    {"MUL", {kSky, 0}}, {"Multiple/not recommended", {kSky, 0}},
    // Sex.
    {"M", {kBlue, 0}}, {"Male", {kBlue, 0}}, {"F", {kVermillion, 0}}, {"Female", {kVermillion, 0}},
    {"U", {kGrey, 0}}, {"Unknown/not stated (2024/25+)", {kGrey, 0}}, {"Not recorded or unborn", {kGrey, 0}},
    // DfE age bands.
    {"Unborn", {kGrey, 0}}, {"Under 1", {kBlue, 0}}, {"1-4", {kOrange, 0}}, {"5-9", {kGreen, 0}},
    {"10-15", {kPink, 0}}, {"16-17", {kSky, 0}}, {"18+", {kVermillion, 0}}, {"Unknown", {kGrey, 1}},
    // Comparators beside an indicator's own line (blue).
    {"target", {kGrey, 0}}, {"England", {kOrange, 0}}, {"SN mean", {kGreen, 0}},
    // Ethnicity (18+1 values): a hue per group, a shade per value.
    {"WBRI", {kBlue, 0}}, {"White British", {kBlue, 0}}, {"WIRI", {kBlue, 1}}, {"White Irish", {kBlue, 1}},
    {"WOTH", {kBlue, 2}}, {"Any other White background", {kBlue, 2}}, {"WIRT", {kSky, 0}},
    {"Traveller of Irish heritage", {kSky, 0}}, {"WROM", {kSky, 1}}, {"Gypsy/Roma", {kSky, 1}},
    {"MWBC", {kOrange, 0}}, {"White and Black Caribbean", {kOrange, 0}}, {"MWBA", {kOrange, 1}},
    {"White and Black African", {kOrange, 1}}, {"MWAS", {kOrange, 2}}, {"White and Asian", {kOrange, 2}},
    {"MOTH", {kYellow, 0}}, {"Any other Mixed background", {kYellow, 0}}, {"AIND", {kGreen, 0}}, {"Indian", {kGreen, 0}},
    {"APKN", {kGreen, 1}}, {"Pakistani", {kGreen, 1}}, {"ABAN", {kGreen, 2}}, {"Bangladeshi", {kGreen, 2}},
    {"AOTH", {kGreen, 3}}, {"Any other Asian background", {kGreen, 3}}, {"BCRB", {kPink, 0}}, {"Caribbean", {kPink, 0}},
    {"BAFR", {kPink, 1}}, {"African", {kPink, 1}}, {"BOTH", {kPink, 2}}, {"Any other Black background", {kPink, 2}},
    {"CHNE", {kVermillion, 0}}, {"Chinese", {kVermillion, 0}}, {"OOTH", {kVermillion, 1}},
    {"Any other ethnic group", {kVermillion, 1}}, {"REFU", {kGrey, 1}}, {"Refused", {kGrey, 1}}, {"NOBT", {kGrey, 2}},
    {"Information not yet obtained", {kGrey, 2}},
};

ImU32 Shade(ImU32 c, int shade) {
  if (shade <= 0) return c;
  ImVec4 f = ImGui::ColorConvertU32ToFloat4(c);
  const float t = std::min(0.75f, 0.28f * static_cast<float>(shade));
  f.x += (1 - f.x) * t, f.y += (1 - f.y) * t, f.z += (1 - f.z) * t;
  return ImGui::ColorConvertFloat4ToU32(f);
}
}  // namespace

ImU32 LighterColour(ImU32 c, int steps) { return Shade(c, steps); }

ImU32 PaletteColour(size_t index, float alpha) { return WithAlpha(kOkabeIto[index % kColours], alpha); }

ImU32 SlotColour(PaletteSlot slot, float alpha) {
  return WithAlpha(Shade(kOkabeIto[slot.hue % kColours], slot.shade + static_cast<int>(slot.hue / kColours)), alpha);
}

PaletteSlot CategorySlot(std::string_view label) {
  for (const Fixed& f : kFixed)
    if (label == f.name) return f.slot;
  // "SN mean (2021)" is the SN mean line whatever the vintage.
  if (label.rfind("SN mean", 0) == 0) return {kGreen, 0};
  // Anything else: first come, first served for the session, after the hues (so a ward
  // keeps its colour while the explorer runs).
  static std::mutex mutex;
  static std::map<std::string, size_t, std::less<>> assigned;
  std::lock_guard lock(mutex);
  auto it = assigned.find(label);
  if (it == assigned.end()) it = assigned.emplace(std::string(label), assigned.size()).first;
  return {it->second % kColours, static_cast<int>(it->second / kColours)};
}

ImU32 CategoryColour(std::string_view label, float alpha) { return SlotColour(CategorySlot(label), alpha); }

}  // namespace csc::app
