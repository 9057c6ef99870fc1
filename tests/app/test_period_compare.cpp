// Compare two periods: the table's change and % change columns against the engine asked for
// each period on its own, and the paired bars; withheld cells keep their change withheld.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "query/executor.hpp"
#include "query/query_parser.hpp"
#include "query_tab_fixture.hpp"
#include "views/period_compare_view.hpp"
#include "ui/export_actions.hpp"
#include "views/publication.hpp"
#include "views/query_panel.hpp"

using namespace csc;

namespace {
// Children on CP plans at 31 March of one year with one latest category, asked directly.
double Children(const Catalog& catalog, const std::string& year, const std::string& category) {
  QueryText q;
  q.table = "cp_plans";
  q.period = "fy:" + year;
  q.count = "open-at:31-03";
  q.measure = "children";
  q.where = {"latest_category in (" + category + ")"};
  const QueryResult r = RunQuery(catalog, ParseQueryText(q));
  return r.rows.at(0).values.at(0).value_or(0);
}

const app::DescribedTable* TableTitled(const app::ScreenDescription& s, const std::string& title) {
  for (const auto& t : s.tables)
    if (t.title == title) return &t;
  return nullptr;
}
}  // namespace

TEST_CASE("comparing 2012-13 with 2011-12 by category shows each change and % change the engine's counts give", "[ui]") {
  test::QueryTab t(app::DemoFiles(), "cp_plans");
  std::snprintf(t.q.period, sizeof t.q.period, "fy:2010-11..2012-13");
  std::snprintf(t.q.by, sizeof t.q.by, "period, latest_category");
  t.Settle();
  t.Click("compare:toggle");
  REQUIRE(t.q.compare_on);
  // The last period against the one before, unless picked otherwise.
  const app::DescribedTable* table = TableTitled(t.ui.app->screen(), "Comparison");
  REQUIRE(table);
  CHECK(table->columns == std::vector<std::string>{"Latest category", "2011-12", "2012-13", "Change", "% change"});
  const Catalog& catalog = *t.ui.app->catalog();
  REQUIRE(table->rows.size() == 5);
  for (const auto& row : table->rows) {
    INFO(row[0]);
    const std::string code = row[0].substr(0, 3);  // "NEG: Neglect"
    const double before = Children(catalog, "2011-12", code), after = Children(catalog, "2012-13", code);
    CHECK(row[1] == std::to_string(static_cast<int>(before)));
    CHECK(row[2] == std::to_string(static_cast<int>(after)));
    const double change = after - before;
    CHECK(row[3] == (change > 0 ? "+" : change < 0 ? "-" : "") + std::to_string(static_cast<int>(std::abs(change))));
    char percent[32];
    std::snprintf(percent, sizeof percent, "%s%.1f%%", change > 0 ? "+" : change < 0 ? "-" : "", std::abs(change / before * 100));
    CHECK(row[4] == percent);
  }
  // Published 2012-13 figures (domain.md 5): neglect 148.
  const auto neglect = std::find_if(table->rows.begin(), table->rows.end(), [](const auto& r) { return r[0] == "NEG: Neglect"; });
  REQUIRE(neglect != table->rows.end());
  CHECK((*neglect)[2] == "148");
  // Paired bars: the two periods as series, a group per category.
  REQUIRE(t.ui.app->screen().charts.size() == 1);
  const auto& chart = t.ui.app->screen().charts[0];
  CHECK(chart.kind == "bars");
  REQUIRE(chart.series.size() == 2);
  CHECK(chart.series[0].name == "2011-12");
  CHECK(chart.series[1].name == "2012-13");
  const auto& points = chart.series[1].points;
  const auto bar = std::find_if(points.begin(), points.end(), [](const auto& p) { return p.x == "Neglect"; });
  REQUIRE(bar != points.end());
  CHECK(bar->label == "148");

  // The CSV export writes the comparison as shown.
  const auto csv = app::ComparisonCsv(t.q, false, 5);
  REQUIRE(csv);
  CHECK(csv->rfind("latest_category,2011-12,2012-13,change,% change\n", 0) == 0);
  // 194 and 148 children with a neglect plan open at 31 March 2012 and 2013 (csc query --count open-at:31-03).
  CHECK(csv->find("\nNEG,194,148,-46,") != std::string::npos);
  // The PNG export draws the paired bars too.
  const app::ChartExport png =
      app::MakeChartExport(*t.q.live.result(), t.q, t.ui.app->table_names(), nullptr, {"cp_plans", false}, std::nullopt, "/tmp/x.png");
  CHECK(png.kind == app::ChartKind::Bars);
  CHECK(png.chart.series == std::vector<std::string>{"2011-12", "2012-13"});

  // Another base: 2010-11. Picked from the list, one undo step.
  t.Click("compare:base");
  t.Click("compare:base:2010-11");
  CHECK(t.q.compare_base == "2010-11");
  table = TableTitled(t.ui.app->screen(), "Comparison");
  REQUIRE(table);
  CHECK(table->columns[1] == "2010-11");
  for (const auto& row : table->rows)
    if (row[0] == "NEG: Neglect") CHECK(row[1] == std::to_string(static_cast<int>(Children(catalog, "2010-11", "NEG"))));
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  test::Press(t.ui, 'Z');
  io.KeyCtrl = false;
  t.Settle();
  CHECK(TableTitled(t.ui.app->screen(), "Comparison")->columns[1] == "2011-12");
}

TEST_CASE("a published comparison withholds the change of every withheld cell", "[ui]") {
  // Hellaby's plans by category are small counts: several are withheld when published.
  test::QueryTab t(app::DemoFiles(), "cp_plans");
  std::snprintf(t.q.period, sizeof t.q.period, "fy:2010-11..2012-13");
  std::snprintf(t.q.by, sizeof t.q.by, "period, latest_category");
  t.q.where = "ward in (Hellaby)\n";
  t.q.compare_on = true;
  t.ui.app->SetPresenting(true);
  REQUIRE(t.ui.FramesUntil([&] { return t.q.published.live.status() == app::LiveStatus::Ready; }));
  t.ui.Frame();
  std::vector<std::vector<bool>> withheld;
  const auto safe = app::PublishedForChart(t.q.published, 5, nullptr, &withheld);
  REQUIRE(safe);
  const auto comparison = app::ActiveComparison(*safe, t.q, &withheld);
  REQUIRE(comparison);
  size_t hidden = 0;
  for (const auto& row : comparison->rows) {
    if (!row.withheld()) {
      CHECK((row.base && row.current && row.change));
      continue;
    }
    ++hidden;
    CHECK_FALSE(row.change);
    CHECK_FALSE(row.percent);
  }
  CHECK(hidden > 0);  // the test means something only when a cell was withheld
  // The presentation chart is the paired bars with those cells drawn as "c".
  const auto& chart = t.ui.app->screen().charts.at(0);
  size_t c_marks = 0;
  for (const auto& series : chart.series)
    for (const auto& p : series.points) c_marks += p.withheld;
  CHECK(c_marks > 0);
  CHECK(chart.series.size() == 2);
}
