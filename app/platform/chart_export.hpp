#pragma once
// A chart as a PNG for a board paper: rendered off screen at 2x (fonts rasterised at that
// size, so text is crisp, not scaled up), with the filter sentence above it and the data
// source below, written atomically. Needs a current OpenGL 3.3 context (the explorer's
// window); runs between frames in its own ImGui context.
#include <string>

#include "platform/offscreen_render.hpp"
#include "plot/chart_frame.hpp"
#include "plot/draw_chart.hpp"

namespace csc::app {

struct ChartExport {
  ChartData chart;
  ChartKind kind = ChartKind::Bars;  // resolved
  std::string sentence;              // what is counted, with the filters
  std::string source;                // "Source: cp_plans.csv (synthetic demonstration data)"
  float width = 1200, height = 700;  // in points; the PNG is scale times larger
  float scale = 2;
  bool dark = false;
  std::string path;
  bool to_clipboard = false;  // Edit > Copy chart: the picture goes to the clipboard, not `path`
};

bool ExportChartPng(const ChartExport& request, std::string& error);
// The same picture as pixels (the clipboard's copy); `path` is not used.
bool RenderChartExport(const ChartExport& request, RgbaImage& image, std::string& error);
// Renders the picture and offers it on the clipboard as image/png (platform/clipboard_image).
bool CopyChartToClipboard(const ChartExport& request, std::string& error);

}  // namespace csc::app
