#include "plot/chart_frame.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chart/ticks.hpp"
#include "plot/palette.hpp"
#include "ui/item_probe.hpp"

namespace csc::app {

bool Withheld(const ChartData& data, size_t group, size_t series) {
  return group < data.withheld.size() && series < data.withheld[group].size() && data.withheld[group][series];
}

bool SeriesVisible(const ChartData& data, size_t s) {
  return s >= data.hidden_series.size() || !data.hidden_series[s];
}

int HighlightedSeries(const ChartData& data, const ChartHover& hover) {
  if (hover.legend >= 0) return hover.legend;
  if (data.highlight.empty()) return -1;
  for (size_t s = 0; s < data.series.size(); ++s)
    if (data.series[s] == data.highlight) return static_cast<int>(s);
  return -1;
}

int HighlightedGroup(const ChartData& data, const ChartHover& hover) {
  if (hover.legend >= 0 || data.highlight.empty()) return -1;
  for (size_t g = 0; g < data.groups.size(); ++g)
    if (data.groups[g] == data.highlight) return static_cast<int>(g);
  return -1;
}

bool Dimmed(const ChartData& data, const ChartHover& hover, size_t group, size_t series) {
  const int s = HighlightedSeries(data, hover), g = HighlightedGroup(data, hover);
  return (s >= 0 && s != static_cast<int>(series)) || (s < 0 && g >= 0 && g != static_cast<int>(group));
}

std::string HoveredCategory(const ChartData& data, const ChartHover& hover) {
  if (hover.legend >= 0 && static_cast<size_t>(hover.legend) < data.series.size()) return data.series[static_cast<size_t>(hover.legend)];
  if (hover.series >= 0 && static_cast<size_t>(hover.series) < data.series.size() && !data.series[static_cast<size_t>(hover.series)].empty())
    return data.series[static_cast<size_t>(hover.series)];
  if (hover.group >= 0 && static_cast<size_t>(hover.group) < data.groups.size()) return data.groups[static_cast<size_t>(hover.group)];
  return "";
}

bool HasLegend(const ChartData& data) {
  return data.show_legend && (data.series.size() > 1 || (!data.series.empty() && !data.series[0].empty()));
}

static ImU32 BaseSeriesColour(const ChartData& data, size_t s, float alpha) {
  if (data.series.size() <= 1 && (data.series.empty() || data.series[0].empty())) return PaletteColour(0, alpha);
  const std::string& name = data.series[s];
  const size_t cut = name.rfind(" / ");
  if (cut == std::string::npos) return CategoryColour(name, alpha);
  // Two dimensions in one series ("2012-13 / Neglect"): the last keeps its category colour,
  // as in every other chart; the first is a shade of it (its first value full, later ones
  // lighter), rather than the palette cycling through unrelated colours.
  std::vector<std::string_view> firsts;
  for (const std::string& other : data.series) {
    const std::string_view first = std::string_view(other).substr(0, other.rfind(" / "));
    if (std::find(firsts.begin(), firsts.end(), first) == firsts.end()) firsts.push_back(first);
  }
  const std::string_view mine = std::string_view(name).substr(0, cut);
  const auto shade = static_cast<float>(std::find(firsts.begin(), firsts.end(), mine) - firsts.begin());
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(CategoryColour(std::string_view(name).substr(cut + 3), alpha));
  const float t = std::min(0.6f, 0.28f * shade);
  c.x += (1 - c.x) * t;
  c.y += (1 - c.y) * t;
  c.z += (1 - c.z) * t;
  return ImGui::ColorConvertFloat4ToU32(c);
}

ImU32 SeriesColour(const ChartData& data, size_t s, float alpha) {
  // Never two series of one chart in one colour: a series whose fixed colour an earlier series
  // already has takes a lighter shade of it, else the first palette slot still free.
  std::vector<ImU32> used;
  ImU32 mine = 0;
  for (size_t i = 0; i <= s && i < std::max<size_t>(1, data.series.size()); ++i) {
    const ImU32 base = BaseSeriesColour(data, i, 1.0f);
    ImU32 c = base;
    // Its own lighter shades first, then any palette slot (8 hues x 4 shades) still free.
    for (int k = 1; std::find(used.begin(), used.end(), c) != used.end() && k < 3 + 32; ++k)
      c = k < 3 ? LighterColour(base, k) : SlotColour({static_cast<size_t>(k - 3) % 8, (k - 3) / 8});
    used.push_back(c);
    mine = c;
  }
  const auto a = static_cast<ImU32>(alpha * 255.0f + 0.5f);
  return (mine & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

bool AnyWithheld(const ChartData& data) {
  for (const auto& row : data.withheld)
    for (bool w : row)
      if (w) return true;
  return false;
}

void DrawWithheldMark(ImVec2 min, ImVec2 max) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  draw->PushClipRect(min, max, true);
  const float step = std::max(4.0f, ImGui::GetFontSize() * 0.35f);
  for (float x = min.x - (max.y - min.y); x < max.x; x += step)
    draw->AddLine(ImVec2(x, max.y), ImVec2(x + (max.y - min.y), min.y), ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.45f));
  draw->PopClipRect();
  draw->AddRect(min, max, ink);
  const ImVec2 size = ImGui::CalcTextSize("c");
  const ImVec2 at((min.x + max.x - size.x) / 2, (min.y + max.y - size.y) / 2);
  draw->AddRectFilled(ImVec2(at.x - 2, at.y), ImVec2(at.x + size.x + 2, at.y + size.y), ImGui::GetColorU32(ImGuiCol_WindowBg));
  draw->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), "c");
}

ChartFrame DrawChartFrame(const ChartData& data, ImVec2 origin, float width, float height, double lo, double hi,
                          ChartHover& hover) {
  const float font = ImGui::GetFontSize();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.6f);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  draw->AddText(origin, text, data.title.c_str());
  if (AnyWithheld(data)) {  // the key for the placeholder, right-aligned on the title line
    const char* key = "withheld (a small count, or one that would reveal it)";
    const float w = ImGui::CalcTextSize(key).x;
    const ImVec2 box(origin.x + width - w - font * 2.2f, origin.y);
    DrawWithheldMark(box, ImVec2(box.x + font * 1.6f, box.y + font * 1.1f));
    draw->AddText(ImVec2(box.x + font * 2.0f, origin.y), faint, key);
  }
  if (!data.value_label.empty()) draw->AddText(ImVec2(origin.x, origin.y + font * 1.4f), faint, data.value_label.c_str());
  // The legend: right-aligned on the unit line, in series order, wrapping onto further lines
  // (which push the plot down) rather than running over the unit; a hidden series is drawn
  // hollow and greyed.
  float legend_lines = 0;
  if (HasLegend(data)) {
    const float unit_right = origin.x + ImGui::CalcTextSize(data.value_label.c_str()).x + font;
    std::vector<std::vector<size_t>> lines(1);
    float used = 0;
    for (size_t s = 0; s < data.series.size(); ++s) {
      const float w = ImGui::CalcTextSize(data.series[s].c_str()).x + font * 1.6f;
      const float room = lines.size() == 1 ? origin.x + width - unit_right : width;
      if (used > 0 && used + w > room) lines.emplace_back(), used = 0;
      lines.back().push_back(s);
      used += w;
    }
    legend_lines = static_cast<float>(lines.size());
    for (size_t line = 0; line < lines.size(); ++line) {
      float x = origin.x + width;
      const float y = origin.y + font * (1.4f + 1.3f * static_cast<float>(line));
      for (auto it = lines[line].rbegin(); it != lines[line].rend(); ++it) {
        const size_t s = *it;
        const float w = ImGui::CalcTextSize(data.series[s].c_str()).x;
        x -= w + font * 1.6f;
        const ImVec2 a(x, y), b(x + w + font * 1.1f, y + font);
        const bool over = ImGui::IsWindowHovered() && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y;
        if (over) hover.legend = static_cast<int>(s);
        if (ItemProbeEnabled()) ProbeRect("legend:" + data.series[s], a, b);
        const bool visible = SeriesVisible(data, s);
        const ImVec2 box_min(x, y + font * 0.2f), box_max(x + font * 0.8f, y + font);
        if (visible) draw->AddRectFilled(box_min, box_max, SeriesColour(data, s, 1.0f));
        else draw->AddRect(box_min, box_max, SeriesColour(data, s, 1.0f));
        draw->AddText(ImVec2(x + font * 1.1f, y), visible ? text : faint, data.series[s].c_str());
        if (over || (hover.legend < 0 && data.series[s] == data.highlight)) draw->AddLine(ImVec2(a.x + font * 1.1f, b.y), b, text);
      }
    }
  }
  const float extra_lines = std::max(0.0f, legend_lines - 1) * font * 1.3f;
  const AxisTicks ticks = NiceTicks(lo, hi, std::max(3, static_cast<int>((height - extra_lines) / (font * 2.5f))));
  float axis_width = 0;
  for (double t : ticks.values) axis_width = std::max(axis_width, ImGui::CalcTextSize(FormatTick(t, ticks.step).c_str()).x);
  ChartFrame f;
  f.plot_min = ImVec2(origin.x + axis_width + font * 0.8f, origin.y + font * 3.2f + extra_lines);
  // Room under the plot for group labels on up to two lines.
  f.plot_max = ImVec2(origin.x + width - font * 0.5f, origin.y + height - font * 2.8f);
  f.lo = ticks.lo;
  f.hi = ticks.hi;
  for (double t : ticks.values) {
    const float y = f.YOf(t);
    draw->AddLine(ImVec2(f.plot_min.x, y), ImVec2(f.plot_max.x, y), grid);
    const std::string label = FormatTick(t, ticks.step);
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    draw->AddText(ImVec2(f.plot_min.x - size.x - font * 0.4f, y - size.y / 2), text, label.c_str());
  }
  return f;
}

namespace {

// "Multiple/not recommended" -> "Multiple/not" + "recommended": split at the space (or slash)
// nearest the middle, so long category names fit under their bars on two lines.
std::pair<std::string, std::string> SplitLabel(const std::string& label) {
  size_t best = std::string::npos;
  for (size_t i = 1; i + 1 < label.size(); ++i)
    if ((label[i] == ' ' || label[i] == '/') &&
        (best == std::string::npos || std::abs(static_cast<long>(i) - static_cast<long>(label.size() / 2)) <
                                          std::abs(static_cast<long>(best) - static_cast<long>(label.size() / 2))))
      best = i;
  if (best == std::string::npos) return {label, ""};
  const bool slash = label[best] == '/';
  return {label.substr(0, slash ? best + 1 : best), label.substr(best + 1)};
}

}  // namespace

void DrawGroupLabels(const ChartData& data, const ChartFrame& frame, float slot) {
  const float font = ImGui::GetFontSize();
  float widest = 0, widest_split = 0;
  std::vector<std::pair<std::string, std::string>> split;
  for (const auto& l : data.groups) {
    widest = std::max(widest, ImGui::CalcTextSize(l.c_str()).x);
    split.push_back(SplitLabel(l));
    widest_split = std::max({widest_split, ImGui::CalcTextSize(split.back().first.c_str()).x,
                             ImGui::CalcTextSize(split.back().second.c_str()).x});
  }
  // Two lines when that lets every label show and one line would not.
  const bool two_lines = widest + font > slot && widest_split + font <= slot;
  const float need = two_lines ? widest_split : widest;
  const size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil((need + font) / slot)));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
  for (size_t g = 0; g < data.groups.size(); g += every) {
    const float cx = frame.plot_min.x + slot * (static_cast<float>(g) + 0.5f);
    const float y = frame.plot_max.y + font * 0.3f;
    if (two_lines) {
      for (int line = 0; line < 2; ++line) {
        const std::string& text = line == 0 ? split[g].first : split[g].second;
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        draw->AddText(ImVec2(cx - size.x / 2, y + static_cast<float>(line) * font), colour, text.c_str());
      }
      continue;
    }
    const ImVec2 size = ImGui::CalcTextSize(data.groups[g].c_str());
    draw->AddText(ImVec2(cx - size.x / 2, y), colour, data.groups[g].c_str());
  }
}

ChartHover FinishChart(const ChartData& data, ChartHover hover, float width, float height) {
  ImGui::Dummy(ImVec2(width, height));
  hover.clicked = (hover.group >= 0 || hover.legend >= 0) && ImGui::IsMouseClicked(0);
  ChartTooltip(data, hover);
  ImGui::PopID();
  return hover;
}

void ChartTooltip(const ChartData& data, const ChartHover& hover) {
  if (hover.group < 0 || hover.series < 0) return;
  const auto& row = data.values[static_cast<size_t>(hover.group)];
  double total = 0;
  for (size_t s = 0; s < row.size(); ++s)
    if (std::isfinite(row[s]) && SeriesVisible(data, s)) total += row[s];
  const double v = row[static_cast<size_t>(hover.series)];
  if (Withheld(data, static_cast<size_t>(hover.group), static_cast<size_t>(hover.series))) {
    ImGui::SetTooltip("%s: withheld (c)", data.groups[static_cast<size_t>(hover.group)].c_str());
    return;
  }
  const bool legend = HasLegend(data);
  const bool several = legend && data.series.size() > 1;
  const std::string& group = data.groups[static_cast<size_t>(hover.group)];
  const std::string name = data.series.empty() || !legend ? "" : data.series[static_cast<size_t>(hover.series)];
  auto number = [](double x) { return FormatTick(x, std::floor(x) == x ? 1 : 0.01); };
  const std::string share = several && total > 0 ? " (" + FormatTick(100.0 * v / total, 0.1) + "% of the group)" : "";
  // The group's total of the series shown (what a stack's top edge is).
  const std::string total_line = several ? "\n" + group + " total: " + number(total) + " " + data.value_label : "";
  ImGui::SetTooltip("%s%s%s\n%s %s%s%s\n%s", group.c_str(), name.empty() ? "" : ", ", name.c_str(), number(v).c_str(),
                    data.value_label.c_str(), share.c_str(), total_line.c_str(),
                    data.group_keys.empty() && data.series_keys.empty() ? "" : "Click to filter, Ctrl+click to add");
}

}  // namespace csc::app
