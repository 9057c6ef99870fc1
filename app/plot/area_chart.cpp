#include "plot/area_chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "chart/stack.hpp"
#include "plot/chart_overlays.hpp"
#include "ui/item_probe.hpp"

namespace csc::app {

ChartHover DrawAreaChart(const char* id, const ChartData& data, float height) {
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float font = ImGui::GetFontSize();
  const size_t groups = data.groups.size();
  std::vector<bool> visible;
  for (size_t s = 0; s < data.series.size(); ++s) visible.push_back(SeriesVisible(data, s));
  const StackedSeries stack = StackSeries(data.values, visible);
  ChartHover hover;
  double lo = 0.0, hi = stack.max_total;
  IncludeReferences(data, lo, hi);
  const ChartFrame frame = DrawChartFrame(data, origin, width, height, lo, hi, hover);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (ItemProbeEnabled()) ProbeRect(std::string(id) + ":area", frame.plot_min, frame.plot_max);
  if (groups > 0) {
    const float slot = (frame.plot_max.x - frame.plot_min.x) / static_cast<float>(groups);
    auto x_of = [&](size_t g) { return frame.plot_min.x + slot * (static_cast<float>(g) + 0.5f); };
    // The mouse picks the nearest period, then the band under it at that period.
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool inside = ImGui::IsWindowHovered() && mouse.x >= frame.plot_min.x && mouse.x < frame.plot_max.x &&
                        mouse.y >= frame.plot_min.y && mouse.y <= frame.plot_max.y;
    if (inside) {
      const auto g = static_cast<size_t>(std::clamp((mouse.x - frame.plot_min.x) / slot, 0.0f, static_cast<float>(groups) - 1));
      const double y = frame.lo + (frame.plot_max.y - mouse.y) / (frame.plot_max.y - frame.plot_min.y) * (frame.hi - frame.lo);
      const int s = SeriesAt(stack, g, y);
      if (s >= 0) hover.group = static_cast<int>(g), hover.series = s;
    }
    // The band under the mouse, else a highlighted series (legend, or hovered elsewhere).
    const int highlight = hover.series >= 0 && hover.legend < 0 ? hover.series : HighlightedSeries(data, hover);
    const size_t series = data.series.size();
    for (size_t s = 0; s < series; ++s) {
      if (!SeriesVisible(data, s)) continue;
      const bool dim = highlight >= 0 && highlight != static_cast<int>(s);
      const ImU32 fill = SeriesColour(data, s, dim ? 0.2f : 0.75f);
      const ImU32 edge = SeriesColour(data, s, dim ? 0.35f : 1.0f);
      // Each segment between two periods is a quadrilateral with vertical sides: convex.
      for (size_t g = 0; g + 1 < groups; ++g) {
        const ImVec2 a(x_of(g), frame.YOf(stack.lower[g][s])), b(x_of(g), frame.YOf(stack.upper[g][s]));
        const ImVec2 c(x_of(g + 1), frame.YOf(stack.upper[g + 1][s])), d(x_of(g + 1), frame.YOf(stack.lower[g + 1][s]));
        // Anti-aliased fill fades each quad's edges, leaving light seams between periods.
        const ImDrawListFlags flags = draw->Flags;
        draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;
        draw->AddQuadFilled(a, b, c, d, fill);
        draw->Flags = flags;
        draw->AddLine(b, c, edge, font * (highlight == static_cast<int>(s) ? 0.2f : 0.1f));
      }
      if (ItemProbeEnabled())
        for (size_t g = 0; g < groups; ++g)
          if (stack.upper[g][s] > stack.lower[g][s])
            ProbeRect(std::string(id) + ":area:" + std::to_string(g) + ":" + std::to_string(s),
                      ImVec2(x_of(g) - 1, frame.YOf(stack.upper[g][s])), ImVec2(x_of(g) + 1, frame.YOf(stack.lower[g][s])));
      if (groups == 1) {  // one period: a band as wide as a bar
        const float x = x_of(0), half = slot * 0.375f;
        draw->AddRectFilled(ImVec2(x - half, frame.YOf(stack.upper[0][s])), ImVec2(x + half, frame.YOf(stack.lower[0][s])), fill);
      }
    }
    if (hover.group >= 0) {
      const float x = x_of(static_cast<size_t>(hover.group));
      draw->AddLine(ImVec2(x, frame.plot_min.y), ImVec2(x, frame.plot_max.y), ImGui::GetColorU32(ImGuiCol_Text, 0.5f));
    }
    DrawChartOverlays(data, frame, slot, false);
    DrawGroupLabels(data, frame, slot);
  }
  return FinishChart(data, hover, width, height);
}

}  // namespace csc::app
