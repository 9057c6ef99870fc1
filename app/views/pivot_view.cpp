#include "views/pivot_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "query/pivot.hpp"
#include "query/pivot_groups.hpp"
#include "ui/item_probe.hpp"
#include "util/text.hpp"
#include "views/table_sort.hpp"

namespace csc::app {

namespace {

std::string Cell(const std::optional<double>& v) {
  if (!v) return "";
  const bool whole = std::floor(*v) == *v && std::abs(*v) < 1e15;
  return whole ? WithThousands(static_cast<long long>(*v)) : FormatMeasureValue(v);
}

std::string Label(const CodeLabels* labels, const std::string& dimension, const std::string& key) {
  return labels ? std::string(labels->Label(dimension, key)) : key;
}

// What a total counts: its own query, so distinct children are counted once, never summed.
std::string TotalLabel(const Pivot& p) {
  return p.measure.rfind("children", 0) == 0 ? "Total (each child once)" : "Total " + p.measure;
}

// Asks each total query (keyed by data and text) and takes what landed; false while one does
// not parse.
bool SubmitTotals(QueryService& service, const std::vector<QueryText>& queries, PivotViewState& s) {
  s.live.resize(queries.size());
  s.totals.assign(queries.size(), nullptr);
  bool parsed = true;
  for (size_t i = 0; i < queries.size(); ++i) {
    s.live[i].SetCaller("pivot:" + std::to_string(i));
    s.live[i].Ask(service, queries[i]);
    if (s.live[i].status() == LiveStatus::Ready) s.totals[i] = s.live[i].result();
    parsed = parsed && !s.live[i].failed();
  }
  return parsed;  // the query panel shows the error
}

// What the view links with the others: the highlighted label and where to name a hover.
struct Linked {
  std::string highlighted;
  HoverState* hover = nullptr;
  ImU32 tint = 0;
};

// The header clicked to sort by: -1 none (the result's order), else the table's column.
struct PivotSort {
  int column = -1;
  bool descending = false;
};

// A block's rows in the order `sorted_by` (a column of the block: 0 the row label, then the
// categories, then the row total) asks; totals rows are not rows here, so they stay last.
std::vector<size_t> RowOrder(const Pivot& p, const CodeLabels* labels, PivotShare share, int sorted_by, bool descending) {
  std::vector<size_t> order(p.row_keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (sorted_by < 0) return order;
  const size_t column = static_cast<size_t>(sorted_by);
  if (column == 0) {
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const int c = CompareCells(Label(labels, p.row_dimension, p.row_keys[a]), Label(labels, p.row_dimension, p.row_keys[b]));
      return descending ? c > 0 : c < 0;
    });
    return order;
  }
  // As shown: a share when shares are shown, else the count.
  auto value = [&](size_t r) -> std::optional<double> {
    if (column > p.column_keys.size()) return r < p.row_totals.size() ? p.row_totals[r] : std::nullopt;
    const size_t c = column - 1;
    if (share != PivotShare::None) return PivotShareOf(p, r, c, share);
    return c < p.cells[r].size() ? p.cells[r][c] : std::nullopt;
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return LessValue(value(a), value(b), descending); });
  return order;
}

// One block of rows: a label in the group column (first row only), the cells, the row total,
// then the block's totals row. `ready` says whether the row, column and overall totals landed.
void DrawBlock(const Pivot& p, const std::string& group, const CodeLabels* labels, PivotShare share,
               const std::array<bool, 3>& ready, bool grouped, const Linked& linked, const std::vector<size_t>& order) {
  std::vector<std::string> column_labels;
  for (const auto& c : p.column_keys) column_labels.push_back(Label(labels, p.column_dimension, c));
  const int first_cell = grouped ? 2 : 1;
  auto tint_column = [&](size_t c) {
    if (!linked.highlighted.empty() && column_labels[c] == linked.highlighted)
      ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, linked.tint, first_cell + static_cast<int>(c));
  };
  for (size_t shown = 0; shown < order.size(); ++shown) {
    const size_t r = order[shown];
    ImGui::TableNextRow();
    if (grouped) {
      ImGui::TableNextColumn();
      if (shown == 0) ImGui::TextUnformatted(group.c_str());
    }
    ImGui::TableNextColumn();
    // The row label spans the row, so the whole row hovers (and shows highlighted) as one.
    const std::string row_label = Label(labels, p.row_dimension, p.row_keys[r]);
    ImGui::PushID(static_cast<int>(r));
    ImGui::Selectable(row_label.c_str(), !linked.highlighted.empty() && row_label == linked.highlighted,
                      ImGuiSelectableFlags_SpanAllColumns);
    if (ItemProbeEnabled()) ProbeLastItem("pivot:" + group + ":" + row_label);
    if (linked.hover && ImGui::IsItemHovered()) linked.hover->Hover(row_label);
    ImGui::PopID();
    for (size_t c = 0; c < p.column_keys.size(); ++c) {
      ImGui::TableNextColumn();
      tint_column(c);
      if (share == PivotShare::None) ImGui::TextUnformatted(Cell(p.cells[r][c]).c_str());
      else if (auto v = PivotShareOf(p, r, c, share)) ImGui::Text("%.1f%%", *v);
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(ready[0] ? Cell(p.row_totals[r]).c_str() : "...");
  }
  ImGui::TableNextRow();
  if (grouped) {
    ImGui::TableNextColumn();
    if (p.row_keys.empty()) ImGui::TextUnformatted(group.c_str());
  }
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", grouped ? (group + " total").c_str() : TotalLabel(p).c_str());
  for (size_t c = 0; c < p.column_totals.size(); ++c) {
    ImGui::TableNextColumn();
    tint_column(c);
    ImGui::TextUnformatted(ready[1] ? Cell(p.column_totals[c]).c_str() : "...");
  }
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(ready[2] ? Cell(p.grand_total).c_str() : "...");
}

bool BeginPivotTable(const Pivot& columns_of, bool grouped, const std::string& group_dimension, const CodeLabels* labels,
                     const Linked& linked, PivotSort& sort) {
  const int columns = static_cast<int>(columns_of.column_keys.size()) + (grouped ? 3 : 2);
  // Tristate: until a header is clicked the rows keep the result's order.
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate;
  if (columns > 64 || !ImGui::BeginTable("pivot", columns, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return false;
  ImGui::TableSetupScrollFreeze(grouped ? 2 : 1, 1);
  std::vector<std::string> headers;
  if (grouped) headers.push_back(group_dimension);
  headers.push_back(columns_of.row_dimension + " / " + columns_of.column_dimension);
  for (const auto& c : columns_of.column_keys) headers.push_back(Label(labels, columns_of.column_dimension, c));
  headers.push_back(TotalLabel(columns_of));
  for (const auto& h : headers) ImGui::TableSetupColumn(h.c_str());
  if (const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
    sort.column = specs->Specs[0].ColumnIndex;
    sort.descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
  }
  // Headers one by one, so a column's header names its category when hovered.
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  const size_t first_cell = grouped ? 2 : 1;
  for (size_t i = 0; i < headers.size(); ++i) {
    ImGui::TableSetColumnIndex(static_cast<int>(i));
    const bool category = i >= first_cell && i + 1 < headers.size();
    if (category && !linked.highlighted.empty() && headers[i] == linked.highlighted)
      ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, linked.tint, static_cast<int>(i));
    ImGui::TableHeader(headers[i].c_str());
    if (ItemProbeEnabled()) ProbeLastItem("header:" + headers[i]);
    if (category && linked.hover && ImGui::IsItemHovered()) linked.hover->Hover(headers[i]);
  }
  return true;
}

}  // namespace

void PivotViewState::Stop(QueryService& service) {
  for (auto& l : live) l.Stop(service);
  totals.assign(totals.size(), nullptr);
}

std::vector<QueryText> PivotTotalQueries(const QueryText& text) {
  std::vector<std::string> dims;
  for (std::string_view part : Split(text.by, ','))
    if (!Trim(part).empty()) dims.emplace_back(Trim(part));
  auto by = [&](std::initializer_list<size_t> which) {
    QueryText t = text;
    t.by.clear();
    for (size_t i : which) t.by += (t.by.empty() ? "" : ", ") + dims[i];
    return t;
  };
  if (dims.size() == 2) return {by({0}), by({1}), by({})};
  if (dims.size() == 3) return {by({0, 1}), by({0, 2}), by({0}), by({1, 2}), by({1}), by({2}), by({})};
  return {};
}

void DrawPivotView(QueryService& service, const QueryText& text, const QueryResult& cells, const CodeLabels* labels,
                   PivotViewState& s, HoverState* hover, DescribedTable* described) {
  const auto queries = PivotTotalQueries(text);
  if (queries.empty() || queries.size() != (cells.dimensions.size() == 3 ? 7u : 3u)) return;
  if (!SubmitTotals(service, queries, s)) return;
  const bool grouped = cells.dimensions.size() == 3;
  std::vector<const QueryResult*> totals;
  for (const auto& t : s.totals) totals.push_back(t.get());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  ImGui::Combo("##share", &s.share, "Counts\0Share of row (%)\0Share of column (%)\0");
  ImGui::SameLine();
  const bool copy = ImGui::Button("Copy");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copy as tab-separated cells (pastes into Excel)");
  const auto share = static_cast<PivotShare>(s.share);
  Linked linked;
  if (hover) linked.highlighted = hover->highlighted(), linked.hover = hover;
  linked.tint = ImGui::GetColorU32(ImGuiCol_HeaderHovered);
  if (!grouped) {
    const Pivot p = BuildPivot(cells, totals[0], totals[1], totals[2]);
    if (copy) ImGui::SetClipboardText(FormatPivotTsv(p).c_str());
    PivotSort sort;
    const bool open = BeginPivotTable(p, false, "", labels, linked, sort);
    const std::vector<size_t> order = RowOrder(p, labels, share, sort.column, sort.descending);
    if (described) {  // as drawn: counts, "..." for a total still updating
      described->title = "Cross-table";
      described->columns = {p.row_dimension + " / " + p.column_dimension};
      for (const auto& c : p.column_keys) described->columns.push_back(Label(labels, p.column_dimension, c));
      described->columns.push_back(TotalLabel(p));
      for (const size_t r : order) {
        std::vector<std::string> row{Label(labels, p.row_dimension, p.row_keys[r])};
        for (const auto& v : p.cells[r]) row.push_back(Cell(v));
        row.push_back(totals[0] ? Cell(p.row_totals[r]) : "...");
        described->rows.push_back(std::move(row));
      }
      std::vector<std::string> total_row{"Total"};
      for (const auto& v : p.column_totals) total_row.push_back(totals[1] ? Cell(v) : "...");
      total_row.push_back(totals[2] ? Cell(p.grand_total) : "...");
      described->rows.push_back(std::move(total_row));
    }
    if (!open) return;
    DrawBlock(p, "", labels, share, {totals[0] != nullptr, totals[1] != nullptr, totals[2] != nullptr}, false, linked, order);
    ImGui::EndTable();
    return;
  }
  const PivotGroups p = BuildPivotGroups(cells, totals);
  if (copy) ImGui::SetClipboardText(FormatPivotGroupsTsv(p).c_str());
  PivotSort sort;
  if (!BeginPivotTable(p.all, true, p.group_dimension, labels, linked, sort)) return;
  // The group column sorts the blocks; any other column sorts the rows within each block
  // (the "All" block stays last, as each block's totals row does).
  std::vector<size_t> groups(p.groups.size());
  for (size_t g = 0; g < groups.size(); ++g) groups[g] = g;
  if (sort.column == 0)
    std::stable_sort(groups.begin(), groups.end(), [&](size_t a, size_t b) {
      const int c = CompareCells(Label(labels, p.group_dimension, p.group_keys[a]), Label(labels, p.group_dimension, p.group_keys[b]));
      return sort.descending ? c > 0 : c < 0;
    });
  const int within = sort.column >= 1 ? sort.column - 1 : -1;
  const std::array<bool, 3> group_ready{totals[kGroupRows] != nullptr, totals[kGroupColumns] != nullptr,
                                        totals[kGroupOverall] != nullptr};
  for (const size_t g : groups) {
    ImGui::PushID(static_cast<int>(g));
    DrawBlock(p.groups[g], Label(labels, p.group_dimension, p.group_keys[g]), labels, share, group_ready, true, linked,
              RowOrder(p.groups[g], labels, share, within, sort.descending));
    ImGui::PopID();
  }
  ImGui::PushID("all");
  DrawBlock(p.all, "All", labels, share,
            {totals[kAllRows] != nullptr, totals[kAllColumns] != nullptr, totals[kAllOverall] != nullptr}, true, linked,
            RowOrder(p.all, labels, share, within, sort.descending));
  ImGui::PopID();
  ImGui::EndTable();
}

}  // namespace csc::app
