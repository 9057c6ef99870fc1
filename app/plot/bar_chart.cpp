#include "plot/bar_chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "chart/ticks.hpp"
#include "plot/palette.hpp"
#include "util/text.hpp"

namespace csc::app {

namespace {

ImU32 SeriesColour(const BarChartData& data, size_t s, float alpha) {
  if (data.series.size() <= 1 && (data.series.empty() || data.series[0].empty())) return PaletteColour(0, alpha);
  return CategoryColour(data.series[s], alpha);
}

}  // namespace

BarHover DrawBarChart(const char* id, const BarChartData& data, float height) {
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float font = ImGui::GetFontSize();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.6f);
  const size_t groups = data.groups.size();
  const size_t series = std::max<size_t>(1, data.series.size());

  draw->AddText(origin, text, data.title.c_str());
  if (!data.value_label.empty())
    draw->AddText(ImVec2(origin.x, origin.y + font * 1.4f), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                  data.value_label.c_str());
  // Legend, right-aligned on the title line, when there are named series.
  const bool legend = data.show_legend && (series > 1 || (!data.series.empty() && !data.series[0].empty()));
  if (legend) {
    float x = origin.x + width;
    for (size_t s = data.series.size(); s-- > 0;) {
      const float w = ImGui::CalcTextSize(data.series[s].c_str()).x;
      x -= w + font * 1.6f;
      draw->AddRectFilled(ImVec2(x, origin.y + font * 0.2f), ImVec2(x + font * 0.8f, origin.y + font),
                          SeriesColour(data, s, 1.0f));
      draw->AddText(ImVec2(x + font * 1.1f, origin.y), text, data.series[s].c_str());
    }
  }

  double lo = 0, hi = 0;
  for (const auto& row : data.values) {
    double stack = 0;
    for (double v : row)
      if (std::isfinite(v)) {
        stack += v;
        hi = std::max(hi, data.stacked ? stack : v);
        lo = std::min(lo, v);
      }
  }
  const AxisTicks ticks = NiceTicks(lo, hi, std::max(3, static_cast<int>(height / (font * 2.5f))));
  float axis_width = 0;
  for (double t : ticks.values) axis_width = std::max(axis_width, ImGui::CalcTextSize(FormatTick(t, ticks.step).c_str()).x);
  const ImVec2 plot_min(origin.x + axis_width + font * 0.8f, origin.y + font * 3.0f);
  const ImVec2 plot_max(origin.x + width - font * 0.5f, origin.y + height - font * 1.8f);
  auto y_of = [&](double v) {
    return plot_max.y - static_cast<float>((v - ticks.lo) / (ticks.hi - ticks.lo)) * (plot_max.y - plot_min.y);
  };
  for (double t : ticks.values) {
    const float y = y_of(t);
    draw->AddLine(ImVec2(plot_min.x, y), ImVec2(plot_max.x, y), grid);
    const std::string label = FormatTick(t, ticks.step);
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    draw->AddText(ImVec2(plot_min.x - size.x - font * 0.4f, y - size.y / 2), text, label.c_str());
  }

  BarHover hover;
  if (groups > 0) {
    const float slot = (plot_max.x - plot_min.x) / static_cast<float>(groups);
    const float group_width = std::max(1.0f, slot * 0.75f);
    const float bar = data.stacked ? group_width : std::max(1.0f, group_width / static_cast<float>(series));
    float widest = 0;
    for (const auto& l : data.groups) widest = std::max(widest, ImGui::CalcTextSize(l.c_str()).x);
    const size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil((widest + font) / slot)));
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (size_t g = 0; g < groups; ++g) {
      const float gx = plot_min.x + slot * static_cast<float>(g) + (slot - group_width) / 2;
      double stack = 0;
      for (size_t s = 0; s < series && s < data.values[g].size(); ++s) {
        const double v = data.values[g][s];
        if (!std::isfinite(v)) continue;
        const float x0 = data.stacked ? gx : gx + bar * static_cast<float>(s);
        const double base = data.stacked ? stack : 0.0;
        const float y0 = y_of(std::max(base, base + v)), y1 = y_of(std::min(base, base + v));
        const bool over = mouse.x >= x0 && mouse.x < x0 + bar && mouse.y >= y0 && mouse.y <= y1;
        if (over) hover = {static_cast<int>(g), static_cast<int>(s)};
        draw->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + bar, y1), SeriesColour(data, s, over ? 1.0f : 0.85f));
        stack += v;
      }
      if (g % every == 0) {
        const ImVec2 size = ImGui::CalcTextSize(data.groups[g].c_str());
        draw->AddText(ImVec2(gx + group_width / 2 - size.x / 2, plot_max.y + font * 0.3f), text, data.groups[g].c_str());
      }
    }
  }
  ImGui::Dummy(ImVec2(width, height));
  if (hover.group >= 0) {
    const auto& row = data.values[static_cast<size_t>(hover.group)];
    double total = 0;
    for (double v : row)
      if (std::isfinite(v)) total += v;
    const double v = row[static_cast<size_t>(hover.series)];
    const std::string name = data.series.empty() || !legend ? "" : data.series[static_cast<size_t>(hover.series)];
    ImGui::SetTooltip("%s%s%s\n%s %s%s", data.groups[static_cast<size_t>(hover.group)].c_str(), name.empty() ? "" : ", ",
                      name.c_str(), FormatTick(v, std::floor(v) == v ? 1 : 0.01).c_str(), data.value_label.c_str(),
                      legend && series > 1 && total > 0 ? (" (" + FormatTick(100.0 * v / total, 0.1) + "% of the group)").c_str() : "");
  }
  ImGui::PopID();
  return hover;
}

}  // namespace csc::app
