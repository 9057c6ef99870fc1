#include "plot/small_charts.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

#include "chart/ticks.hpp"
#include "plot/palette.hpp"

namespace csc::app {

void DrawSparkline(const std::vector<std::optional<double>>& values, float w, float h, unsigned colour) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(w, h));
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& v : values)
    if (v) lo = std::min(lo, *v), hi = std::max(hi, *v);
  if (!std::isfinite(lo) || values.size() < 2) return;
  if (hi == lo) hi = lo + 1, lo -= 1;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  auto at = [&](size_t i) {
    return ImVec2(origin.x + w * static_cast<float>(i) / static_cast<float>(values.size() - 1),
                  origin.y + h - static_cast<float>((*values[i] - lo) / (hi - lo)) * h);
  };
  for (size_t i = 0; i + 1 < values.size(); ++i)
    if (values[i] && values[i + 1]) draw->AddLine(at(i), at(i + 1), colour, 1.5f);
  for (size_t i = values.size(); i-- > 0;)
    if (values[i]) {
      draw->AddCircleFilled(at(i), 3.0f, colour);
      break;
    }
}

int DrawFunnelChart(const char* id, const FunnelPlot& plot, double scale, const std::string& unit,
                    const std::string& size_label, float height, const std::string& highlight) {
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x, font = ImGui::GetFontSize();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  int hovered = -1;
  double max_size = 0, hi = plot.target * scale;
  for (const auto& p : plot.points) max_size = std::max(max_size, p.size), hi = std::max(hi, p.value * scale);
  if (plot.points.empty() || max_size <= 0) {
    ImGui::TextDisabled("No units with a denominator to plot.");
    ImGui::PopID();
    return -1;
  }
  const auto curve = FunnelCurve(plot.kind, plot.target, std::max(1.0, max_size / 40), max_size * 1.05, 80);
  for (const auto& c : curve) hi = std::max(hi, std::min(c.limits.upper95 * scale, hi * 1.5));
  const AxisTicks y = NiceTicks(0, hi, std::max(3, static_cast<int>(height / (font * 2.5f))));
  const AxisTicks x = NiceTicks(0, max_size * 1.05, std::max(3, static_cast<int>(width / (font * 6))));
  const ImVec2 p0(origin.x + font * 3.5f, origin.y + font * 1.5f), p1(origin.x + width - font, origin.y + height - font * 2.6f);
  auto X = [&](double s) { return p0.x + static_cast<float>((s - x.lo) / (x.hi - x.lo)) * (p1.x - p0.x); };
  auto Y = [&](double v) {
    return std::clamp(p1.y - static_cast<float>((v * scale - y.lo) / (y.hi - y.lo)) * (p1.y - p0.y), p0.y, p1.y);
  };
  draw->AddText(origin, faint, unit.c_str());
  for (double t : y.values) {
    draw->AddLine(ImVec2(p0.x, Y(t / scale)), ImVec2(p1.x, Y(t / scale)), ImGui::GetColorU32(ImGuiCol_Border, 0.5f));
    const std::string l = FormatTick(t, y.step);
    draw->AddText(ImVec2(p0.x - ImGui::CalcTextSize(l.c_str()).x - font * 0.3f, Y(t / scale) - font / 2), text, l.c_str());
  }
  for (double t : x.values) {
    const std::string l = FormatTick(t, x.step);
    draw->AddText(ImVec2(X(t) - ImGui::CalcTextSize(l.c_str()).x / 2, p1.y + 2), text, l.c_str());
  }
  draw->AddText(ImVec2((p0.x + p1.x) / 2 - ImGui::CalcTextSize(size_label.c_str()).x / 2, p1.y + font * 1.3f), faint,
                size_label.c_str());
  // The overall rate, and the limits: 95% thin, 99.8% thicker. Limits leave the plot through
  // its top edge (clipped, not flattened along it), and a lower limit of zero is not drawn:
  // no rate is below zero, and along the axis it would read as the axis.
  draw->AddLine(ImVec2(p0.x, Y(plot.target)), ImVec2(p1.x, Y(plot.target)), text, 1.5f);
  const ImU32 limit95 = PaletteColour(1), limit998 = PaletteColour(5);
  auto Yfree = [&](double v) { return p1.y - static_cast<float>((v * scale - y.lo) / (y.hi - y.lo)) * (p1.y - p0.y); };
  draw->PushClipRect(p0, ImVec2(p1.x, p1.y + 1), true);
  for (size_t i = 0; i + 1 < curve.size(); ++i) {
    const auto &a = curve[i], &b = curve[i + 1];
    auto segment = [&](double va, double vb, ImU32 colour, float thickness, bool lower) {
      if (lower && va <= 0 && vb <= 0) return;
      draw->AddLine(ImVec2(X(a.size), Yfree(va)), ImVec2(X(b.size), Yfree(vb)), colour, thickness);
    };
    segment(a.limits.upper95, b.limits.upper95, limit95, 1.5f, false);
    segment(a.limits.lower95, b.limits.lower95, limit95, 1.5f, true);
    segment(a.limits.upper998, b.limits.upper998, limit998, 2.0f, false);
    segment(a.limits.lower998, b.limits.lower998, limit998, 2.0f, true);
  }
  draw->PopClipRect();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  // Labels are placed highlighted unit first, then outliers furthest outside first; one that
  // would overlap a placed label (or leave the plot) is left to the hover tooltip.
  std::vector<ImVec4> placed;
  auto label = [&](const FunnelPoint& p, ImU32 colour) {
    const ImVec2 at(X(p.size), Y(p.value)), size = ImGui::CalcTextSize(p.label.c_str());
    ImVec2 min(at.x + font * 0.4f, at.y - font * 0.6f);
    if (min.x + size.x > p1.x) min.x = at.x - font * 0.4f - size.x;  // near the right edge: to the left
    const ImVec4 r(min.x, min.y, min.x + size.x, min.y + size.y);
    for (const ImVec4& o : placed)
      if (r.x < o.z && o.x < r.z && r.y < o.w && o.y < r.w) return;
    placed.push_back(r);
    // A backing so a label over a dense cloud of points stays readable.
    draw->AddRectFilled(ImVec2(min.x - 2, min.y), ImVec2(min.x + size.x + 2, min.y + size.y),
                        ImGui::GetColorU32(ImGuiCol_WindowBg, 0.8f), 2.0f);
    draw->AddText(min, colour, p.label.c_str());
  };
  std::vector<size_t> order;
  for (size_t i = 0; i < plot.points.size(); ++i) {
    const FunnelPoint& p = plot.points[i];
    const bool own = !highlight.empty() && p.label == highlight;
    const ImVec2 at(X(p.size), Y(p.value));
    const bool outlier = p.flag != FunnelFlag::Within;
    const ImU32 colour = outlier ? PaletteColour(5) : PaletteColour(0);
    draw->AddCircleFilled(at, font * (own ? 0.45f : 0.3f), own ? text : colour);
    if (own) draw->AddCircle(at, font * 0.7f, text, 0, 2.0f);
    const float dx = mouse.x - at.x, dy = mouse.y - at.y;
    if (ImGui::IsWindowHovered() && dx * dx + dy * dy < font * font * 0.25f) hovered = static_cast<int>(i);
    if (outlier && !own) order.push_back(i);
  }
  for (const auto& p : plot.points)
    if (!highlight.empty() && p.label == highlight) label(p, text);
  auto beyond = [&](const FunnelPoint& p) {
    const double lo = p.limits.lower95, hi = p.limits.upper95;
    return p.value > hi ? p.value - hi : lo - p.value;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return beyond(plot.points[a]) > beyond(plot.points[b]); });
  for (size_t i : order) label(plot.points[i], text);
  // Legend, right-aligned on the top line: each limit's line in its colour, then what is labelled.
  const std::string note = highlight.empty() ? "outliers labelled" : highlight + " circled, outliers labelled";
  const std::pair<std::string, ImU32> keys[] = {{"overall rate", text}, {"95% limits", limit95}, {"99.8% limits", limit998}};
  const float swatch = font * 1.2f, gap = font * 0.8f;
  float x_end = p1.x - ImGui::CalcTextSize(note.c_str()).x;
  draw->AddText(ImVec2(x_end, origin.y), faint, note.c_str());
  for (size_t k = std::size(keys); k-- > 0;) {
    x_end -= gap + ImGui::CalcTextSize(keys[k].first.c_str()).x;
    draw->AddText(ImVec2(x_end, origin.y), faint, keys[k].first.c_str());
    x_end -= swatch + font * 0.3f;
    draw->AddLine(ImVec2(x_end, origin.y + font * 0.55f), ImVec2(x_end + swatch, origin.y + font * 0.55f), keys[k].second,
                  k == 2 ? 2.0f : 1.5f);
  }
  ImGui::Dummy(ImVec2(width, height));
  if (hovered >= 0) {
    const FunnelPoint& p = plot.points[static_cast<size_t>(hovered)];
    ImGui::SetTooltip("%s\n%s %s (size %s)\n%s", p.label.c_str(), FormatTick(p.value * scale, 0.1).c_str(), unit.c_str(),
                      FormatTick(p.size, 1).c_str(), FunnelFlagName(p.flag));
  }
  ImGui::PopID();
  return hovered;
}

}  // namespace csc::app
