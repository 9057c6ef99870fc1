#include "platform/chart_export.hpp"

#include <imgui.h>

#include <filesystem>

#include "platform/fonts.hpp"
#include "plot/chart_overlays.hpp"
#include "ui/theme.hpp"
#include "platform/png_file.hpp"
#include "platform/clipboard_image.hpp"
#include "platform/offscreen_render.hpp"
#include "util/atomic_file.hpp"

namespace csc::app {

namespace {

void DrawPage(const ChartExport& e, const Fonts& fonts) {
  ImGui::PushFont(fonts.title);
  ImGui::TextWrapped("%s", e.sentence.c_str());
  ImGui::PopFont();
  ImGui::Spacing();
  ChartData chart = e.chart;
  const std::vector<std::string> notes = ChartNoteLines(chart);
  const float footer = ImGui::GetTextLineHeightWithSpacing() * (1.5f + static_cast<float>(notes.size()));
  DrawChart("export", chart, e.kind, ImGui::GetContentRegionAvail().y - footer);
  for (const std::string& line : notes) ImGui::TextUnformatted(line.c_str());
  ImGui::TextDisabled("%s", e.source.c_str());
}

}  // namespace

bool RenderChartExport(const ChartExport& e, RgbaImage& image, std::string& error) {
  return RenderOffscreen(e.width, e.height, e.scale, e.dark, [&](const Fonts& fonts) { DrawPage(e, fonts); }, image, error);
}

bool ExportChartPng(const ChartExport& e, std::string& error) {
  RgbaImage image;
  if (!RenderChartExport(e, image, error)) return false;
  const std::string png = EncodePng(image);
  if (png.empty()) {
    error = "cannot encode PNG";
    return false;
  }
  try {
    // A fresh profile has no exports folder yet: the first export makes it.
    const std::filesystem::path parent = std::filesystem::path(e.path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    WriteFileAtomically(e.path, png);
  } catch (const std::exception& ex) {
    error = ex.what();
    return false;
  }
  return true;
}

bool CopyChartToClipboard(const ChartExport& e, std::string& error) {
  RgbaImage image;
  if (!RenderChartExport(e, image, error)) return false;
  return OfferPngToClipboard(EncodePng(image), error);
}

}  // namespace csc::app
