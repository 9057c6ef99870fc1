#include "plot/bar_chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "chart/ticks.hpp"
#include "plot/palette.hpp"
#include "util/text.hpp"

namespace csc::app {

int DrawBarChart(const char* id, const BarChartData& data, float height) {
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float font = ImGui::GetFontSize();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.6f);

  draw->AddText(origin, text, data.title.c_str());
  double lo = 0, hi = 0, total = 0;
  for (double v : data.values)
    if (std::isfinite(v)) {
      hi = std::max(hi, v);
      lo = std::min(lo, v);
      total += v;
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
  if (!data.value_label.empty())
    draw->AddText(ImVec2(origin.x, origin.y + font * 1.4f), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                  data.value_label.c_str());

  const size_t n = data.values.size();
  int hovered = -1;
  if (n > 0) {
    const float slot = (plot_max.x - plot_min.x) / static_cast<float>(n);
    const float bar = std::max(1.0f, slot * 0.7f);
    // Label every k-th bar so no two labels overlap.
    float widest = 0;
    for (const auto& l : data.labels) widest = std::max(widest, ImGui::CalcTextSize(l.c_str()).x);
    const size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil((widest + font) / slot)));
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (size_t i = 0; i < n; ++i) {
      const float x0 = plot_min.x + slot * static_cast<float>(i) + (slot - bar) / 2;
      const double v = data.values[i];
      const bool hover = mouse.x >= x0 && mouse.x < x0 + bar && mouse.y >= plot_min.y && mouse.y <= plot_max.y;
      if (std::isfinite(v)) {
        const float y0 = y_of(std::max(0.0, v)), y1 = y_of(std::min(0.0, v));
        const float alpha = hover ? 1.0f : 0.85f;
        const ImU32 colour = data.one_series ? PaletteColour(0, alpha) : CategoryColour(data.labels[i], alpha);
        draw->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + bar, y1), colour);
      }
      if (hover) hovered = static_cast<int>(i);
      if (i % every == 0) {
        const ImVec2 size = ImGui::CalcTextSize(data.labels[i].c_str());
        draw->AddText(ImVec2(x0 + bar / 2 - size.x / 2, plot_max.y + font * 0.3f), text, data.labels[i].c_str());
      }
    }
  }
  ImGui::Dummy(ImVec2(width, height));
  if (hovered >= 0) {
    const double v = data.values[static_cast<size_t>(hovered)];
    if (std::isfinite(v))
      ImGui::SetTooltip("%s\n%s %s (%.1f%% of total)", data.labels[static_cast<size_t>(hovered)].c_str(),
                        FormatTick(v, std::floor(v) == v ? 1 : 0.01).c_str(), data.value_label.c_str(),
                        total > 0 ? 100.0 * v / total : 0.0);
    else
      ImGui::SetTooltip("%s\nno value", data.labels[static_cast<size_t>(hovered)].c_str());
  }
  ImGui::PopID();
  return hovered;
}

}  // namespace csc::app
