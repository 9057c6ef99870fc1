#include "views/query_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "indicators/dashboard.hpp"
#include "plot/chart_overlays.hpp"
#include "plot/draw_chart.hpp"
#include "plot/value_format.hpp"
#include "views/chart_notes_editor.hpp"
#include "views/field_picker.hpp"
#include "views/period_compare_view.hpp"
#include "views/pivot_view.hpp"
#include "views/publication.hpp"
#include "views/table_sort.hpp"
#include "query/describe_query.hpp"
#include "query/query_command.hpp"
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

// One number of decimals per measure column: the fewest, up to two, that show every value
// (the chart of the same measure picks the same).
int MeasureDecimals(const QueryResult& r, size_t m) {
  ChartData values;
  for (const auto& row : r.rows)
    values.values.push_back({m < row.values.size() && row.values[m] ? *row.values[m] : std::nan("")});
  return ValueDecimals(values);
}

// The rows in the order the clicked header asks (ImGui's sort specs; none: the result's own
// order). Keys sort as labels, numbers as numbers; a blank value sorts last either way.
std::vector<size_t> SortedRows(const QueryResult& r, const CodeLabels* labels) {
  std::vector<size_t> order(r.rows.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (!specs || specs->SpecsCount == 0) return order;
  const size_t column = static_cast<size_t>(specs->Specs[0].ColumnIndex);
  const bool descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
  if (column < r.dimensions.size()) {
    std::vector<std::string> keys;
    for (const auto& row : r.rows) keys.push_back(column < row.keys.size() ? KeyLabel(labels, r.dimensions[column], row.keys[column], true) : "");
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return descending ? CompareCells(keys[b], keys[a]) < 0 : CompareCells(keys[a], keys[b]) < 0;
    });
    return order;
  }
  const size_t m = column - r.dimensions.size();
  auto value = [&](size_t i) { return m < r.rows[i].values.size() ? r.rows[i].values[m] : std::nullopt; };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return LessValue(value(a), value(b), descending); });
  return order;
}

void DrawResultTable(const QueryResult& r, const CodeLabels* labels, DescribedTable* described) {
  const int columns = static_cast<int>(r.dimensions.size() + r.measures.size());
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate;
  if (columns == 0 || !ImGui::BeginTable("result", columns, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  std::vector<int> decimals;
  for (size_t m = 0; m < r.measures.size(); ++m) decimals.push_back(MeasureDecimals(r, m));
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const auto& d : r.dimensions) ImGui::TableSetupColumn(d.c_str());
  for (const auto& m : r.measures) ImGui::TableSetupColumn(m.c_str());
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int c = 0; c < columns; ++c) {
    ImGui::TableSetColumnIndex(c);
    const char* name = ImGui::TableGetColumnName(c);
    ImGui::TableHeader(name);
    if (ItemProbeEnabled()) ProbeLastItem(std::string("header:") + name);
  }
  if (described) {
    described->title = "Result";
    described->columns = r.dimensions;
    described->columns.insert(described->columns.end(), r.measures.begin(), r.measures.end());
  }
  for (const size_t index : SortedRows(r, labels)) {
    const auto& row = r.rows[index];
    ImGui::TableNextRow();
    std::vector<std::string> cells;
    for (size_t i = 0; i < row.keys.size(); ++i) {
      ImGui::TableNextColumn();
      cells.push_back(KeyLabel(labels, r.dimensions[i], row.keys[i], true));
      ImGui::TextUnformatted(cells.back().c_str());
    }
    for (size_t m = 0; m < row.values.size(); ++m) {
      ImGui::TableNextColumn();
      const auto& v = row.values[m];
      cells.push_back(v ? FormatValue(*v, m < decimals.size() ? decimals[m] : 2) : "");
      ImGui::TextUnformatted(cells.back().c_str());
    }
    if (described) described->rows.push_back(std::move(cells));
  }
  ImGui::EndTable();
}

// "Children by latest category": what the asked query counts, from its text, so the title
// names the question even when no answer is shown.
std::string TitleOf(const QueryText& t) {
  auto words = [](std::string s) {
    std::replace(s.begin(), s.end(), '_', ' ');
    return std::string(Trim(s));
  };
  std::string measure = t.measure.empty() ? "episodes" : words(std::string(Split(t.measure, ',')[0]));
  std::string title = measure;
  std::vector<std::string> dims;
  for (std::string_view d : Split(t.by, ','))
    if (!Trim(d).empty()) dims.push_back(words(std::string(Trim(d))));
  for (size_t i = 0; i < dims.size(); ++i) title += (i ? " and " : " by ") + dims[i];
  if (!title.empty()) title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
  return title;
}

}  // namespace

ChartData ChartOf(const QueryResult& r, const CodeLabels* labels, const std::vector<std::vector<bool>>* withheld) {
  auto hidden = [&](size_t row) {
    return withheld && row < withheld->size() && !(*withheld)[row].empty() && (*withheld)[row][0];
  };
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
    if (withheld) c.withheld.assign(c.groups.size(), std::vector<bool>(c.series.size(), false));
    for (size_t g = 0; g < r.rows.size(); ++g) {
      c.values[g][g] = r.rows[g].values.empty() || !r.rows[g].values[0] ? std::nan("") : *r.rows[g].values[0];
      if (hidden(g)) c.withheld[g][g] = true;
    }
    c.stacked = true;
    c.show_legend = false;  // the axis names the bars
    return c;
  }
  c.values.assign(c.groups.size(), std::vector<double>(c.series.size(), std::nan("")));
  if (withheld) c.withheld.assign(c.groups.size(), std::vector<bool>(c.series.size(), false));
  for (size_t i = 0; i < r.rows.size(); ++i) {
    const auto& row = r.rows[i];
    const size_t g = group_index[group_of(row)], sr = series_index[series_of(row)];
    c.values[g][sr] = row.values.empty() || !row.values[0] ? std::nan("") : *row.values[0];
    if (hidden(i)) c.withheld[g][sr] = true;
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
  s.where = where;
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
  s.where = where;
}

// A trend (lines) can be read as a stacked area instead: one click, next to the chart choice.
void DrawAreaToggle(QueryPanelState& s) {
  const ChartKind resolved = s.live.result() ? ResolveKind(*s.live.result(), s.chart) : s.chart;
  if (resolved != ChartKind::Lines && resolved != ChartKind::Area) return;
  bool area = resolved == ChartKind::Area;
  if (ImGui::Checkbox("Stacked area", &area)) s.chart = area ? ChartKind::Area : ChartKind::Lines;
  if (ItemProbeEnabled()) ProbeLastItem("toggle:stacked-area");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Draw the trend as stacked areas (the top edge is each period's total)");
  ImGui::SameLine();
}

// Live: every edit is a request; while it runs the previous answer stays, marked stale.
void SubmitAndPoll(QueryService& service, const std::vector<std::string>& tables, QueryPanelState& s) {
  s.live.Ask(service, TextOf(tables, s));
}

// A stale answer is drawn faded under an "Updating..." label, so it is never read as the
// answer to the question now asked.
void DrawUpdatingOverlay(ImVec2 min, ImVec2 max) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
  bg.w = 0.65f;
  draw->AddRectFilled(min, max, ImGui::GetColorU32(bg));
  const char* label = "Updating...";
  const ImVec2 size = ImGui::CalcTextSize(label);
  const ImVec2 at(min.x + (max.x - min.x - size.x) * 0.5f, min.y + (max.y - min.y - size.y) * 0.5f);
  draw->AddRectFilled(ImVec2(at.x - 8, at.y - 4), ImVec2(at.x + size.x + 8, at.y + size.y + 4),
                      ImGui::GetColorU32(ImGuiCol_PopupBg), 4.0f);
  draw->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), label);
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
                           QueryPanelState& s, int threshold, ScreenDescription* screen) {
  if (tables.empty()) return;
  // Public meeting: only the disclosure-controlled answer is ever drawn.
  SubmitPublished(service, kPresentationCaller, TextOf(tables, s), s.published);
  const std::string sentence = FilterSentence(tables, labels, s);
  ImGui::TextWrapped("%s", sentence.c_str());
  if (screen) {
    screen->tab = "presentation";
    screen->title = TitleOf(TextOf(tables, s));
    screen->sentence = sentence;
  }
  if (s.published.live.failed()) {
    // The board reads what went wrong, never the engine's text or the query's syntax.
    const std::string plain = PresentationError(s.published.error);
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", plain.c_str());
    if (screen) screen->error = plain;
    return;
  }
  size_t hidden = 0;
  std::vector<std::vector<bool>> withheld;
  const auto safe = PublishedForChart(s.published, threshold, &hidden, &withheld);
  if (!safe) {
    if (s.published.live.updating()) ImGui::TextDisabled("Updating...");
    return;
  }
  // Two periods compared: the paired bars from published cells (a change beside a "c" is withheld).
  const auto comparison = ActiveComparison(*safe, s, &withheld);
  ChartData chart = comparison ? ComparisonChart(*comparison, labels) : ChartOf(*safe, labels, &withheld);
  for (const auto& name : chart.series) chart.hidden_series.push_back(s.hidden_series.count(name) > 0);
  chart.notes = s.notes;
  if (!comparison) ApplyReferenceLines(s.references, s, chart);
  const ChartKind kind = comparison ? ChartKind::Bars : ResolveKind(*safe, s.chart);
  if (screen) screen->charts.push_back(DescribeChart(chart, kind));  // with the codes, before they go
  chart.group_keys.clear(), chart.series_keys.clear();  // nothing to click on a projector
  ImGui::Spacing();
  const std::vector<std::string> note_lines = ChartNoteLines(chart);
  DrawChart("presentation", chart, kind,
            ImGui::GetContentRegionAvail().y - ImGui::GetFontSize() * (3.6f + 1.4f * static_cast<float>(note_lines.size())));
  if (s.published.live.updating()) DrawUpdatingOverlay(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  for (const std::string& line : note_lines) ImGui::TextUnformatted(line.c_str());
  if (screen) screen->updating = s.published.live.updating();
  // Wrapped: the footnote is long, and a projector must show all of it.
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s (%zu withheld). Source: %s.", PublishedFootnote(threshold).c_str(), hidden,
                     tables[static_cast<size_t>(s.table) % tables.size()].c_str());
  ImGui::PopStyleColor();
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
    case ChartPreset::WardMap: set("ward", "rate10k, children", ChartKind::Map); break;
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
  if (!s.where.empty() || *s.period || *s.by || *s.link) return;
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
                                   "Plans started each month (XmR)", "Ward map (rate per 10,000)"};
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  if (ImGui::BeginCombo("##presets", "Quick charts...")) {
    for (int i = 0; i < IM_ARRAYSIZE(kPresets); ++i)
      if (ImGui::Selectable(kPresets[i])) ApplyPreset(table, s, static_cast<ChartPreset>(i));
    ImGui::EndCombo();
  }
}

void DrawQueryPanel(QueryService& service, const std::vector<std::string>& tables, const Table* table,
                    const CodeLabels* labels, QueryPanelState& s, HoverState& linked, ScreenDescription* screen) {
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
  const std::string command = CscQueryCommand(TextOf(tables, s));
  DrawFieldPicker(table, command, s);
  if (screen) screen->query = command;
  if (ImGui::CollapsingHeader("Query, as csc query takes it")) {
    row_label("Where");
    ImGui::InputTextMultiline("##where", &s.where, ImVec2(-1, ImGui::GetTextLineHeight() * 3.5f));
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
  DrawViewHistoryBar(s);
  row_label("Chart");
  static const char* kKinds[] = {"Automatic (trend over periods, else bars)", "Grouped bars", "Stacked bars", "Lines",
                                 "Ranking (sorted, largest first)", "Age-sex pyramid", "Control chart (XmR, monthly)",
                                 "Stacked area", "Ward map"};
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
  const LiveQuery& live = s.live;
  const std::string sentence = FilterSentence(tables, labels, s);
  if (screen) {
    screen->tab = "query";
    screen->title = TitleOf(TextOf(tables, s));
    screen->sentence = sentence;
    screen->updating = live.updating();
    if (live.failed()) screen->error = live.error();
  }
  if (live.failed()) {
    // No numbers under a question that was not answered: the error alone, in its own words.
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", live.error().c_str());
    ImGui::TextWrapped("%s", sentence.c_str());
    return;
  }
  const QueryResultPtr result = live.result();
  if (result)
    ImGui::TextDisabled("%s rows scanned, %s counted, %s%s", WithThousands(static_cast<long long>(result->rows_scanned)).c_str(),
                        WithThousands(static_cast<long long>(result->units_counted)).c_str(),
                        live.from_cache() ? "from cache" : (std::to_string(static_cast<int>(result->seconds * 1000 + 0.5)) + " ms").c_str(),
                        live.updating() ? " (updating...)" : "");
  else if (live.updating())
    ImGui::TextDisabled("Updating...");
  if (!result) return;
  ImGui::Separator();
  ImGui::TextWrapped("%s", sentence.c_str());
  if (!s.pending_labels.empty()) {
    std::string picked;
    for (const std::string& l : s.pending_labels) picked += (picked.empty() ? "" : ", ") + l;
    ImGui::TextColored(ImVec4(0.0f, 0.45f, 0.70f, 1), "Picked with Ctrl: %s. Let go of Ctrl to filter by them.", picked.c_str());
  }
  DrawCompareControls(*result, s);
  if (const auto comparison = ActiveComparison(*result, s)) {
    // Two periods side by side: paired bars, and the table with change and % change.
    ChartData paired = ComparisonChart(*comparison, labels);
    paired.highlight = linked.highlighted();
    paired.notes = s.notes;
    const ChartHover hover = DrawChart("chart", paired, ChartKind::Bars, ImGui::GetFontSize() * 16);
    if (screen) screen->charts.push_back(DescribeChart(paired, ChartKind::Bars));
    if (live.updating()) DrawUpdatingOverlay(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    else if (const std::string category = HoveredCategory(paired, hover); !category.empty()) linked.Hover(category);
    for (const std::string& note : result->notes) ImGui::TextColored(ImVec4(0.70f, 0.40f, 0.0f, 1), "%s", note.c_str());
    DrawChartNotes(paired, s);
    s.pivot.Stop(service);
    DescribedTable shown;
    DrawComparisonTable(*comparison, labels, screen ? &shown : nullptr);
    if (screen) screen->tables.push_back(std::move(shown));
    return;
  }
  ChartData chart = ChartOf(*result, labels);
  for (size_t i = 0; i < chart.series.size(); ++i) chart.hidden_series.push_back(s.hidden_series.count(chart.series[i]) > 0);
  chart.highlight = linked.highlighted();
  chart.notes = s.notes;
  DrawReferenceLines(s.references, s, chart);
  const ChartKind resolved = ResolveKind(*result, s.chart);
  const ChartHover hover = DrawChart("chart", chart, resolved, ImGui::GetFontSize() * 16);
  if (screen) screen->charts.push_back(DescribeChart(chart, resolved));
  if (live.updating()) {
    DrawUpdatingOverlay(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  } else {
    // Clicks filter only on an answer to the question asked.
    if (const std::string category = HoveredCategory(chart, hover); !category.empty()) linked.Hover(category);
    CrossFilter(*result, chart, hover, table, s);
  }
  // What the answer says besides its numbers (rules applied, periods with no data, rows left
  // out because a value the count needs could not be read): said under the chart.
  for (const std::string& note : result->notes) ImGui::TextColored(ImVec4(0.70f, 0.40f, 0.0f, 1), "%s", note.c_str());
  DrawChartNotes(chart, s);
  // Two dimensions make a cross-table; three add row groups.
  const bool two = result->dimensions.size() == 2 || result->dimensions.size() == 3;
  if (two) {
    ImGui::RadioButton("Cross-table", &s.table_view, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Rows", &s.table_view, 1);
    ImGui::SameLine();
  }
  if (two && s.table_view == 0) {
    DescribedTable pivot_shown;
    DrawPivotView(service, TextOf(tables, s), *result, labels, s.pivot, &linked, screen ? &pivot_shown : nullptr);
    if (screen && !pivot_shown.title.empty()) screen->tables.push_back(std::move(pivot_shown));
  } else {
    s.pivot.Stop(service);
    if (ImGui::SmallButton("Copy")) ImGui::SetClipboardText(FormatResultTsv(*result).c_str());
    DescribedTable table_shown;
    DrawResultTable(*result, labels, screen ? &table_shown : nullptr);
    if (screen) screen->tables.push_back(std::move(table_shown));
  }
}

}  // namespace csc::app
