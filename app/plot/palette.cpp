#include "plot/palette.hpp"

#include <map>
#include <mutex>
#include <string>

namespace csc::app {

namespace {
constexpr ImU32 kOkabeIto[] = {IM_COL32(0, 114, 178, 255),   IM_COL32(230, 159, 0, 255), IM_COL32(0, 158, 115, 255),
                               IM_COL32(204, 121, 167, 255), IM_COL32(86, 180, 233, 255), IM_COL32(213, 94, 0, 255),
                               IM_COL32(240, 228, 66, 255),  IM_COL32(90, 90, 90, 255)};
constexpr size_t kColours = sizeof kOkabeIto / sizeof *kOkabeIto;

ImU32 WithAlpha(ImU32 c, float alpha) {
  const auto a = static_cast<ImU32>(alpha * 255.0f + 0.5f);
  return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}
}  // namespace

ImU32 PaletteColour(size_t index, float alpha) { return WithAlpha(kOkabeIto[index % kColours], alpha); }

ImU32 CategoryColour(std::string_view label, float alpha) {
  // First come, first served, for the whole session: NEG is the same blue in every chart.
  static std::mutex mutex;
  static std::map<std::string, size_t, std::less<>> assigned;
  std::lock_guard lock(mutex);
  auto it = assigned.find(label);
  if (it == assigned.end()) it = assigned.emplace(std::string(label), assigned.size()).first;
  return PaletteColour(it->second, alpha);
}

}  // namespace csc::app
