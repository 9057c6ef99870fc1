#include "platform/fonts.hpp"

#include <filesystem>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "util/text.hpp"

namespace csc::app {

namespace {

std::string FindFont(const std::vector<std::string_view>& names) {
  for (const std::string_view dir : Split(CSC_FONT_DIRS, ':'))
    for (const std::string_view name : names) {
      const auto path = std::filesystem::path(std::string(dir)) / std::string(name);
      if (std::filesystem::exists(path)) return path.string();
    }
  return {};
}

}  // namespace

Fonts LoadFonts(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const std::string regular = FindFont({"Inter-Regular.otf", "Inter-Regular.ttf", "DejaVuSans.ttf"});
  const std::string bold = FindFont({"Inter-SemiBold.otf", "Inter-Bold.otf", "DejaVuSans-Bold.ttf"});
  if (regular.empty()) throw std::runtime_error("no font found (install fonts-inter or fonts-dejavu-core)");
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 2;
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0x2190, 0x2193, 0x2212, 0x2212, 0x25B2, 0x25BC, 0};
  Fonts fonts;
  fonts.body_path = regular;
  fonts.body = io.Fonts->AddFontFromFileTTF(regular.c_str(), 16.0f * scale, &config, kRanges);
  const std::string& heavy = bold.empty() ? regular : bold;
  fonts.bold = io.Fonts->AddFontFromFileTTF(heavy.c_str(), 16.0f * scale, &config, kRanges);
  fonts.title = io.Fonts->AddFontFromFileTTF(heavy.c_str(), 20.0f * scale, &config, kRanges);
  fonts.large = io.Fonts->AddFontFromFileTTF(regular.c_str(), 28.0f * scale, &config, kRanges);
  if (!fonts.body || !fonts.bold || !fonts.title || !fonts.large)
    throw std::runtime_error("cannot read font " + regular);
  io.Fonts->Build();
  return fonts;
}

}  // namespace csc::app
