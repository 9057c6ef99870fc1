#include "report/board_pack.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "indicators/catalogue.hpp"
#include "indicators/dashboard.hpp"
#include "indicators/kpi_format.hpp"
#include "privacy/publish_result.hpp"
#include "query/describe_query.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"
#include "views/live_query.hpp"
#include "views/neighbours_chart.hpp"
#include "views/publication.hpp"
#include "views/query_panel.hpp"

namespace csc::app {

namespace {

constexpr const char* kSyntheticSource = " (SYNTHETIC demonstration data, not real children)";

QueryText TextOfView(const SavedView& v) {
  QueryText t;
  t.table = v.table;
  t.where = v.where;
  if (!v.link.empty()) t.links.push_back(v.link);
  t.period = v.period;
  t.count = v.count;
  t.by = v.by;
  t.measure = v.measure;
  return t;
}

std::string KeyText(const CodeLabels* labels, const std::string& dimension, const std::string& key) {
  return labels ? std::string(labels->Label(dimension, key)) : key;
}

std::string Words(std::string s) {
  std::replace(s.begin(), s.end(), '_', ' ');
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// Figures as a board paper prints them: shares, rates per 10,000, means and medians to one
// decimal place, as the DfE tables give them ("25.0" beside "33.3"), ratios to two; counts as
// they are; "c" and words untouched.
std::optional<double> Number(const std::string& cell) {
  size_t used = 0;
  try {
    const double v = std::stod(cell, &used);
    if (used == cell.size() && std::isfinite(v)) return v;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

int PaperDecimals(MeasureKind kind) {
  switch (kind) {
    case MeasureKind::Share:
    case MeasureKind::Rate10k:
    case MeasureKind::Mean:
    case MeasureKind::Median: return 1;
    case MeasureKind::Ratio: return 2;
    default: return -1;
  }
}

std::vector<std::vector<std::string>> PaperFigures(std::vector<std::vector<std::string>> cells, const Query& q) {
  for (auto& row : cells)
    for (size_t m = 0; m < row.size() && m < q.measures.size(); ++m) {
      const int decimals = PaperDecimals(q.measures[m].kind);
      const auto v = Number(row[m]);
      if (decimals < 0 || !v) continue;
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.*f", decimals, *v);
      row[m] = buffer;
    }
  return cells;
}

// The answer as the table under the chart. Two dimensions and one measure read best as the
// chart does (first dimension down, second across); anything else is one row per group.
// `cells` are the figures as shown ("c" withheld, "" none).
PackTable TableOf(const QueryResult& r, const std::vector<std::vector<std::string>>& cells, const CodeLabels* labels) {
  PackTable t;
  auto cell = [&](size_t row, size_t m) {
    if (r.no_data) return std::string("no data");
    const std::string& s = cells[row][m];
    return s.empty() ? std::string("-") : s;
  };
  if (r.dimensions.size() == 2 && r.measures.size() == 1) {
    std::vector<std::string> rows, columns;
    std::map<std::pair<std::string, std::string>, std::string> at;
    for (size_t i = 0; i < r.rows.size(); ++i) {
      const std::string a = KeyText(labels, r.dimensions[0], r.rows[i].keys[0]);
      const std::string b = KeyText(labels, r.dimensions[1], r.rows[i].keys[1]);
      if (std::find(rows.begin(), rows.end(), a) == rows.end()) rows.push_back(a);
      if (std::find(columns.begin(), columns.end(), b) == columns.end()) columns.push_back(b);
      at[{a, b}] = cell(i, 0);
    }
    t.header.push_back(Words(r.dimensions[0]));
    for (const auto& c : columns) t.header.push_back(c);
    for (const auto& a : rows) {
      std::vector<std::string> line{a};
      for (const auto& b : columns) {
        const auto it = at.find({a, b});
        line.push_back(it == at.end() ? "-" : it->second);
      }
      t.rows.push_back(std::move(line));
    }
    return t;
  }
  for (const auto& d : r.dimensions) t.header.push_back(Words(d));
  for (const auto& m : r.measures) t.header.push_back(Words(m));
  t.left_aligned = r.dimensions.size();
  for (size_t i = 0; i < r.rows.size(); ++i) {
    std::vector<std::string> line;
    for (size_t d = 0; d < r.dimensions.size(); ++d) line.push_back(KeyText(labels, r.dimensions[d], r.rows[i].keys[d]));
    for (size_t m = 0; m < r.measures.size(); ++m) line.push_back(cell(i, m));
    t.rows.push_back(std::move(line));
  }
  return t;
}

BoardPackPage QueryPage(const Catalog& catalog, const CodeLabels* labels, const SavedView& v, const BoardPackOptions& o) {
  BoardPackPage page;
  page.title = v.name;
  page.source = "Source: " + v.table + (o.synthetic ? kSyntheticSource : "");
  const QueryText text = TextOfView(v);
  try {
    page.sentence = DescribeFilters(text, labels);
  } catch (const std::exception&) {
    page.sentence = v.table + ": " + v.measure + (v.by.empty() ? "" : " by " + v.by);
  }
  if (!catalog.Find(v.table)) {
    page.error = "This view cannot be shown: the dataset " + v.table + " is not loaded.";
    return page;
  }
  try {
    Query q = ParseQueryText(text);
    QueryResult shown;
    std::vector<std::vector<bool>> withheld;
    std::vector<std::vector<std::string>> cells;
    if (o.publication) {
      PrepareForPublication(q, o.seed);
      const QueryResult raw = RunQuery(catalog, q);
      shown = PublishedAsResult(raw, q, o.threshold, nullptr, &withheld);
      for (const auto& row : PublishResult(raw, q, {o.threshold, 0}).rows) cells.push_back(row.cells);
    } else {
      shown = RunQuery(catalog, q);
      for (const auto& row : shown.rows) {
        cells.emplace_back();
        for (const auto& value : row.values) cells.back().push_back(FormatMeasureValue(value));
      }
    }
    page.notes = shown.notes;
    page.table = TableOf(shown, PaperFigures(std::move(cells), q), labels);
    page.chart = ChartOf(shown, labels, o.publication ? &withheld : nullptr);
    page.chart->group_keys.clear(), page.chart->series_keys.clear();
    page.kind = ResolveChartKind(ParseChartKind(v.chart), !shown.dimensions.empty() && shown.dimensions[0] == "period",
                                 shown.rows.size());
  } catch (const std::exception& e) {
    // The board reads what went wrong in words; the analyst's exact pack keeps the engine's.
    page.error = o.publication ? PresentationError(e.what()) : std::string("This view cannot be shown: ") + e.what();
    page.chart.reset();
  }
  return page;
}

BoardPackPage ScorecardPage(const std::vector<KpiRow>& rows, const std::string& year, const BoardPackOptions& o,
                            const std::string& sn_vintage) {
  BoardPackPage page;
  page.title = "Indicator scorecard " + year;
  page.sentence = "Each indicator for " + year + " from the loaded data (or entered from the year's report), against its "
                  "target, England and the statistical-neighbour mean (SN " + sn_vintage + "); RAG as the report defines "
                  "it, direction of travel against the previous year.";
  page.source = "Source: the indicator catalogue and the loaded data" + std::string(o.synthetic ? kSyntheticSource : "") +
                "; England and SN figures from the DfE statistical releases";
  KpiFormatOptions fo;
  fo.publish = o.publication;
  fo.threshold = o.threshold;
  page.table.header = {"Ref", "Indicator", "Value", "Num/den", "Target", "England", "SN mean", "Rank", "RAG", "Travel"};
  page.table.left_aligned = 2;
  for (const KpiRow& row : rows) {
    const KpiCells c = FormatKpiCells(row, fo);
    auto dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
    page.table.rows.push_back({c.ref, c.name, dash(c.value), dash(c.counts), dash(c.target), dash(c.england), dash(c.sn_mean),
                               dash(c.rank), dash(c.rag), dash(c.travel)});
  }
  page.notes.push_back("* from the published report for the year (no DfE figure bundled, or the report's own comparator)");
  return page;
}

BoardPackPage NeighboursPage(const KpiRow& row, const BoardPackOptions& o) {
  const Indicator& ind = *row.indicator;
  const auto& cmp = *row.comparators.comparison;
  const bool withheld = o.publication && KpiRowDisclosive(row, o.threshold);
  BoardPackPage page;
  page.title = "Statistical neighbours: " + ind.ref + " " + ind.name;
  page.sentence = ind.name + ", " + row.year + ": our value against each statistical neighbour (SN " + cmp.sn_vintage +
                  ") and England, as the DfE published them for " + std::to_string(cmp.time_period) + ".";
  page.source = "Source: DfE statistical release, " + std::to_string(cmp.time_period) + "; our value from the loaded data" +
                (o.synthetic ? kSyntheticSource : "");
  page.chart = NeighboursChart(row, withheld);
  page.chart->highlight = page.chart->groups.front();  // our bar stands out among the neighbours
  page.kind = ChartKind::Ranking;
  page.table.header = {"Local authority", ind.unit == IndicatorUnit::Percent ? "Per cent" : Words(UnitName(ind.unit))};
  auto value = [&](std::optional<double> v) { return v ? FormatIndicatorValue(ind, v) : std::string("-"); };
  page.table.rows.push_back({cmp.la_name + " (us)", withheld ? "c" : value(row.current.value)});
  for (const auto& [name, v] : cmp.neighbours) page.table.rows.push_back({name, value(v.value)});
  page.table.rows.push_back({"England", value(cmp.england.value)});
  page.table.rows.push_back({"SN mean (" + std::to_string(cmp.sn_with_data) + " with data)", value(cmp.sn_mean)});
  page.table.rows.push_back({"SN median", value(cmp.sn_median)});
  return page;
}

// The scorecard and neighbours pages, or one page saying why they are missing.
void AddIndicatorPages(const Catalog& catalog, const std::string& year, const BoardPackOptions& o,
                       std::vector<BoardPackPage>& pages) {
  try {
    const IndicatorCatalogue indicators =
        LoadCatalogue(o.assets_dir.empty() ? DefaultCataloguePath() : o.assets_dir + "/indicators/catalogue.json");
    ScorecardOptions so;
    so.assets_dir = o.assets_dir;
    if (o.publication) so.publish = CountPublication{o.seed, {o.threshold, 0}};
    Scorecard card(indicators, catalog, so);
    const std::vector<KpiRow> rows = card.Rows(year);
    pages.push_back(ScorecardPage(rows, year, o, so.sn_vintage));
    const KpiRow* chosen = nullptr;
    for (const KpiRow& row : rows) {
      const bool has = row.comparators.comparison && !row.comparators.comparison->neighbours.empty();
      if (has && (o.indicator.empty() ? !chosen : row.indicator->id == o.indicator || row.indicator->ref == o.indicator))
        chosen = &row;
    }
    if (chosen) {
      pages.push_back(NeighboursPage(*chosen, o));
    } else {
      BoardPackPage page;
      page.title = "Statistical neighbours";
      page.error = o.indicator.empty() ? "No indicator has DfE figures for its statistical neighbours in " + year + "."
                                       : "Indicator " + o.indicator + " has no DfE figures for its statistical neighbours in " + year + ".";
      pages.push_back(std::move(page));
    }
  } catch (const std::exception& e) {
    BoardPackPage page;
    page.title = "Indicator scorecard " + year;
    page.error = std::string("The scorecard cannot be built: ") + e.what();
    pages.push_back(std::move(page));
  }
}

}  // namespace

std::vector<SavedView> StandardPackViews(const std::string& year, const std::string& first_year) {
  const std::string at = "31 March " + (year.size() >= 7 ? "20" + year.substr(5, 2) : year);
  const auto view = [](std::string name, std::string period, std::string by, std::string measure, std::string chart) {
    SavedView v;
    v.name = std::move(name);
    v.table = "cp_plans";
    v.period = std::move(period);
    v.count = "open-at:31-03";
    v.by = std::move(by);
    v.measure = std::move(measure);
    v.chart = std::move(chart);
    return v;
  };
  return {view("Child protection plans at " + at + " by category", "fy:" + year, "latest_category", "children, share", "bars"),
          view("Child protection plans at 31 March, " + first_year + " to " + year, "fy:" + first_year + ".." + year, "period",
               "children", "lines"),
          view("Child protection plans per 10,000 children by ward at " + at, "fy:" + year, "ward", "rate10k, children", "map")};
}

std::vector<BoardPackPage> BuildBoardPack(const Catalog& catalog, const CodeLabels* labels, const std::vector<SavedView>& views,
                                          const BoardPackOptions& o) {
  std::vector<BoardPackPage> pages;
  if (!views.empty()) {
    for (const SavedView& v : views) pages.push_back(QueryPage(catalog, labels, v, o));
    return pages;
  }
  const std::vector<std::string> years = FinancialYearsCovered(catalog);
  if (years.empty()) {
    BoardPackPage page;
    page.title = "Board pack";
    page.error = "The loaded data covers no whole financial year: there is nothing for a standard pack to show.";
    pages.push_back(std::move(page));
    return pages;
  }
  const std::string year = o.year.empty() ? years.back() : o.year;
  const std::string first = years.front() < year ? years.front() : year;
  for (const SavedView& v : StandardPackViews(year, first)) pages.push_back(QueryPage(catalog, labels, v, o));
  AddIndicatorPages(catalog, year, o, pages);
  return pages;
}

std::string PackPublicationLine(const BoardPackOptions& o) {
  return o.publication ? PublishedFootnote(o.threshold) + "." : std::string(kExactFiguresWarning) + ".";
}

}  // namespace csc::app
