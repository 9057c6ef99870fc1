#include "plot/chart_overlays.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "plot/palette.hpp"

namespace csc::app {

namespace {

// ImDrawList draws solid lines only: a dash pattern made of short segments.
void DashedLine(ImDrawList* draw, ImVec2 a, ImVec2 b, ImU32 colour, float thickness, float dash) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float length = std::sqrt(dx * dx + dy * dy);
  if (length <= 0) return;
  for (float t = 0; t < length; t += dash * 2) {
    const float e = std::min(length, t + dash);
    draw->AddLine(ImVec2(a.x + dx * t / length, a.y + dy * t / length), ImVec2(a.x + dx * e / length, a.y + dy * e / length),
                  colour, thickness);
  }
}

}  // namespace

void IncludeReferences(const ChartData& data, double& lo, double& hi) {
  for (const auto& line : data.references)
    for (const double v : line.values)
      if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
}

int NoteGroup(const ChartData& data, const ChartNote& note) {
  for (size_t g = 0; g < data.groups.size(); ++g)
    if ((g < data.group_keys.size() && !data.group_keys[g].empty() && data.group_keys[g] == note.at) || data.groups[g] == note.at)
      return static_cast<int>(g);
  return -1;
}

void DrawChartOverlays(const ChartData& data, const ChartFrame& frame, float slot, bool points_at_centre) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float font = ImGui::GetFontSize();
  auto x_of = [&](size_t g) { return frame.plot_min.x + slot * (static_cast<float>(g) + 0.5f); };
  for (const ReferenceLine& line : data.references) {
    const ImU32 colour = CategoryColour(line.label, 0.9f);
    int last = -1;
    for (size_t g = 0; g < line.values.size() && g < data.groups.size(); ++g) {
      if (!std::isfinite(line.values[g])) continue;
      const ImVec2 p(x_of(g), frame.YOf(line.values[g]));
      // A lone year still shows: a short level mark across its slot.
      DashedLine(draw, ImVec2(p.x - slot * 0.35f, p.y), ImVec2(p.x + slot * 0.35f, p.y), colour, font * 0.12f, font * 0.3f);
      if (g + 1 < line.values.size() && g + 1 < data.groups.size() && std::isfinite(line.values[g + 1]))
        DashedLine(draw, p, ImVec2(x_of(g + 1), frame.YOf(line.values[g + 1])), colour, font * 0.12f, font * 0.3f);
      last = static_cast<int>(g);
    }
    if (last >= 0) {  // named where it ends, so no legend entry is needed
      const ImVec2 end(x_of(static_cast<size_t>(last)) + slot * 0.35f + font * 0.2f,
                       frame.YOf(line.values[static_cast<size_t>(last)]) - font * 0.5f);
      // Past the last slot when there is room inside the plot, else right-aligned above the line.
      const ImVec2 size = ImGui::CalcTextSize(line.label.c_str());
      const ImVec2 at = end.x + size.x <= frame.plot_max.x ? end : ImVec2(frame.plot_max.x - size.x, end.y - font * 0.6f);
      draw->AddText(at, colour, line.label.c_str());
    }
  }
  for (size_t i = 0; i < data.notes.size(); ++i) {
    const ChartNote& note = data.notes[i];
    const int g = NoteGroup(data, note);
    if (g < 0) continue;
    const float x = x_of(static_cast<size_t>(g));
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    DashedLine(draw, ImVec2(x, frame.plot_min.y + font), ImVec2(x, frame.plot_max.y), ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.8f),
               1.0f, font * 0.25f);
    const std::string tag = std::to_string(i + 1);
    const ImVec2 size = ImGui::CalcTextSize(tag.c_str());
    const ImVec2 centre(x, frame.plot_min.y + font * 0.5f);
    const float radius = std::max(size.x, size.y) * 0.5f + font * 0.2f;
    draw->AddCircleFilled(centre, radius, ImGui::GetColorU32(ImGuiCol_WindowBg));
    draw->AddCircle(centre, radius, ink, 0, 1.5f);
    draw->AddText(ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f), ink, tag.c_str());
    if (!points_at_centre || note.series.empty()) continue;
    for (size_t s = 0; s < data.series.size(); ++s) {
      if (data.series[s] != note.series || static_cast<size_t>(g) >= data.values.size() || s >= data.values[static_cast<size_t>(g)].size())
        continue;
      const double v = data.values[static_cast<size_t>(g)][s];
      if (std::isfinite(v)) draw->AddCircle(ImVec2(x, frame.YOf(v)), font * 0.6f, ink, 0, 2.0f);
    }
  }
}

std::vector<std::string> ChartNoteLines(const ChartData& data) {
  std::vector<std::string> lines;
  for (size_t i = 0; i < data.notes.size(); ++i) {
    const ChartNote& n = data.notes[i];
    const int g = NoteGroup(data, n);
    const std::string where = g >= 0 ? data.groups[static_cast<size_t>(g)] : n.at;
    lines.push_back(std::to_string(i + 1) + ". " + where + (n.series.empty() ? "" : ", " + n.series) + ": " + n.text +
                    (g < 0 ? " (not on this chart)" : ""));
  }
  return lines;
}

}  // namespace csc::app
