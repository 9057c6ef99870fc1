#include "views/data_panel.hpp"

#include <imgui.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "util/text.hpp"

namespace csc::app {

namespace {

std::string Count(size_t n) { return WithThousands(static_cast<long long>(n)); }

std::string Megabytes(uint64_t bytes) { return FormatBytes(bytes); }

std::string FileName(const std::string& path) { return std::filesystem::path(path).filename().string(); }

void DrawJobs(DatasetLoads& loads, DataPanelState& state) {
  state.cancel_buttons.clear();
  for (size_t i = 0; i < loads.jobs().size(); ++i) {
    const LoadJob& job = loads.jobs()[i];
    const Progress& p = job.task->progress();
    ImGui::PushID(static_cast<int>(i));
    ImGui::TextUnformatted(("Loading " + FileName(job.path)).c_str());
    char overlay[128];
    const double eta = job.EtaSeconds();
    std::snprintf(overlay, sizeof overlay, "%s rows, %s of %s%s", Count(p.rows_done.load()).c_str(),
                  Megabytes(p.bytes_done.load()).c_str(), Megabytes(p.bytes_total.load()).c_str(),
                  eta >= 0 ? (", about " + std::to_string(static_cast<int>(eta + 0.5)) + " s left").c_str() : "");
    ImGui::ProgressBar(static_cast<float>(p.Fraction()), ImVec2(-ImGui::GetFontSize() * 7, 0), overlay);
    ImGui::SameLine();
    ImGui::BeginDisabled(job.task->cancel_requested());
    if (ImGui::Button("Cancel")) loads.Cancel(i);
    state.cancel_buttons.push_back({ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
    ImGui::EndDisabled();
    ImGui::PopID();
  }
}

void DrawColumns(const Table& table, const std::vector<size_t>& distinct) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("columns", 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Column", ImGuiTableColumnFlags_WidthStretch, 3);
  for (const char* name : {"Type", "Nulls", "Distinct", "Memory"}) ImGui::TableSetupColumn(name);
  ImGui::TableHeadersRow();
  for (size_t c = 0; c < table.num_columns(); ++c) {
    const Column& col = table.column(c);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(table.column_name(c).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(std::string(ToString(col.type())).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(Count(col.null_count()).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(c < distinct.size() ? Count(distinct[c]).c_str() : "");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(Megabytes(col.MemoryBytes()).c_str());
  }
  ImGui::EndTable();
}

void DrawRejects(const LoadReport& report) {
  if (report.rejects.empty()) {
    ImGui::TextDisabled("Every data row was loaded.");
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("rejects", 3, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Line", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5);
  ImGui::TableSetupColumn("Reason", ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn("Row as written", ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(report.rejects.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const RejectedRow& r = report.rejects[static_cast<size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%zu", r.line);
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", r.reason.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.text.c_str());
    }
  ImGui::EndTable();
}

void DrawWarnings(const LoadReport& report) {
  if (report.warnings.empty()) {
    ImGui::TextDisabled("Every cell parsed as its column's type.");
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("warnings", 4, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const char* name : {"Line", "Column", "Value", "Problem"}) ImGui::TableSetupColumn(name);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(report.warnings.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const CellWarning& w = report.warnings[static_cast<size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%zu", w.line);
      ImGui::TableNextColumn();
      ImGui::Text("%zu %s", w.column, w.column_name.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(w.value.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(w.reason.c_str());
    }
  ImGui::EndTable();
}

}  // namespace

void DrawDataPanel(DatasetLoads& loads, DataPanelState& state) {
  DrawJobs(loads, state);
  for (const auto& failure : loads.failures())
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", failure.c_str());
  if (!loads.failures().empty() && ImGui::SmallButton("Dismiss")) loads.DismissFailures();

  const auto& files = loads.loaded();
  if (files.empty()) {
    if (!loads.busy()) ImGui::TextDisabled("No data loaded. Drop CSV files on this window or use File > Open.");
    return;
  }
  if (state.selected >= files.size()) state.selected = files.size() - 1;

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("files", 9, flags)) {
    ImGui::TableSetupColumn("File", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Recognised as", ImGuiTableColumnFlags_WidthStretch, 2);
    for (const char* name : {"Rows read", "Loaded", "Rejected", "Cell warnings", "Columns", "Memory", "Load"})
      ImGui::TableSetupColumn(name);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < files.size(); ++i) {
      const LoadReport& r = files[i].result.report;
      const Table& t = *files[i].result.table;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (ImGui::Selectable(FileName(files[i].path).c_str(), state.selected == i, ImGuiSelectableFlags_SpanAllColumns))
        state.selected = i;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", files[i].path.c_str());
      ImGui::TableNextColumn();
      const Recognition& rec = files[i].recognition;
      if (rec.format == SourceFormat::Unrecognised) ImGui::TextDisabled("not recognised");
      else ImGui::Text("%s (%s)", std::string(KindName(rec.kind)).c_str(), std::string(FormatName(rec.format)).c_str());
      if (!files[i].snapshot.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("from %s", FileName(files[i].snapshot).c_str());
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(Count(r.rows_read).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(Count(r.rows_loaded).c_str());
      ImGui::TableNextColumn();
      if (r.rows_rejected) ImGui::TextColored(ImVec4(0.8f, 0.35f, 0.0f, 1), "%s", Count(r.rows_rejected).c_str());
      else ImGui::TextUnformatted("0");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(Count(r.cell_warnings).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(Count(t.num_columns()).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(Megabytes(t.MemoryBytes()).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%.2f s", r.seconds);
    }
    ImGui::EndTable();
  }

  const LoadedFile& file = files[state.selected];
  const LoadReport& report = file.result.report;
  ImGui::Spacing();
  ImGui::Text("%s: %s encoding, '%s' delimited, %s rows read = %s loaded + %s rejected, %.0f MB/s",
              FileName(file.path).c_str(), file.result.table->provenance().encoding.c_str(),
              file.result.table->provenance().delimiter == '\t' ? "tab"
                                                                : std::string(1, file.result.table->provenance().delimiter).c_str(),
              Count(report.rows_read).c_str(), Count(report.rows_loaded).c_str(), Count(report.rows_rejected).c_str(),
              report.MegabytesPerSecond());
  for (const auto& note : report.notes)
    if (note.rfind("encoding:", 0) != 0) ImGui::TextDisabled("%s", note.c_str());
  if (ImGui::BeginTabBar("details")) {
    if (ImGui::BeginTabItem("Columns")) {
      DrawColumns(*file.result.table, file.distinct);
      ImGui::EndTabItem();
    }
    const std::string rejects = "Rejected rows (" + Count(report.rows_rejected) + ")###rejects";
    if (ImGui::BeginTabItem(rejects.c_str())) {
      DrawRejects(report);
      ImGui::EndTabItem();
    }
    const std::string warnings = "Cell warnings (" + Count(report.cell_warnings) + ")###warnings";
    if (ImGui::BeginTabItem(warnings.c_str())) {
      DrawWarnings(report);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
}

}  // namespace csc::app
