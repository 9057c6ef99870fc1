#include "plot/line_chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "plot/chart_overlays.hpp"

namespace csc::app {

ChartHover DrawLineChart(const char* id, const ChartData& data, float height) {
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float font = ImGui::GetFontSize();
  const size_t groups = data.groups.size();
  const size_t series = std::max<size_t>(1, data.series.size());
  double lo = 0, hi = 0;
  for (const auto& row : data.values)
    for (size_t s = 0; s < row.size(); ++s)
      if (std::isfinite(row[s]) && SeriesVisible(data, s)) hi = std::max(hi, row[s]), lo = std::min(lo, row[s]);
  IncludeReferences(data, lo, hi);
  ChartHover hover;
  const ChartFrame frame = DrawChartFrame(data, origin, width, height, lo, hi, hover);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (groups > 0) {
    const float slot = (frame.plot_max.x - frame.plot_min.x) / static_cast<float>(groups);
    auto x_of = [&](size_t g) { return frame.plot_min.x + slot * (static_cast<float>(g) + 0.5f); };
    // Nearest marker to the mouse, within a small radius, is the hovered point.
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    float best = font * font;
    const bool window_hovered = ImGui::IsWindowHovered();
    for (size_t s = 0; s < series; ++s) {
      if (!SeriesVisible(data, s)) continue;
      // A highlighted series (legend entry here, or hovered in another view) stands out.
      const int highlight = HighlightedSeries(data, hover);
      const float alpha = highlight >= 0 && highlight != static_cast<int>(s) ? 0.3f : 1.0f;
      const float thickness = highlight == static_cast<int>(s) ? font * 0.25f : font * 0.15f;
      const ImU32 colour = SeriesColour(data, s, alpha);
      for (size_t g = 0; g < groups; ++g) {
        const double v = s < data.values[g].size() ? data.values[g][s] : NAN;
        if (Withheld(data, g, s)) {  // no point and no line through it: a "c" on the baseline
          const float y = frame.YOf(std::max(frame.lo, 0.0));
          DrawWithheldMark(ImVec2(x_of(g) - font * 0.6f, y - font * 1.3f), ImVec2(x_of(g) + font * 0.6f, y));
          continue;
        }
        if (!std::isfinite(v)) continue;
        const ImVec2 p(x_of(g), frame.YOf(v));
        if (g + 1 < groups && s < data.values[g + 1].size() && std::isfinite(data.values[g + 1][s]))
          draw->AddLine(p, ImVec2(x_of(g + 1), frame.YOf(data.values[g + 1][s])), colour, thickness);
        draw->AddCircleFilled(p, font * 0.25f, colour);
        const float dx = mouse.x - p.x, dy = mouse.y - p.y;
        if (window_hovered && dx * dx + dy * dy < best) {
          best = dx * dx + dy * dy;
          hover.group = static_cast<int>(g), hover.series = static_cast<int>(s);
        }
      }
    }
    if (hover.group >= 0) {
      const size_t g = static_cast<size_t>(hover.group), s = static_cast<size_t>(hover.series);
      draw->AddCircle(ImVec2(x_of(g), frame.YOf(data.values[g][s])), font * 0.45f, SeriesColour(data, s, 1.0f), 0, 2.0f);
    }
    DrawChartOverlays(data, frame, slot, true);
    DrawGroupLabels(data, frame, slot);
  }
  return FinishChart(data, hover, width, height);
}

}  // namespace csc::app
