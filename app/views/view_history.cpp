#include "views/view_history.hpp"

#include <imgui.h>

#include <cstdio>

#include "ui/item_probe.hpp"
#include "util/text.hpp"
#include "views/query_panel.hpp"

namespace csc::app {

namespace {

// GLFW key codes, as Debian's ImGui 1.86 GLFW backend indexes io.KeysDown (ASCII for letters).
constexpr int kKeyZ = 'Z';
constexpr int kKeyY = 'Y';

const char* ChartName(ChartKind kind) {
  switch (kind) {
    case ChartKind::Auto: return "";
    case ChartKind::Bars: return "grouped bars";
    case ChartKind::Stacked: return "stacked bars";
    case ChartKind::Lines: return "lines";
    case ChartKind::Ranking: return "ranking";
    case ChartKind::Pyramid: return "pyramid";
    case ChartKind::Xmr: return "control chart";
    case ChartKind::Area: return "stacked area";
    case ChartKind::Map: return "map";
  }
  return "";
}

}  // namespace

ViewSnapshot SnapshotOf(const QueryPanelState& s) {
  ViewSnapshot v;
  v.table = s.table;
  v.where = s.where;
  v.period = s.period;
  v.count = s.count;
  v.by = s.by;
  v.measure = s.measure;
  v.link = s.link;
  v.chart = s.chart;
  v.table_view = s.table_view;
  v.compare_on = s.compare_on;
  v.compare_base = s.compare_base;
  v.compare_current = s.compare_current;
  v.notes = s.notes;
  v.reference_indicator = s.reference_indicator;
  return v;
}

void RestoreSnapshot(const ViewSnapshot& v, QueryPanelState& s) {
  s.table = v.table;
  s.where = v.where;
  std::snprintf(s.period, sizeof s.period, "%s", v.period.c_str());
  std::snprintf(s.count, sizeof s.count, "%s", v.count.c_str());
  std::snprintf(s.by, sizeof s.by, "%s", v.by.c_str());
  std::snprintf(s.measure, sizeof s.measure, "%s", v.measure.c_str());
  std::snprintf(s.link, sizeof s.link, "%s", v.link.c_str());
  s.chart = v.chart;
  s.table_view = v.table_view;
  s.compare_on = v.compare_on;
  s.compare_base = v.compare_base;
  s.compare_current = v.compare_current;
  s.notes = v.notes;
  s.reference_indicator = v.reference_indicator;
  // A Ctrl pick in progress belonged to the view being left.
  s.pending_column.clear();
  s.pending_keys.clear();
  s.pending_labels.clear();
}

std::string DescribeSnapshot(const ViewSnapshot& v) {
  std::string d = std::string(Trim(v.measure)).empty() ? "episodes" : std::string(Trim(v.measure));
  if (!Trim(v.by).empty()) d += " by " + std::string(Trim(v.by));
  if (!Trim(v.period).empty()) d += "; " + std::string(Trim(v.period));
  if (!Trim(v.count).empty()) d += "; " + std::string(Trim(v.count));
  std::string where;
  for (std::string_view line : Split(v.where, '\n'))
    if (!Trim(line).empty()) where += (where.empty() ? "; where " : " and ") + std::string(Trim(line));
  d += where;
  if (!Trim(v.link).empty()) d += "; " + std::string(Trim(v.link));
  if (*ChartName(v.chart)) d += "; " + std::string(ChartName(v.chart));
  if (v.compare_on)
    d += "; compared" + (v.compare_current.empty() ? std::string() : " " + v.compare_current) +
         (v.compare_base.empty() ? std::string() : " against " + v.compare_base);
  if (!v.reference_indicator.empty()) d += "; lines of " + v.reference_indicator;
  if (!v.notes.empty()) d += "; " + std::to_string(v.notes.size()) + (v.notes.size() == 1 ? " note" : " notes");
  return d;
}

void ViewHistory::Record(const ViewSnapshot& now) {
  if (!m_steps.empty()) m_steps.resize(m_current + 1);  // a new change drops the steps undone
  m_steps.push_back(now);
  if (m_steps.size() > kMaxSteps) m_steps.erase(m_steps.begin());
  m_current = m_steps.size() - 1;
}

void ViewHistory::Observe(const ViewSnapshot& now, bool typing) {
  if (m_steps.empty()) {
    Record(now);  // the view as first seen is where undo ends
    return;
  }
  if (!typing && !(now == m_steps[m_current])) Record(now);
}

bool ViewHistory::CanUndo(const ViewSnapshot& now) const {
  return !m_steps.empty() && (m_current > 0 || !(now == m_steps[m_current]));
}

const ViewSnapshot& ViewHistory::Undo(const ViewSnapshot& now) {
  if (!(now == m_steps[m_current])) Record(now);
  if (m_current > 0) --m_current;
  return m_steps[m_current];
}

const ViewSnapshot& ViewHistory::Redo() {
  if (CanRedo()) ++m_current;
  return m_steps[m_current];
}

const ViewSnapshot& ViewHistory::JumpTo(size_t step) {
  if (step < m_steps.size()) m_current = step;
  return m_steps[m_current];
}

void TrackViewHistory(QueryPanelState& s) {
  const ImGuiIO& io = ImGui::GetIO();
  const bool typing = io.WantTextInput;
  if (!typing && io.KeyCtrl) {
    const ViewSnapshot now = SnapshotOf(s);
    const bool redo = (io.KeyShift && ImGui::IsKeyPressed(kKeyZ, false)) || ImGui::IsKeyPressed(kKeyY, false);
    if (redo) {
      if (s.history.CanRedo()) RestoreSnapshot(s.history.Redo(), s);
    } else if (ImGui::IsKeyPressed(kKeyZ, false) && s.history.CanUndo(now)) {
      RestoreSnapshot(s.history.Undo(now), s);
    }
  }
  s.history.Observe(SnapshotOf(s), typing);
}

void DrawViewHistoryBar(QueryPanelState& s) {
  const ViewSnapshot now = SnapshotOf(s);
  ImGui::BeginDisabled(!s.history.CanUndo(now));
  if (ImGui::Button("Undo")) RestoreSnapshot(s.history.Undo(now), s);
  if (ItemProbeEnabled()) ProbeLastItem("button:undo");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Undo the last change to the view (Ctrl+Z)");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!s.history.CanRedo());
  if (ImGui::Button("Redo")) RestoreSnapshot(s.history.Redo(), s);
  if (ItemProbeEnabled()) ProbeLastItem("button:redo");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Redo (Ctrl+Shift+Z or Ctrl+Y)");
  ImGui::EndDisabled();
  ImGui::SameLine();
  const auto& steps = s.history.steps();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (ImGui::BeginCombo("##history", "History", ImGuiComboFlags_HeightLarge)) {
    // Newest first, the view shown now marked.
    for (size_t i = steps.size(); i-- > 0;) {
      ImGui::PushID(static_cast<int>(i));
      const std::string label = std::to_string(i + 1) + ". " + DescribeSnapshot(steps[i]);
      if (ImGui::Selectable(label.c_str(), i == s.history.current())) RestoreSnapshot(s.history.JumpTo(i), s);
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Jump back (or forward) to any earlier view");
}

}  // namespace csc::app
