#include "views/query_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "indicators/dashboard.hpp"
#include "plot/draw_chart.hpp"
#include "views/pivot_view.hpp"
#include "views/publication.hpp"
#include "query/describe_query.hpp"
#include "query/where_edit.hpp"
#include "query/query_parser.hpp"
#include "ui/item_probe.hpp"
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
  if (!Trim(s.link).empty()) t.links.emplace_back(Trim(s.link));
  return t;
}


std::string KeyLabel(const CodeLabels* labels, const std::string& dimension, const std::string& key, bool with_code) {
  if (!labels) return key;
  return with_code ? labels->CodeAndLabel(dimension, key) : std::string(labels->Label(dimension, key));
}

std::string FormatResultTsv(const QueryResult& r) {
  if (r.dimensions.empty() && r.measures.empty()) return "";
  std::string s;
  for (const auto& d : r.dimensions) s += d + "\t";
  for (const auto& m : r.measures) s += m + "\t";
  s.back() = '\n';
  for (const auto& row : r.rows) {
    for (const auto& k : row.keys) s += k + "\t";
    for (const auto& v : row.values) s += FormatMeasureValue(v) + "\t";
    s.back() = '\n';
  }
  return s;
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

}  // namespace

ChartData ChartOf(const QueryResult& r, const CodeLabels* labels) {
  ChartData c;
  c.value_label = r.measures.empty() ? "" : r.measures[0];
  // "Children by period and latest category": words, not column names.
  auto words = [](std::string s) {
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
  };
  c.title = words(c.value_label) + (r.dimensions.empty() ? "" : " by ");
  for (size_t i = 0; i < r.dimensions.size(); ++i) c.title += (i ? " and " : "") + words(r.dimensions[i]);
  if (!c.title.empty()) c.title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(c.title[0])));
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
    if (!group_index.count(g)) {
      group_index[g] = c.groups.size(), c.groups.push_back(g);
      c.group_keys.push_back(row.keys.empty() ? "" : row.keys[0]);
    }
    if (!series_index.count(s)) {
      series_index[s] = c.series.size(), c.series.push_back(s);
      c.series_keys.push_back(row.keys.size() == 2 ? row.keys[1] : "");
    }
  }
  if (!two && !r.dimensions.empty() && r.dimensions[0] != "period") {
    // One categorical dimension: each bar its category's colour.
    c.series = c.groups;
    c.series_keys = c.group_keys;
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

namespace {

ChartKind ResolveKind(const QueryResult& r, ChartKind kind) {
  return ResolveChartKind(kind, !r.dimensions.empty() && r.dimensions[0] == "period", r.rows.size());
}

// A dimension can be filtered by clicking when it is a coded column of the table.
bool Filterable(const Table* table, const std::string& dimension) {
  const Column* c = table ? table->ColumnByName(dimension) : nullptr;
  return c && (c->type() == ColumnType::Category || c->type() == ColumnType::Text || c->type() == ColumnType::Int);
}

// Clicks on marks and legend entries become filters (Ctrl adds); right-click on a legend
// entry hides or shows its series.
void ApplyPending(QueryPanelState& s) {
  std::string where = s.where;
  for (const std::string& key : s.pending_keys) where = ClickValue(where, s.pending_column, key, true);
  std::snprintf(s.where, sizeof s.where, "%s", where.c_str());
  s.pending_column.clear();
  s.pending_keys.clear();
  s.pending_labels.clear();
}

void CrossFilter(const QueryResult& r, const ChartData& chart, const ChartHover& hover, const Table* table,
                 QueryPanelState& s) {
  const bool ctrl = ImGui::GetIO().KeyCtrl;
  if (!ctrl && !s.pending_keys.empty()) ApplyPending(s);
  if (hover.legend >= 0 && ImGui::IsMouseClicked(1)) {
    const std::string& name = chart.series[static_cast<size_t>(hover.legend)];
    if (!s.hidden_series.erase(name)) s.hidden_series.insert(name);
    return;
  }
  if (!hover.clicked) return;
  std::string column, key, label;
  const bool one_bar_per_category = !chart.show_legend;
  if (hover.legend >= 0 && r.dimensions.size() >= 2) {
    column = r.dimensions[1], key = chart.series_keys[static_cast<size_t>(hover.legend)];
    label = chart.series[static_cast<size_t>(hover.legend)];
  } else if (hover.group >= 0 && (one_bar_per_category || r.dimensions.size() == 1) && !r.dimensions.empty()) {
    column = r.dimensions[0], key = chart.group_keys[static_cast<size_t>(hover.group)];
    label = chart.groups[static_cast<size_t>(hover.group)];
  } else if (hover.group >= 0 && r.dimensions.size() == 2) {
    // Periods along x: the series is what a click means; otherwise the group.
    const bool by_series = !Filterable(table, r.dimensions[0]);
    column = r.dimensions[by_series ? 1 : 0];
    key = by_series ? chart.series_keys[static_cast<size_t>(hover.series)] : chart.group_keys[static_cast<size_t>(hover.group)];
    label = by_series ? chart.series[static_cast<size_t>(hover.series)] : chart.groups[static_cast<size_t>(hover.group)];
  }
  if (column.empty() || !Filterable(table, column)) return;
  if (ctrl) {
    if (s.pending_column != column) {
      s.pending_column = column;
      s.pending_keys.clear();
      s.pending_labels.clear();
    }
    const auto it = std::find(s.pending_keys.begin(), s.pending_keys.end(), key);
    if (it == s.pending_keys.end()) {
      s.pending_keys.push_back(key);
      s.pending_labels.push_back(label);
    } else {  // a second Ctrl+click takes it back
      s.pending_labels.erase(s.pending_labels.begin() + (it - s.pending_keys.begin()));
      s.pending_keys.erase(it);
    }
    return;
  }
  s.pending_keys.clear();
  s.pending_labels.clear();
  const std::string where = ClickValue(s.where, column, key, false);
  std::snprintf(s.where, sizeof s.where, "%s", where.c_str());
}

// A trend (lines) can be read as a stacked area instead: one click, next to the chart choice.
void DrawAreaToggle(QueryPanelState& s) {
  const ChartKind resolved = s.result ? ResolveKind(*s.result, s.chart) : s.chart;
  if (resolved != ChartKind::Lines && resolved != ChartKind::Area) return;
  bool area = resolved == ChartKind::Area;
  if (ImGui::Checkbox("Stacked area", &area)) s.chart = area ? ChartKind::Area : ChartKind::Lines;
  if (ItemProbeEnabled()) ProbeLastItem("toggle:stacked-area");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Draw the trend as stacked areas (the top edge is each period's total)");
  ImGui::SameLine();
}

// Live: every edit that parses becomes a request; the previous answer stays on screen.
void SubmitAndPoll(QueryService& service, const std::vector<std::string>& tables, QueryPanelState& s) {
  const QueryText text = TextOf(tables, s);
  const std::string key = QueryTextKey(text);
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

std::string FilterSentence(const std::vector<std::string>& tables, const CodeLabels* labels, const QueryPanelState& s) {
  try {
    return DescribeFilters(TextOf(tables, s), labels);
  } catch (const std::exception&) {
    return DescribeQuery(tables, s);  // mid-edit: say what was typed
  }
}

void SubmitQuery(QueryService& service, const std::vector<std::string>& tables, QueryPanelState& state) {
  if (!tables.empty()) SubmitAndPoll(service, tables, state);
}

void DrawQueryPresentation(QueryService& service, const std::vector<std::string>& tables, const CodeLabels* labels,
                           QueryPanelState& s, int threshold) {
  if (tables.empty()) return;
  // Public meeting: only the disclosure-controlled answer is ever drawn.
  SubmitPublished(service, kPresentationCaller, TextOf(tables, s), s.published);
  ImGui::TextWrapped("%s", FilterSentence(tables, labels, s).c_str());
  if (!s.published.error.empty()) {
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", s.published.error.c_str());
    return;
  }
  size_t hidden = 0;
  const auto safe = PublishedForChart(s.published, threshold, &hidden);
  if (!safe) return;
  ChartData chart = ChartOf(*safe, labels);
  chart.group_keys.clear(), chart.series_keys.clear();  // nothing to click on a projector
  for (const auto& name : chart.series) chart.hidden_series.push_back(s.hidden_series.count(name) > 0);
  chart.gaps_withheld = safe->dimensions.size() == 1;  // one dimension: every gap is a withheld figure
  ImGui::Spacing();
  DrawChart("presentation", chart, ResolveKind(*safe, s.chart), ImGui::GetContentRegionAvail().y - ImGui::GetFontSize() * 2.5f);
  ImGui::TextDisabled("%s (%zu withheld). Source: %s.", PublishedFootnote(threshold).c_str(), hidden,
                      tables[static_cast<size_t>(s.table) % tables.size()].c_str());
}

QueryText PanelQueryText(const std::vector<std::string>& tables, const QueryPanelState& state) { return TextOf(tables, state); }

void ApplyPreset(const Table* table, QueryPanelState& s, ChartPreset preset) {
  // The published tables count plans by their latest category, so that comes first.
  std::string category = "ward";
  if (table)
    for (const char* wanted : {"latest_category", "category"}) {
      for (size_t i = 0; i < table->num_columns() && category == "ward"; ++i) {
        const std::string& name = table->column_name(i);
        if (table->column(i).type() == ColumnType::Category && name.find(wanted) != std::string::npos) category = name;
      }
    }
  auto set = [&](const std::string& by, const std::string& measure, ChartKind kind) {
    std::snprintf(s.by, sizeof s.by, "%s", by.c_str());
    std::snprintf(s.measure, sizeof s.measure, "%s", measure.c_str());
    s.chart = kind;
  };
  switch (preset) {
    case ChartPreset::TrendByCategory: set("period, " + category, "children", ChartKind::Lines); break;
    case ChartPreset::Breakdown: set(category, "children, share", ChartKind::Bars); break;
    case ChartPreset::AgeProfile: set("age", "children", ChartKind::Bars); break;
    case ChartPreset::AgeSexPyramid: set("age, sex", "children", ChartKind::Pyramid); break;
    case ChartPreset::WardRanking: set("ward", "children", ChartKind::Ranking); break;
    case ChartPreset::WardRate: set("ward", "rate10k, children", ChartKind::Ranking); break;
    case ChartPreset::MonthlyXmr:
      set("period", "episodes", ChartKind::Xmr);
      std::snprintf(s.count, sizeof s.count, "started");
      // The last three financial years the data covers, month by month (a control chart
      // needs 20 or more points to say anything).
      if (table) {
        Catalog one;
        one.Add("t", TablePtr(table, [](const Table*) {}));
        const auto years = FinancialYearsCovered(one);
        if (!years.empty()) {
          const int last = std::stoi(years.back().substr(0, 4));
          std::snprintf(s.period, sizeof s.period, "month:%d-04..%d-03", last - 2, last + 1);
        }
      }
      break;
  }
}

void ApplyStartingQuestion(const Table* table, QueryPanelState& s) {
  if (s.started || !table) return;
  s.started = true;
  if (*s.where || *s.period || *s.by || *s.link) return;
  Catalog one;
  one.Add("t", TablePtr(table, [](const Table*) {}));
  const auto years = FinancialYearsCovered(one);
  if (years.empty()) return;
  ApplyPreset(table, s, ChartPreset::TrendByCategory);
  std::snprintf(s.period, sizeof s.period, "fy:%s..%s", years.front().c_str(), years.back().c_str());
}

void DrawPresets(const Table* table, QueryPanelState& s) {
  static const char* kPresets[] = {"Trend by category", "Breakdown by category (with shares)", "Age profile (single years)",
                                   "Age-sex pyramid", "Ward ranking (children)", "Ward ranking (rate per 10,000)",
                                   "Plans started each month (XmR)"};
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  if (ImGui::BeginCombo("##presets", "Quick charts...")) {
    for (int i = 0; i < IM_ARRAYSIZE(kPresets); ++i)
      if (ImGui::Selectable(kPresets[i])) ApplyPreset(table, s, static_cast<ChartPreset>(i));
    ImGui::EndCombo();
  }
}

void DrawQueryPanel(QueryService& service, const std::vector<std::string>& tables, const Table* table,
                    const CodeLabels* labels, QueryPanelState& s, HoverState& linked) {
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
  if (ImGui::CollapsingHeader("Query, as csc query takes it")) {
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
    row_label("Link");
    ImGui::InputTextWithHint("##link", "present lac_episodes open-at-start", s.link, sizeof s.link);
  }
  row_label("Chart");
  static const char* kKinds[] = {"Automatic (trend over periods, else bars)", "Grouped bars", "Stacked bars", "Lines",
                                 "Ranking (sorted, largest first)", "Age-sex pyramid", "Control chart (XmR, monthly)",
                                 "Stacked area"};
  int kind = static_cast<int>(s.chart);
  // As wide as its longest choice, so the closed box never cuts a name short.
  float widest = 0;
  for (const char* k : kKinds) widest = std::max(widest, ImGui::CalcTextSize(k).x);
  ImGui::SetNextItemWidth(widest + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::Combo("##chart", &kind, kKinds, IM_ARRAYSIZE(kKinds))) s.chart = static_cast<ChartKind>(kind);
  ImGui::SameLine();
  DrawAreaToggle(s);
  DrawPresets(table, s);

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
  ImGui::TextWrapped("%s", FilterSentence(tables, labels, s).c_str());
  if (!s.pending_labels.empty()) {
    std::string picked;
    for (const std::string& l : s.pending_labels) picked += (picked.empty() ? "" : ", ") + l;
    ImGui::TextColored(ImVec4(0.0f, 0.45f, 0.70f, 1), "Picked with Ctrl: %s. Let go of Ctrl to filter by them.", picked.c_str());
  }
  ChartData chart = ChartOf(*s.result, labels);
  for (size_t i = 0; i < chart.series.size(); ++i) chart.hidden_series.push_back(s.hidden_series.count(chart.series[i]) > 0);
  chart.highlight = linked.highlighted();
  const ChartHover hover = DrawChart("chart", chart, ResolveKind(*s.result, s.chart), ImGui::GetFontSize() * 16);
  if (const std::string category = HoveredCategory(chart, hover); !category.empty()) linked.Hover(category);
  CrossFilter(*s.result, chart, hover, table, s);
  // Two dimensions make a cross-table; three add row groups.
  const bool two = s.result->dimensions.size() == 2 || s.result->dimensions.size() == 3;
  if (two) {
    ImGui::RadioButton("Cross-table", &s.table_view, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Rows", &s.table_view, 1);
    ImGui::SameLine();
  }
  if (two && s.table_view == 0) {
    DrawPivotView(service, TextOf(tables, s), *s.result, labels, s.pivot, &linked);
  } else {
    if (ImGui::SmallButton("Copy")) ImGui::SetClipboardText(FormatResultTsv(*s.result).c_str());
    DrawResultTable(*s.result, labels);
  }
}

}  // namespace csc::app
