#include "views/period_compare_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "plot/value_format.hpp"
#include "query/field_labels.hpp"
#include "ui/item_probe.hpp"
#include "views/query_panel.hpp"

namespace csc::app {

namespace {

std::string GroupLabel(const PeriodComparison& c, const PeriodComparisonRow& row, const CodeLabels* labels) {
  if (row.keys.empty()) return "All";
  std::string s;
  for (size_t i = 0; i < row.keys.size(); ++i)
    s += (i ? " / " : "") + (labels ? std::string(labels->Label(c.dimensions[i], row.keys[i])) : row.keys[i]);
  return s;
}

// The base defaults to the period before the compared one, the compared one to the last.
void Defaults(const std::vector<std::string>& periods, std::string& base, std::string& current) {
  const auto has = [&](const std::string& p) { return std::find(periods.begin(), periods.end(), p) != periods.end(); };
  if (!has(current)) current = periods.back();
  if (!has(base) || base == current) {
    const auto at = std::find(periods.begin(), periods.end(), current);
    base = at == periods.begin() ? periods[1] : *(at - 1);
  }
}

bool PeriodList(const char* id, std::string& value, const std::vector<std::string>& periods) {
  bool changed = false;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  const bool open = ImGui::BeginCombo((std::string("##") + id).c_str(), value.c_str());
  if (ItemProbeEnabled()) ProbeLastItem(std::string("compare:") + id);
  if (!open) return false;
  for (const auto& p : periods) {
    if (ImGui::Selectable(p.c_str(), p == value) && p != value) value = p, changed = true;
    if (ItemProbeEnabled()) ProbeLastItem(std::string("compare:") + id + ":" + p);
  }
  ImGui::EndCombo();
  return changed;
}

std::string Signed(double v, int decimals) {
  const std::string s = FormatValue(std::fabs(v), decimals);
  return v > 0 ? "+" + s : v < 0 ? "-" + s : s;
}

}  // namespace

void DrawCompareControls(const QueryResult& result, QueryPanelState& s) {
  const std::vector<std::string> periods = PeriodsOf(result);
  if (periods.size() < 2) return;
  bool on = s.compare_on;
  if (ImGui::Checkbox("Compare periods", &on)) {
    s.compare_on = on;
    if (on) Defaults(periods, s.compare_base, s.compare_current);
  }
  if (ItemProbeEnabled()) ProbeLastItem("compare:toggle");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show one period against a base period: change and %% change per group");
  if (!s.compare_on) return;
  std::string base = s.compare_base, current = s.compare_current;
  Defaults(periods, base, current);
  ImGui::SameLine();
  if (PeriodList("current", current, periods)) s.compare_current = current;
  ImGui::SameLine();
  ImGui::TextDisabled("against");
  ImGui::SameLine();
  if (PeriodList("base", base, periods)) s.compare_base = base;
  if (current == base) ImGui::TextDisabled("Pick two different periods.");
}

std::optional<PeriodComparison> ActiveComparison(const QueryResult& result, const QueryPanelState& s,
                                                 const std::vector<std::vector<bool>>* withheld) {
  if (!s.compare_on) return std::nullopt;
  const std::vector<std::string> periods = PeriodsOf(result);
  if (periods.size() < 2) return std::nullopt;
  std::string base = s.compare_base, current = s.compare_current;
  Defaults(periods, base, current);
  if (base == current) return std::nullopt;
  return ComparePeriods(result, 0, base, current, withheld);
}

ChartData ComparisonChart(const PeriodComparison& c, const CodeLabels* labels) {
  ChartData chart;
  chart.value_label = c.measure;
  std::string title = c.measure + ", " + c.current_period + " against " + c.base_period;
  for (size_t i = 0; i < c.dimensions.size(); ++i) {
    std::string words = DimensionLabel(c.dimensions[i]);  // mid-sentence: "by latest category"
    if (words.size() > 1 && std::islower(static_cast<unsigned char>(words[1])))
      words[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(words[0])));
    title += (i ? " and " : " by ") + words;
  }
  title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
  chart.title = title;
  chart.series = {c.base_period, c.current_period};
  for (const auto& row : c.rows) {
    chart.groups.push_back(GroupLabel(c, row, labels));
    chart.group_keys.push_back(row.keys.size() == 1 ? row.keys[0] : "");
    chart.values.push_back({row.base ? *row.base : std::nan(""), row.current ? *row.current : std::nan("")});
    chart.withheld.push_back({row.base_withheld, row.current_withheld});
  }
  return chart;
}

void DrawComparisonTable(const PeriodComparison& c, const CodeLabels* labels, DescribedTable* described) {
  std::vector<std::string> columns;
  for (const auto& d : c.dimensions) columns.push_back(DimensionLabel(d));
  if (columns.empty()) columns.push_back("");
  const size_t first_value = columns.size();
  columns.insert(columns.end(), {c.base_period, c.current_period, "Change", "% change"});
  // One number of decimals for both periods and the change, as the chart labels them.
  ChartData values;
  for (const auto& row : c.rows) values.values.push_back({row.base.value_or(0), row.current.value_or(0)});
  const int decimals = ValueDecimals(values);
  auto cell = [&](const std::optional<double>& v, bool hidden) { return hidden ? std::string("c") : v ? FormatValue(*v, decimals) : ""; };
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : c.rows) {
    std::vector<std::string> r;
    if (row.keys.empty()) r.push_back("All");
    for (size_t i = 0; i < row.keys.size(); ++i)
      r.push_back(labels ? labels->CodeAndLabel(c.dimensions[i], row.keys[i]) : row.keys[i]);
    r.push_back(cell(row.base, row.base_withheld));
    r.push_back(cell(row.current, row.current_withheld));
    r.push_back(row.withheld() ? "c" : row.change ? Signed(*row.change, decimals) : "");
    r.push_back(row.withheld() ? "c" : row.percent ? Signed(*row.percent, 1) + "%" : "");
    rows.push_back(std::move(r));
  }
  if (described) {
    described->title = "Comparison";
    described->columns = columns;
    described->rows = rows;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("comparison", static_cast<int>(columns.size()), flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const auto& col : columns) ImGui::TableSetupColumn(col.c_str());
  ImGui::TableHeadersRow();
  for (const auto& r : rows) {
    ImGui::TableNextRow();
    for (size_t i = 0; i < r.size(); ++i) {
      ImGui::TableNextColumn();
      // A rise and a fall read apart at a glance; neither is "good" without the indicator.
      if (i >= first_value + 2 && !r[i].empty() && r[i] != "c")
        ImGui::TextColored(r[i][0] == '+' ? ImVec4(0.0f, 0.45f, 0.70f, 1) : r[i][0] == '-' ? ImVec4(0.80f, 0.40f, 0.0f, 1)
                                                                                          : ImGui::GetStyleColorVec4(ImGuiCol_Text),
                           "%s", r[i].c_str());
      else
        ImGui::TextUnformatted(r[i].c_str());
    }
  }
  ImGui::EndTable();
}

}  // namespace csc::app
