#include "plot/bar_chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "plot/chart_overlays.hpp"
#include "ui/item_probe.hpp"

namespace csc::app {

ChartHover DrawBarChart(const char* id, const ChartData& data, float height) {
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const size_t groups = data.groups.size();
  const size_t series = std::max<size_t>(1, data.series.size());
  double lo = 0, hi = 0;
  for (const auto& row : data.values) {
    double stack = 0;
    for (size_t s = 0; s < row.size(); ++s)
      if (std::isfinite(row[s]) && SeriesVisible(data, s)) {
        stack += row[s];
        hi = std::max(hi, data.stacked ? stack : row[s]);
        lo = std::min(lo, row[s]);
      }
  }
  IncludeReferences(data, lo, hi);
  if (lo == 0 && hi == 0) hi = 1;  // nothing shown (all withheld, say): an axis from 0, never below it
  ChartHover hover;
  const ChartFrame frame = DrawChartFrame(data, origin, width, height, lo, hi, hover);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const bool window_hovered = ImGui::IsWindowHovered();
  if (groups > 0) {
    const float slot = (frame.plot_max.x - frame.plot_min.x) / static_cast<float>(groups);
    const float group_width = std::max(1.0f, slot * 0.75f);
    size_t shown = 0;
    for (size_t s = 0; s < series; ++s) shown += SeriesVisible(data, s);
    const float bar = data.stacked ? group_width : std::max(1.0f, group_width / static_cast<float>(std::max<size_t>(1, shown)));
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (size_t g = 0; g < groups; ++g) {
      const float gx = frame.plot_min.x + slot * static_cast<float>(g) + (slot - group_width) / 2;
      double stack = 0;
      size_t position = 0, withheld_in_stack = 0;
      const float mark = ImGui::GetFontSize() * 1.4f;  // a placeholder's height: it shows no value
      for (size_t s = 0; s < series && s < data.values[g].size(); ++s) {
        if (!SeriesVisible(data, s)) continue;
        const size_t at = position++;
        const double v = data.values[g][s];
        if (Withheld(data, g, s)) {
          // Grouped: a placeholder where the bar would stand. Stacked: drawn on top of the
          // stack once the shown parts are in (see below), so the total is never implied.
          if (!data.stacked) {
            const float x0 = gx + bar * static_cast<float>(at);
            DrawWithheldMark(ImVec2(x0, frame.YOf(0) - mark), ImVec2(x0 + bar, frame.YOf(0)));
          } else {
            ++withheld_in_stack;
          }
          continue;
        }
        if (!std::isfinite(v)) continue;
        const float x0 = data.stacked ? gx : gx + bar * static_cast<float>(at);
        const double base = data.stacked ? stack : 0.0;
        const float y0 = frame.YOf(std::max(base, base + v)), y1 = frame.YOf(std::min(base, base + v));
        const bool over = window_hovered && mouse.x >= x0 && mouse.x < x0 + bar && mouse.y >= y0 && mouse.y <= y1;
        if (ItemProbeEnabled()) ProbeRect(std::string(id) + ":" + std::to_string(g) + ":" + std::to_string(s), ImVec2(x0, y0), ImVec2(x0 + bar, y1));
        if (over) hover.group = static_cast<int>(g), hover.series = static_cast<int>(s);
        // A highlighted category (legend entry here, or hovered in another view) keeps its
        // colour; the others fade.
        const bool highlighted = HighlightedSeries(data, hover) >= 0 || HighlightedGroup(data, hover) >= 0;
        const float alpha = Dimmed(data, hover, g, s) ? 0.35f : over || highlighted ? 1.0f : 0.85f;
        draw->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + bar, y1), SeriesColour(data, s, alpha));
        stack += v;
      }
      if (withheld_in_stack > 0) {
        const float top = frame.YOf(stack);
        DrawWithheldMark(ImVec2(gx, top - mark * static_cast<float>(withheld_in_stack)), ImVec2(gx + group_width, top));
      }
    }
    DrawChartOverlays(data, frame, slot, data.stacked || shown <= 1);
    DrawGroupLabels(data, frame, slot);
  }
  return FinishChart(data, hover, width, height);
}

}  // namespace csc::app
