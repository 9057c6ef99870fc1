#include "plot/horizontal_charts.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "chart/ticks.hpp"
#include "plot/palette.hpp"
#include "ui/item_probe.hpp"

namespace csc::app {

namespace {

double ValueAt(const ChartData& d, size_t g, size_t s) {
  return s < d.values[g].size() && std::isfinite(d.values[g][s]) ? d.values[g][s] : NAN;
}

// A group's value in single-series data drawn one colour per category (ChartOf puts each
// category's value on the diagonal).
double GroupValue(const ChartData& d, size_t g) {
  if (!d.show_legend && g < d.values[g].size()) return ValueAt(d, g, g);
  return ValueAt(d, g, 0);
}

float Widest(const std::vector<std::string>& labels) {
  float w = 0;
  for (const auto& l : labels) w = std::max(w, ImGui::CalcTextSize(l.c_str()).x);
  return w;
}

void DrawTitle(const ChartData& d, ImVec2 origin) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddText(origin, ImGui::GetColorU32(ImGuiCol_Text), d.title.c_str());
  draw->AddText(ImVec2(origin.x, origin.y + ImGui::GetFontSize() * 1.4f), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                d.value_label.c_str());
}

// Vertical gridlines and labels along the bottom for [lo, hi] mapped onto [x0, x1].
void DrawXAxis(const AxisTicks& ticks, float x0, float x1, float top, float bottom, bool mirror) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (double t : ticks.values) {
    const float x = x0 + static_cast<float>((t - ticks.lo) / (ticks.hi - ticks.lo)) * (x1 - x0);
    draw->AddLine(ImVec2(x, top), ImVec2(x, bottom), ImGui::GetColorU32(ImGuiCol_Border, 0.6f));
    const std::string label = FormatTick(mirror ? std::abs(t) : t, ticks.step);
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    draw->AddText(ImVec2(x - size.x / 2, bottom + 2), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
  }
}

}  // namespace

ChartHover DrawRankingChart(const char* id, const ChartData& d, float height) {
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x, font = ImGui::GetFontSize();
  DrawTitle(d, origin);
  std::vector<size_t> order(d.groups.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const double va = GroupValue(d, a), vb = GroupValue(d, b);
    return (std::isfinite(va) ? va : -1e300) > (std::isfinite(vb) ? vb : -1e300);
  });
  double hi = 0;
  for (size_t g = 0; g < d.groups.size(); ++g)
    if (std::isfinite(GroupValue(d, g))) hi = std::max(hi, GroupValue(d, g));
  const AxisTicks ticks = NiceTicks(0, hi, std::max(3, static_cast<int>(width / (font * 6))));
  const float top = origin.y + font * 3.0f, bottom = origin.y + height - font * 1.6f;
  const float x0 = origin.x + Widest(d.groups) + font, x1 = origin.x + width - font * 4;
  DrawXAxis(ticks, x0, x1, top, bottom, false);
  // One number of decimals for every bar (17.0 beside 16.8, not 17 beside 16.80): the
  // chart's own (an indicator's), else the fewest, up to two, that show each value as it is.
  double step = 1;
  if (d.decimals >= 0) {
    for (int places = 0; places < d.decimals; ++places) step /= 10;
  } else {
    for (int places = 0; places <= 2; ++places, step /= 10) {
      bool exact = true;
      for (size_t g = 0; g < d.groups.size() && exact; ++g) {
        const double v = GroupValue(d, g);
        exact = !std::isfinite(v) || std::abs(v / step - std::round(v / step)) < 1e-6;
      }
      if (exact || places == 2) break;
    }
  }
  ChartHover hover;
  const float row = (bottom - top) / static_cast<float>(std::max<size_t>(1, order.size()));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (size_t i = 0; i < order.size(); ++i) {
    const size_t g = order[i];
    const float y = top + row * static_cast<float>(i);
    const ImVec2 label_size = ImGui::CalcTextSize(d.groups[g].c_str());
    draw->AddText(ImVec2(x0 - font * 0.5f - label_size.x, y + (row - label_size.y) / 2), ImGui::GetColorU32(ImGuiCol_Text),
                  d.groups[g].c_str());
    const double v = GroupValue(d, g);
    bool withheld = false;
    for (size_t s = 0; s < d.series.size(); ++s) withheld = withheld || Withheld(d, g, s);
    if (withheld && !std::isfinite(v)) {  // a marked placeholder, not an empty row that reads as zero
      DrawWithheldMark(ImVec2(x0, y + row * 0.15f), ImVec2(x0 + font * 2.4f, y + row * 0.85f));
      continue;
    }
    if (!std::isfinite(v)) continue;
    const float x = x0 + static_cast<float>((v - ticks.lo) / (ticks.hi - ticks.lo)) * (x1 - x0);
    const ImVec2 a(x0, y + row * 0.15f), b(x, y + row * 0.85f);
    const bool over = ImGui::IsWindowHovered() && mouse.x >= a.x && mouse.x < std::max(b.x, a.x + 2) && mouse.y >= a.y && mouse.y < b.y;
    if (over) hover.group = static_cast<int>(g), hover.series = d.show_legend ? 0 : static_cast<int>(g);
    // Category colours only while each can have its own; a long ranking (wards) is one colour.
    const bool one_colour = d.show_legend || d.groups.size() > 8;
    // A ward or category hovered in another view keeps its colour; the others fade.
    const float alpha = !d.highlight.empty() && d.highlight != d.groups[g] && HighlightedGroup(d, hover) >= 0 ? 0.35f
                        : over                                                                              ? 1.0f
                                                                                                            : 0.85f;
    const ImU32 colour = one_colour ? PaletteColour(0, alpha) : CategoryColour(d.groups[g], alpha);
    draw->AddRectFilled(a, b, colour);
    if (ItemProbeEnabled()) ProbeRect(std::string(id) + ":" + std::to_string(g) + ":" + std::to_string(hover.series), a, b);
    const std::string value = FormatTick(v, step);
    draw->AddText(ImVec2(b.x + font * 0.3f, y + (row - font) / 2), ImGui::GetColorU32(ImGuiCol_Text), value.c_str());
  }
  return FinishChart(d, hover, width, height);
}

ChartHover DrawPyramidChart(const char* id, const ChartData& d, float height) {
  // Males on the left by convention when the series say which is which.
  size_t left = 0, right = 1;
  for (size_t s = 0; s < d.series.size(); ++s) {
    const std::string& n = d.series[s];
    if (n == "M" || n == "Male" || n == "Boys" || n == "1") left = s;
    if (n == "F" || n == "Female" || n == "Girls" || n == "2") right = s;
  }
  if (left == right) left = 0, right = 1;
  const size_t sides[2] = {left, right};
  // Children of neither side (unborn, sex not recorded) are drawn too, beyond the right
  // side's bar in their own colour, so every child counted is on the chart.
  std::vector<size_t> others;
  for (size_t s = 0; s < d.series.size(); ++s)
    if (s != left && s != right) others.push_back(s);
  auto side_name = [&](size_t s) -> std::string {
    const std::string& n = d.series[s];
    if (n == "M" || n == "1" || n.rfind("Male", 0) == 0) return "Male";
    if (n == "F" || n == "2" || n.rfind("Female", 0) == 0) return "Female";
    if (n == "U" || n == "0" || n == "9" || n.empty()) return "Sex not recorded";
    return n;
  };
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x, font = ImGui::GetFontSize();
  DrawTitle(d, origin);
  double hi = 0;
  for (size_t g = 0; g < d.groups.size(); ++g) {
    if (std::isfinite(ValueAt(d, g, left))) hi = std::max(hi, ValueAt(d, g, left));
    double right_side = std::isfinite(ValueAt(d, g, right)) ? ValueAt(d, g, right) : 0;
    for (size_t s : others)
      if (std::isfinite(ValueAt(d, g, s))) right_side += ValueAt(d, g, s);
    hi = std::max(hi, right_side);
  }
  const AxisTicks ticks = NiceTicks(-hi, hi, std::max(4, static_cast<int>(width / (font * 6))));
  const float label_width = Widest(d.groups) + font;
  const float top = origin.y + font * 4.4f, bottom = origin.y + height - font * 1.6f;
  const float x0 = origin.x + font, x1 = origin.x + width - font;
  const float centre = (x0 + x1) / 2;
  const float half = (x1 - x0 - label_width) / 2;
  // The age labels sit in a gap in the middle; each side has its own copy of the scale.
  auto x_of = [&](double v, int side) {
    const float inner = centre + static_cast<float>(side) * label_width / 2;
    return inner + static_cast<float>(side) * static_cast<float>(v / ticks.hi) * half;
  };
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (double t : ticks.values) {
    if (t < 0) continue;
    for (int side : {-1, 1}) {
      const float x = x_of(t, side);
      draw->AddLine(ImVec2(x, top), ImVec2(x, bottom), ImGui::GetColorU32(ImGuiCol_Border, 0.6f));
      const std::string label = FormatTick(t, ticks.step);
      draw->AddText(ImVec2(x - ImGui::CalcTextSize(label.c_str()).x / 2, bottom + 2), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
    }
  }
  // Series names above each side ("Male", "Female", not codes); others in the middle.
  for (size_t i = 0; i < 2; ++i) {
    const size_t s = sides[i];
    if (s >= d.series.size()) continue;
    const std::string name = side_name(s);
    const float w = ImGui::CalcTextSize(name.c_str()).x;
    const float x = i == 0 ? x0 : x1 - w;
    draw->AddRectFilled(ImVec2(i == 0 ? x : x - font, top - font * 1.2f), ImVec2(i == 0 ? x + font * 0.8f : x - font * 0.2f, top - font * 0.4f),
                        SeriesColour(d, s, 1.0f));
    draw->AddText(ImVec2(i == 0 ? x + font : x, top - font * 1.3f), ImGui::GetColorU32(ImGuiCol_Text), name.c_str());
  }
  float other_x = centre;
  for (size_t s : others) {
    const std::string name = side_name(s);
    draw->AddRectFilled(ImVec2(other_x, top - font * 1.2f), ImVec2(other_x + font * 0.8f, top - font * 0.4f), SeriesColour(d, s, 1.0f));
    draw->AddText(ImVec2(other_x + font, top - font * 1.3f), ImGui::GetColorU32(ImGuiCol_Text), name.c_str());
    other_x += ImGui::CalcTextSize(name.c_str()).x + font * 2;
  }
  ChartHover hover;
  const size_t groups = d.groups.size();
  const float row = (bottom - top) / static_cast<float>(std::max<size_t>(1, groups));
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (size_t g = 0; g < groups; ++g) {
    const float y = bottom - row * static_cast<float>(g + 1);  // youngest at the bottom
    // Labels thinned to every 2nd, 5th... age when rows are shorter than a line of text.
    const size_t every = row >= font ? 1 : row * 2 >= font ? 2 : 5;
    const ImVec2 size = ImGui::CalcTextSize(d.groups[g].c_str());
    if (g % every == 0)
      draw->AddText(ImVec2(centre - size.x / 2, y + (row - size.y) / 2), ImGui::GetColorU32(ImGuiCol_Text), d.groups[g].c_str());
    double right_end = 0;  // where the next bar on the right starts
    std::vector<size_t> drawn(sides, sides + 2);
    drawn.insert(drawn.end(), others.begin(), others.end());
    for (size_t i = 0; i < drawn.size(); ++i) {
      const size_t s = drawn[i];
      const double v = ValueAt(d, g, s);
      if (!std::isfinite(v)) continue;
      const int side = i == 0 ? -1 : 1;
      const double from = side < 0 ? 0 : right_end;
      if (side > 0) right_end += v;
      const float a = x_of(from, side), b = x_of(from + v, side);
      const ImVec2 p0(std::min(a, b), y + row * 0.1f), p1(std::max(a, b), y + row * 0.9f);
      const bool over = ImGui::IsWindowHovered() && mouse.x >= p0.x && mouse.x < p1.x && mouse.y >= p0.y && mouse.y < p1.y;
      if (over) hover.group = static_cast<int>(g), hover.series = static_cast<int>(s);
      draw->AddRectFilled(p0, p1, SeriesColour(d, s, over ? 1.0f : 0.85f));
      if (ItemProbeEnabled()) ProbeRect(std::string(id) + ":" + std::to_string(g) + ":" + std::to_string(s), p0, p1);
    }
  }
  return FinishChart(d, hover, width, height);
}

}  // namespace csc::app
