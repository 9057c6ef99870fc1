#include "views/chart_notes_editor.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "plot/chart_overlays.hpp"
#include "ui/item_probe.hpp"
#include "util/text.hpp"
#include "views/query_panel.hpp"

namespace csc::app {

namespace {

// What a note is pinned to is stored as the group's key (a code stays right when labels
// change), its label when the chart has no keys (periods).
std::string GroupId(const ChartData& chart, size_t g) {
  return g < chart.group_keys.size() && !chart.group_keys[g].empty() ? chart.group_keys[g] : chart.groups[g];
}

}  // namespace

void DrawChartNotes(const ChartData& chart, QueryPanelState& s) {
  ImGui::PushID("notes");
  const std::vector<std::string> lines = ChartNoteLines(chart);
  for (size_t i = 0; i < lines.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton("x")) {
      s.notes.erase(s.notes.begin() + static_cast<std::ptrdiff_t>(i));
      ImGui::PopID();
      break;
    }
    if (ItemProbeEnabled()) ProbeLastItem("note:remove:" + std::to_string(i + 1));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this note");
    ImGui::SameLine();
    ImGui::TextWrapped("%s", lines[i].c_str());
    ImGui::PopID();
  }
  if (chart.groups.empty()) {
    ImGui::PopID();
    return;
  }
  ChartNote& draft = s.note_draft;
  int group = NoteGroup(chart, draft);
  if (group < 0) group = static_cast<int>(chart.groups.size()) - 1, draft.at = GroupId(chart, static_cast<size_t>(group));
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Note at");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  const bool open = ImGui::BeginCombo("##at", chart.groups[static_cast<size_t>(group)].c_str());
  if (ItemProbeEnabled()) ProbeLastItem("note:at");
  if (open) {
    for (size_t g = 0; g < chart.groups.size(); ++g) {
      if (ImGui::Selectable(chart.groups[g].c_str(), static_cast<int>(g) == group)) draft.at = GroupId(chart, g);
      if (ItemProbeEnabled()) ProbeLastItem("note:at:" + chart.groups[g]);
    }
    ImGui::EndCombo();
  }
  // A point: one series at that group (only where the chart has named series).
  const bool named_series = chart.show_legend && chart.series.size() > 1;
  if (named_series) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    const bool series_open = ImGui::BeginCombo("##series", draft.series.empty() ? "(every series)" : draft.series.c_str());
    if (ItemProbeEnabled()) ProbeLastItem("note:series");
    if (series_open) {
      if (ImGui::Selectable("(every series)", draft.series.empty())) draft.series.clear();
      for (const auto& name : chart.series) {
        if (ImGui::Selectable(name.c_str(), draft.series == name)) draft.series = name;
        if (ItemProbeEnabled()) ProbeLastItem("note:series:" + name);
      }
      ImGui::EndCombo();
    }
  } else {
    draft.series.clear();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  ImGui::InputTextWithHint("##text", "what happened here", &draft.text);
  if (ItemProbeEnabled()) ProbeLastItem("note:text");
  ImGui::SameLine();
  ImGui::BeginDisabled(Trim(draft.text).empty());
  if (ImGui::Button("Add note")) {
    draft.text = std::string(Trim(draft.text));
    s.notes.push_back(draft);
    draft.text.clear();
  }
  if (ItemProbeEnabled()) ProbeLastItem("note:add");
  ImGui::EndDisabled();
  ImGui::PopID();
}

}  // namespace csc::app
