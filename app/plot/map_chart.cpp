#include "plot/map_chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "chart/ticks.hpp"
#include "indicators/catalogue.hpp"
#include "ui/item_probe.hpp"

namespace csc::app {

const char* const kWardMapAttribution =
    "Contains OS, ONS, NRS and LPS data (c) Crown copyright and database right 2016. OGL v3.0.";

namespace {

// Five classes of viridis: ordered light to dark in lightness and readable with every common
// colour-vision deficiency (and in greyscale print).
constexpr ImU32 kClassColours[] = {IM_COL32(253, 231, 37, 255), IM_COL32(94, 201, 98, 255), IM_COL32(33, 145, 140, 255),
                                   IM_COL32(59, 82, 139, 255), IM_COL32(68, 1, 84, 255)};
constexpr int kClasses = 5;

double GroupValue(const ChartData& d, size_t g) {
  // One series, or one value per category on the diagonal (ChartOf's single-dimension form).
  const size_t s = !d.show_legend && g < d.values[g].size() ? g : 0;
  return s < d.values[g].size() ? d.values[g][s] : NAN;
}

bool GroupWithheld(const ChartData& d, size_t g) {
  for (size_t s = 0; s < d.series.size() || s < 1; ++s)
    if (Withheld(d, g, s)) return true;
  return false;
}

}  // namespace

const WardBoundaries* BundledWardBoundaries() {
  // Read once (100 kB, a few milliseconds) and kept: boundaries never change during a session.
  static const std::unique_ptr<WardBoundaries> bundled = [] {
    try {
      return std::make_unique<WardBoundaries>(LoadWardBoundaries(AssetsDir() + "/geo/rotherham_wards_2013.geojson"));
    } catch (const std::exception&) {
      return std::unique_ptr<WardBoundaries>();
    }
  }();
  return bundled.get();
}

namespace {
WardMapSource& UserSource() {
  static WardMapSource source;
  return source;
}
}  // namespace

void UseWardBoundaries(WardMapSource source) { UserSource() = std::move(source); }

const WardBoundaries* ActiveWardBoundaries() {
  return UserSource().boundaries ? UserSource().boundaries.get() : BundledWardBoundaries();
}

const std::string& ActiveWardAttribution() {
  static const std::string bundled = kWardMapAttribution;
  return UserSource().boundaries ? UserSource().attribution : bundled;
}

ChartHover DrawMapChart(const char* id, const ChartData& d, float height, const WardBoundaries* boundaries,
                        const std::string& attribution) {
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x, font = ImGui::GetFontSize();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  draw->AddText(origin, text, d.title.c_str());
  draw->AddText(ImVec2(origin.x, origin.y + font * 1.4f), faint, d.value_label.c_str());
  ChartHover hover;
  if (!boundaries) {
    draw->AddText(ImVec2(origin.x, origin.y + font * 3), text, "No ward boundaries could be read: the map cannot be drawn.");
    ImGui::Dummy(ImVec2(width, height));
    ImGui::PopID();
    return hover;
  }
  // Which ward each group is, and the classes of the values shown.
  std::vector<int> group_of_ward(boundaries->wards.size(), -1);
  std::vector<double> values;
  size_t unmatched = 0;
  for (size_t g = 0; g < d.groups.size(); ++g) {
    int w = boundaries->Find(d.groups[g]);
    if (w < 0 && g < d.group_keys.size()) w = boundaries->Find(d.group_keys[g]);
    if (w < 0) {
      ++unmatched;
      continue;
    }
    group_of_ward[static_cast<size_t>(w)] = static_cast<int>(g);
    if (!GroupWithheld(d, g)) values.push_back(GroupValue(d, g));
  }
  const std::vector<double> breaks = QuantileBreaks(values, kClasses);
  // Classes take the darker end of the scale when there are fewer than five.
  const int first_colour = kClasses - static_cast<int>(breaks.size());

  const float legend_w = std::max(font * 9, ImGui::CalcTextSize("none in this result").x + font * 2.4f), top = origin.y + font * 3, bottom = origin.y + height - font * 1.6f;
  const float left = origin.x, right = origin.x + width - legend_w;
  const MapBox& box = boundaries->box;
  const double scale = std::min((right - left) / box.width(), (bottom - top) / box.height());
  const float ox = left + static_cast<float>(((right - left) - box.width() * scale) / 2);
  const float oy = top + static_cast<float>(((bottom - top) - box.height() * scale) / 2);
  auto screen = [&](MapPoint p) {
    return ImVec2(ox + static_cast<float>((p.x - box.min_x) * scale), oy + static_cast<float>((p.y - box.min_y) * scale));
  };
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const MapPoint at{box.min_x + (mouse.x - ox) / scale, box.min_y + (mouse.y - oy) / scale};
  const int hovered_ward = ImGui::IsWindowHovered() ? boundaries->HitTest(at) : -1;
  if (hovered_ward >= 0 && group_of_ward[static_cast<size_t>(hovered_ward)] >= 0) {
    hover.group = group_of_ward[static_cast<size_t>(hovered_ward)];
    hover.series = d.show_legend ? 0 : hover.group;
  }

  const ImU32 no_data = IM_COL32(215, 215, 215, 255), edge = ImGui::GetColorU32(ImGuiCol_WindowBg);
  for (size_t w = 0; w < boundaries->wards.size(); ++w) {
    const WardShape& ward = boundaries->wards[w];
    const int g = group_of_ward[w];
    const bool withheld = g >= 0 && GroupWithheld(d, static_cast<size_t>(g));
    const int cls = g >= 0 && !withheld ? ClassOf(GroupValue(d, static_cast<size_t>(g)), breaks) : -1;
    ImU32 fill = cls >= 0 ? kClassColours[first_colour + cls] : withheld ? IM_COL32(240, 240, 240, 255) : no_data;
    const bool dim = !d.highlight.empty() && g >= 0 && d.highlight != d.groups[static_cast<size_t>(g)];
    if (dim) fill = (fill & 0x00FFFFFF) | (static_cast<ImU32>(110) << IM_COL32_A_SHIFT);
    // Triangles of one ward share edges: anti-aliased fills would fringe each edge and
    // leave pale seams across the ward, so fills are drawn plain (the outline smooths the edge).
    const ImDrawListFlags flags = draw->Flags;
    draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    for (size_t r = 0; r < ward.rings.size(); ++r) {
      const auto& ring = ward.rings[r];
      const auto& tri = ward.triangles[r];
      for (size_t t = 0; t + 2 < tri.size(); t += 3)
        draw->AddTriangleFilled(screen(ring[tri[t]]), screen(ring[tri[t + 1]]), screen(ring[tri[t + 2]]), fill);
    }
    draw->Flags = flags;
    const bool over = static_cast<int>(w) == hovered_ward;
    for (const auto& ring : ward.rings) {
      std::vector<ImVec2> pts;
      pts.reserve(ring.size());
      for (MapPoint p : ring) pts.push_back(screen(p));
      draw->AddPolyline(pts.data(), static_cast<int>(pts.size()), over ? text : edge, ImDrawFlags_Closed, over ? 2.5f : 1.0f);
    }
    const ImVec2 c = screen(ward.label);
    if (withheld) {
      // Hatched and marked "c", as withheld cells are in every other chart.
      DrawWithheldMark(ImVec2(c.x - font * 0.7f, c.y - font * 0.6f), ImVec2(c.x + font * 0.7f, c.y + font * 0.6f));
    }
    if (ItemProbeEnabled() && g >= 0)
      ProbeRect(std::string(id) + ":" + std::to_string(g) + ":" + std::to_string(d.show_legend ? 0 : g),
                ImVec2(c.x - 2, c.y - 2), ImVec2(c.x + 2, c.y + 2));
  }

  // Legend: one swatch per class with its range, then wards not in the result and withheld ones.
  float ly = top;
  const float lx = right + font;
  double lower = breaks.empty() ? 0 : *std::min_element(values.begin(), values.end());
  for (size_t k = 0; k < breaks.size(); ++k) {
    draw->AddRectFilled(ImVec2(lx, ly), ImVec2(lx + font, ly + font), kClassColours[first_colour + static_cast<int>(k)]);
    const double step = d.decimals > 0 ? std::pow(10.0, -d.decimals) : 1;
    const std::string label = (k == 0 ? FormatTick(lower, step) : "> " + FormatTick(breaks[k - 1], step)) + " to " +
                              FormatTick(breaks[k], step);
    draw->AddText(ImVec2(lx + font * 1.4f, ly), text, label.c_str());
    ly += font * 1.4f;
  }
  bool any_no_data = false, any_withheld = false;
  for (size_t w = 0; w < boundaries->wards.size(); ++w) {
    const int g = group_of_ward[w];
    any_withheld |= g >= 0 && GroupWithheld(d, static_cast<size_t>(g));
    any_no_data |= g < 0 || (!GroupWithheld(d, static_cast<size_t>(g)) && !std::isfinite(GroupValue(d, static_cast<size_t>(g))));
  }
  if (any_no_data) {
    draw->AddRectFilled(ImVec2(lx, ly), ImVec2(lx + font, ly + font), no_data);
    // A ward with no row in the answer: none counted in this slice, or left out by a filter;
    // which of the two, the chart cannot tell, so it says neither "0" nor "no data".
    draw->AddText(ImVec2(lx + font * 1.4f, ly), text, "none in this result");
    ly += font * 1.4f;
  }
  if (any_withheld) {
    DrawWithheldMark(ImVec2(lx, ly), ImVec2(lx + font, ly + font));
    draw->AddText(ImVec2(lx + font * 1.4f, ly), text, "withheld");
    ly += font * 1.4f;
  }
  if (unmatched) {
    const std::string note = std::to_string(unmatched) + (unmatched == 1 ? " value is" : " values are") + " not a ward on this map";
    draw->AddText(ImVec2(lx, ly + font * 0.4f), faint, note.c_str());
  }
  draw->AddText(ImVec2(origin.x, bottom + font * 0.3f), faint, attribution.c_str());
  return FinishChart(d, hover, width, height);
}

}  // namespace csc::app
