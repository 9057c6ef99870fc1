#include "views/query_panel.hpp"

#include <imgui.h>

#include <cmath>
#include <map>

#include "plot/bar_chart.hpp"
#include "query/query_parser.hpp"
#include "util/text.hpp"

namespace csc::app {

namespace {

QueryText TextOf(const std::vector<std::string>& tables, const QueryPanelState& s) {
  QueryText t;
  t.table = tables.empty() ? "" : tables[static_cast<size_t>(s.table) % tables.size()];
  for (std::string_view line : Split(s.where, '\n')) {
    line = Trim(line);
    if (!line.empty()) t.where.emplace_back(line);
  }
  t.period = std::string(Trim(s.period));
  t.count = std::string(Trim(s.count));
  t.by = std::string(Trim(s.by));
  t.measure = std::string(Trim(s.measure));
  return t;
}

std::string Key(const QueryText& t) {
  std::string k = t.table + "|" + t.period + "|" + t.count + "|" + t.by + "|" + t.measure;
  for (const auto& w : t.where) k += "|" + w;
  return k;
}

std::string KeyLabel(const CodeLabels* labels, const std::string& dimension, const std::string& key, bool with_code) {
  if (!labels) return key;
  return with_code ? labels->CodeAndLabel(dimension, key) : std::string(labels->Label(dimension, key));
}

void DrawResultTable(const QueryResult& r, const CodeLabels* labels) {
  const int columns = static_cast<int>(r.dimensions.size() + r.measures.size());
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY;
  if (columns == 0 || !ImGui::BeginTable("result", columns, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const auto& d : r.dimensions) ImGui::TableSetupColumn(d.c_str());
  for (const auto& m : r.measures) ImGui::TableSetupColumn(m.c_str());
  ImGui::TableHeadersRow();
  for (const auto& row : r.rows) {
    ImGui::TableNextRow();
    for (size_t i = 0; i < row.keys.size(); ++i) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(KeyLabel(labels, r.dimensions[i], row.keys[i], true).c_str());
    }
    for (const auto& v : row.values) {
      ImGui::TableNextColumn();
      const bool whole = v && std::floor(*v) == *v && std::abs(*v) < 1e15;
      ImGui::TextUnformatted(whole ? WithThousands(static_cast<long long>(*v)).c_str() : FormatMeasureValue(v).c_str());
    }
  }
  ImGui::EndTable();
}

// First dimension along x; the second (if any) as series; the first measure as height.
BarChartData ChartOf(const QueryResult& r, const CodeLabels* labels) {
  BarChartData c;
  c.value_label = r.measures.empty() ? "" : r.measures[0];
  c.title = c.value_label + (r.dimensions.empty() ? "" : " by ");
  for (size_t i = 0; i < r.dimensions.size(); ++i) c.title += (i ? " and " : "") + r.dimensions[i];
  const bool two = r.dimensions.size() >= 2;
  std::map<std::string, size_t> group_index, series_index;
  auto group_of = [&](const QueryResult::Row& row) {
    return row.keys.empty() ? std::string("all") : KeyLabel(labels, r.dimensions[0], row.keys[0], false);
  };
  auto series_of = [&](const QueryResult::Row& row) {
    std::string s;
    for (size_t i = 1; i < row.keys.size(); ++i) s += (i > 1 ? " / " : "") + KeyLabel(labels, r.dimensions[i], row.keys[i], false);
    return s;
  };
  for (const auto& row : r.rows) {
    const std::string g = group_of(row);
    const std::string s = series_of(row);
    if (!group_index.count(g)) group_index[g] = c.groups.size(), c.groups.push_back(g);
    if (!series_index.count(s)) series_index[s] = c.series.size(), c.series.push_back(s);
  }
  if (!two && !r.dimensions.empty() && r.dimensions[0] != "period") {
    // One categorical dimension: each bar its category's colour.
    c.series = c.groups;
    c.values.assign(c.groups.size(), std::vector<double>(c.series.size(), std::nan("")));
    for (size_t g = 0; g < r.rows.size(); ++g)
      c.values[g][g] = r.rows[g].values.empty() || !r.rows[g].values[0] ? std::nan("") : *r.rows[g].values[0];
    c.stacked = true;
    c.show_legend = false;  // the axis names the bars
    return c;
  }
  c.values.assign(c.groups.size(), std::vector<double>(c.series.size(), std::nan("")));
  for (const auto& row : r.rows) {
    c.values[group_index[group_of(row)]][series_index[series_of(row)]] = row.values.empty() || !row.values[0] ? std::nan("") : *row.values[0];
  }
  return c;
}

// Live: every edit that parses becomes a request; the previous answer stays on screen.
void SubmitAndPoll(QueryService& service, const std::vector<std::string>& tables, QueryPanelState& s) {
  const QueryText text = TextOf(tables, s);
  const std::string key = Key(text);
  if (key != s.submitted) {
    s.submitted = key;
    try {
      service.Submit(kQueryPanelCaller, ParseQueryText(text));
      s.parse_error.clear();
    } catch (const std::exception& e) {
      s.parse_error = e.what();
    }
  }
  if (auto reply = service.Poll(kQueryPanelCaller)) {
    s.error = reply->error;
    if (reply->result) s.result = reply->result;
    s.from_cache = reply->from_cache;
  }
}

}  // namespace

std::string DescribeQuery(const std::vector<std::string>& tables, const QueryPanelState& s) {
  const QueryText t = TextOf(tables, s);
  std::string d = t.table + ": " + (t.measure.empty() ? std::string("episodes") : t.measure);
  if (!t.by.empty()) d += " by " + t.by;
  if (!t.count.empty()) d += "; counted " + t.count;
  if (!t.period.empty()) d += "; " + t.period;
  for (size_t i = 0; i < t.where.size(); ++i) d += (i ? " and " : "; where ") + t.where[i];
  return d;
}

void DrawQueryPresentation(QueryService& service, const std::vector<std::string>& tables, const CodeLabels* labels,
                           QueryPanelState& s, int threshold) {
  if (tables.empty()) return;
  SubmitAndPoll(service, tables, s);
  ImGui::TextWrapped("%s", DescribeQuery(tables, s).c_str());
  if (!s.result) return;
  BarChartData chart = ChartOf(*s.result, labels);
  // Publication-safe: small counts are withheld, and so is any bar that would reveal them.
  size_t withheld = 0;
  for (auto& row : chart.values)
    for (double& v : row)
      if (std::isfinite(v) && v >= 1 && v <= threshold) v = std::nan(""), ++withheld;
  ImGui::Spacing();
  DrawBarChart("presentation", chart, ImGui::GetContentRegionAvail().y - ImGui::GetFontSize() * 2.5f);
  ImGui::TextDisabled("Counts of 1 to %d are not shown (%zu withheld). Source: %s.", threshold, withheld,
                      tables[static_cast<size_t>(s.table) % tables.size()].c_str());
}

void DrawQueryPanel(QueryService& service, const std::vector<std::string>& tables, const CodeLabels* labels,
                    QueryPanelState& s) {
  if (tables.empty()) {
    ImGui::TextDisabled("Load a dataset to query it.");
    return;
  }
  const float label_width = ImGui::GetFontSize() * 5;
  auto row_label = [&](const char* label) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(label_width);
    ImGui::SetNextItemWidth(-1);
  };
  std::vector<const char*> names;
  for (const auto& t : tables) names.push_back(t.c_str());
  row_label("Dataset");
  ImGui::Combo("##table", &s.table, names.data(), static_cast<int>(names.size()));
  row_label("Where");
  ImGui::InputTextMultiline("##where", s.where, sizeof s.where, ImVec2(-1, ImGui::GetTextLineHeight() * 3.5f));
  row_label("Period");
  ImGui::InputTextWithHint("##period", "fy:2010-11..2015-16   year:2013   month:2013-03", s.period, sizeof s.period);
  row_label("Count");
  ImGui::InputTextWithHint("##count", "open-at:31-03 | started | ceased | open-during", s.count, sizeof s.count);
  row_label("By");
  ImGui::InputTextWithHint("##by", "period, latest_category, age-band, ward:top10", s.by, sizeof s.by);
  row_label("Measure");
  ImGui::InputTextWithHint("##measure", "episodes, children, rate10k, share", s.measure, sizeof s.measure);

  SubmitAndPoll(service, tables, s);
  const bool busy = service.Busy(kQueryPanelCaller);
  if (!s.parse_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", s.parse_error.c_str());
  else if (!s.error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", s.error.c_str());
  else if (s.result)
    ImGui::TextDisabled("%s rows scanned, %s counted, %s%s", WithThousands(static_cast<long long>(s.result->rows_scanned)).c_str(),
                        WithThousands(static_cast<long long>(s.result->units_counted)).c_str(),
                        s.from_cache ? "from cache" : (std::to_string(static_cast<int>(s.result->seconds * 1000 + 0.5)) + " ms").c_str(),
                        busy ? " (updating...)" : "");
  if (!s.result) return;
  ImGui::Separator();
  DrawBarChart("chart", ChartOf(*s.result, labels), ImGui::GetFontSize() * 16);
  DrawResultTable(*s.result, labels);
}

}  // namespace csc::app
