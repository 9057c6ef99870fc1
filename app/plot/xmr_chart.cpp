#include "plot/xmr_chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "chart/ticks.hpp"
#include "plot/palette.hpp"
#include "stats/xmr.hpp"

namespace csc::app {

ChartHover DrawXmrChart(const char* id, const ChartData& data, float height) {
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x, font = ImGui::GetFontSize();
  // One series: the first visible one, over the groups (periods) that have a value.
  size_t series = 0;
  while (series + 1 < data.series.size() && !SeriesVisible(data, series)) ++series;
  std::vector<double> values;
  std::vector<size_t> groups;
  for (size_t g = 0; g < data.groups.size(); ++g)
    if (series < data.values[g].size() && std::isfinite(data.values[g][series]))
      values.push_back(data.values[g][series]), groups.push_back(g);
  const XmrChart xmr = BuildXmr(values);
  double lo = 0, hi = 0;
  for (double v : values) hi = std::max(hi, v);
  if (values.size() >= 2) hi = std::max(hi, xmr.upper_limit), lo = std::min(lo, xmr.lower_limit);
  ChartData frame_data = data;
  frame_data.show_legend = false;
  frame_data.title = data.title + " - control chart (XmR)";
  ChartHover hover;
  const ChartFrame frame = DrawChartFrame(frame_data, origin, width, height, lo, hi, hover);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float slot = data.groups.empty() ? 1 : (frame.plot_max.x - frame.plot_min.x) / static_cast<float>(data.groups.size());
  auto x_of = [&](size_t g) { return frame.plot_min.x + slot * (static_cast<float>(g) + 0.5f); };
  auto hline = [&](double v, ImU32 colour, float thickness, const char* label) {
    const float y = frame.YOf(v);
    draw->AddLine(ImVec2(frame.plot_min.x, y), ImVec2(frame.plot_max.x, y), colour, thickness);
    draw->AddText(ImVec2(frame.plot_max.x - ImGui::CalcTextSize(label).x, y - font * 1.1f), colour, label);
  };
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), limit = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  if (!values.empty()) hline(xmr.centre, text, 1.5f, "mean");
  if (values.size() >= 2) {
    hline(xmr.upper_limit, limit, 1.5f, "upper process limit");
    hline(xmr.lower_limit, limit, 1.5f, "lower process limit");
  }
  const ImU32 normal = PaletteColour(0), special = PaletteColour(5);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  int hovered = -1;
  for (size_t i = 0; i < values.size(); ++i) {
    const ImVec2 p(x_of(groups[i]), frame.YOf(values[i]));
    if (i + 1 < values.size()) draw->AddLine(p, ImVec2(x_of(groups[i + 1]), frame.YOf(values[i + 1])), normal, 2.0f);
    const bool flagged = i < xmr.points.size() && xmr.points[i].special_cause();
    draw->AddCircleFilled(p, font * (flagged ? 0.33f : 0.22f), flagged ? special : normal);
    const float dx = mouse.x - p.x, dy = mouse.y - p.y;
    if (ImGui::IsWindowHovered() && dx * dx + dy * dy < font * font * 0.3f) hovered = static_cast<int>(i);
  }
  DrawGroupLabels(data, frame, slot);
  ImGui::Dummy(ImVec2(width, height));
  if (hovered >= 0 && static_cast<size_t>(hovered) < xmr.points.size()) {
    const XmrPoint& p = xmr.points[static_cast<size_t>(hovered)];
    std::string why;
    if (p.outside_limits) why += "\noutside the process limits";
    if (p.in_run_of_8) why += "\npart of a run of 8 or more on one side of the mean";
    if (p.in_trend_of_6) why += "\npart of a trend of 6 or more rising or falling";
    ImGui::SetTooltip("%s: %s%s", data.groups[groups[static_cast<size_t>(hovered)]].c_str(),
                      FormatTick(p.value, std::floor(p.value) == p.value ? 1 : 0.01).c_str(),
                      why.empty() ? "\ncommon-cause variation" : why.c_str());
    hover.group = static_cast<int>(groups[static_cast<size_t>(hovered)]);
    hover.series = static_cast<int>(series);
  }
  ImGui::PopID();
  return hover;
}

}  // namespace csc::app
