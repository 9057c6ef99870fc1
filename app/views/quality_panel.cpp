#include "views/quality_panel.hpp"

#include <imgui.h>

#include <filesystem>

#include "dataset/quality_check.hpp"
#include "ui/item_probe.hpp"
#include "util/text.hpp"

namespace csc::app {

namespace {

std::string Count(size_t n) { return WithThousands(static_cast<long long>(n)); }

const ImVec4 kErrorColour(0.75f, 0.1f, 0.1f, 1), kWarningColour(0.8f, 0.45f, 0.0f, 1);

void DrawIssues(const DatasetQuality& q) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
  const float height = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetTextLineHeightWithSpacing() * 8);
  if (!ImGui::BeginTable("issues", 6, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("File", ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn("Line", ImGuiTableColumnFlags_WidthStretch, 0.6f);
  ImGui::TableSetupColumn("Child", ImGuiTableColumnFlags_WidthStretch, 1);
  ImGui::TableSetupColumn("Rule", ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableSetupColumn("DfE", ImGuiTableColumnFlags_WidthStretch, 0.5f);
  ImGui::TableSetupColumn("Problem", ImGuiTableColumnFlags_WidthStretch, 4);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(q.issues.size()));
  while (clipper.Step())
    for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
      const QualityIssue& i = q.issues[static_cast<size_t>(k)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(i.file.empty() ? "-" : std::filesystem::path(i.file).filename().string().c_str());
      if (!i.file.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", i.file.c_str());
      ImGui::TableNextColumn();
      if (i.line) ImGui::Text("%zu", i.line);
      else ImGui::TextDisabled("record %zu", i.row + 1);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(i.child.c_str());
      ImGui::TableNextColumn();
      ImGui::TextColored(i.severity == IssueSeverity::Error ? kErrorColour : kWarningColour, "%s",
                         std::string(RuleTitle(i.rule)).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(i.dfe_code.empty() ? "-" : i.dfe_code.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", i.detail.c_str());
    }
  ImGui::EndTable();
}

}  // namespace

std::string QualitySummary(const std::vector<Dataset>& datasets) {
  size_t errors = 0, warnings = 0, flagged = 0, checked = 0;
  for (const Dataset& d : datasets) {
    if (!d.quality) continue;
    ++checked;
    errors += d.quality->errors;
    warnings += d.quality->warnings;
    flagged += d.quality->flagged_records;
  }
  if (checked == 0) return "";
  if (errors + warnings == 0) return "Data quality: no record-level problems found";
  return "Data quality: " + Count(errors) + (errors == 1 ? " error, " : " errors, ") + Count(warnings) +
         (warnings == 1 ? " warning; " : " warnings; ") + Count(flagged) +
         (flagged == 1 ? " record flagged" : " records flagged") + " (counts that include them say so)";
}

void DrawQualityPanel(const std::vector<Dataset>& datasets, QualityPanelState& state) {
  const std::string summary = QualitySummary(datasets);
  if (summary.empty()) return;
  if (!ImGui::CollapsingHeader((summary + "###quality").c_str())) return;
  if (ItemProbeEnabled()) ProbeLastItem("header:quality");
  const Dataset* shown = nullptr;
  for (const Dataset& d : datasets)
    if (d.quality && (d.name == state.selected || (state.selected.empty() && !shown && !d.quality->issues.empty())))
      shown = &d;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("quality_counts", 5, flags)) {
    ImGui::TableSetupColumn("Dataset", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("Rule", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("DfE rule");
    ImGui::TableSetupColumn("Severity");
    ImGui::TableSetupColumn("Records");
    ImGui::TableHeadersRow();
    for (const Dataset& d : datasets) {
      if (!d.quality) continue;
      ImGui::PushID(d.name.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (ImGui::Selectable(d.name.c_str(), shown == &d, ImGuiSelectableFlags_SpanAllColumns)) state.selected = d.name;
      if (ItemProbeEnabled()) ProbeLastItem("quality:" + d.name);
      ImGui::TableNextColumn();
      if (d.quality->counts.empty()) ImGui::TextDisabled("no problems found");
      for (const RuleCount& c : d.quality->counts) ImGui::TextUnformatted(std::string(RuleTitle(c.rule)).c_str());
      ImGui::TableNextColumn();
      for (const RuleCount& c : d.quality->counts) ImGui::TextUnformatted(c.dfe_code.empty() ? "-" : c.dfe_code.c_str());
      ImGui::TableNextColumn();
      for (const RuleCount& c : d.quality->counts)
        ImGui::TextColored(c.severity == IssueSeverity::Error ? kErrorColour : kWarningColour, "%s",
                           std::string(SeverityName(c.severity)).c_str());
      ImGui::TableNextColumn();
      for (const RuleCount& c : d.quality->counts) ImGui::TextUnformatted(Count(c.records).c_str());
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (!shown) return;
  const DatasetQuality& q = *shown->quality;
  ImGui::Text("%s: %s records flagged", shown->name.c_str(), Count(q.flagged_records).c_str());
  if (q.errors + q.warnings > q.issues.size())
    ImGui::TextDisabled("The first %s of each rule are listed; csc check --json lists them all.",
                        Count(kMaxListedIssues).c_str());
  ImGui::BeginChild("quality_issues", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 14), false);
  DrawIssues(q);
  ImGui::EndChild();
}

}  // namespace csc::app
