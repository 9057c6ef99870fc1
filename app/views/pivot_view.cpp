#include "views/pivot_view.hpp"

#include <imgui.h>

#include <cmath>

#include "query/pivot.hpp"
#include "util/text.hpp"

namespace csc::app {

namespace {

constexpr const char* kCallers[3] = {"pivot:rows", "pivot:columns", "pivot:overall"};


std::string Cell(const std::optional<double>& v) {
  if (!v) return "";
  const bool whole = std::floor(*v) == *v && std::abs(*v) < 1e15;
  return whole ? WithThousands(static_cast<long long>(*v)) : FormatMeasureValue(v);
}

std::string Label(const CodeLabels* labels, const std::string& dimension, const std::string& key) {
  return labels ? std::string(labels->Label(dimension, key)) : key;
}

}  // namespace

std::array<QueryText, 3> PivotTotalQueries(const QueryText& text) {
  std::vector<std::string> dims;
  for (std::string_view part : Split(text.by, ','))
    if (!Trim(part).empty()) dims.emplace_back(Trim(part));
  std::array<QueryText, 3> out;
  if (dims.size() != 2) return out;
  out.fill(text);
  out[0].by = dims[0];
  out[1].by = dims[1];
  out[2].by.clear();
  return out;
}

void DrawPivotView(QueryService& service, const QueryText& text, const QueryResult& cells, const CodeLabels* labels,
                   PivotViewState& s) {
  const auto queries = PivotTotalQueries(text);
  for (size_t i = 0; i < 3; ++i) {
    if (queries[i].table.empty()) return;
    const std::string key = QueryTextKey(queries[i]);
    if (key != s.submitted[i]) {
      s.submitted[i] = key;
      s.totals[i].reset();
      try {
        service.Submit(kCallers[i], ParseQueryText(queries[i]));
      } catch (const std::exception&) {
        return;  // the query panel shows the parse error
      }
    }
    if (auto reply = service.Poll(kCallers[i]); reply && reply->result) s.totals[i] = reply->result;
  }
  const Pivot p = BuildPivot(cells, s.totals[0].get(), s.totals[1].get(), s.totals[2].get());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  ImGui::Combo("##share", &s.share, "Counts\0Share of row (%)\0Share of column (%)\0");
  ImGui::SameLine();
  if (ImGui::Button("Copy")) ImGui::SetClipboardText(FormatPivotTsv(p).c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copy as tab-separated cells (pastes into Excel)");
  const int columns = static_cast<int>(p.column_keys.size()) + 2;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
  if (columns > 64 || !ImGui::BeginTable("pivot", columns, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn((p.row_dimension + " / " + p.column_dimension).c_str());
  for (const auto& c : p.column_keys) ImGui::TableSetupColumn(Label(labels, p.column_dimension, c).c_str());
  ImGui::TableSetupColumn("Total");
  ImGui::TableHeadersRow();
  const auto share = static_cast<PivotShare>(s.share);
  for (size_t r = 0; r < p.row_keys.size(); ++r) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(Label(labels, p.row_dimension, p.row_keys[r]).c_str());
    for (size_t c = 0; c < p.column_keys.size(); ++c) {
      ImGui::TableNextColumn();
      if (share == PivotShare::None) ImGui::TextUnformatted(Cell(p.cells[r][c]).c_str());
      else if (auto v = PivotShareOf(p, r, c, share)) ImGui::Text("%.1f%%", *v);
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(s.totals[0] ? Cell(p.row_totals[r]).c_str() : "...");
  }
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted("Total");
  for (const auto& v : p.column_totals) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(s.totals[1] ? Cell(v).c_str() : "...");
  }
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(s.totals[2] ? Cell(p.grand_total).c_str() : "...");
  ImGui::EndTable();
}

}  // namespace csc::app
