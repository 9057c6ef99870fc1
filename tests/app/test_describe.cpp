// --describe writes what the screen shows; these tests read it as a person reads the screen.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "query_tab_fixture.hpp"
#include "ui/screen_description.hpp"

using namespace csc;

TEST_CASE("the query tab describes its chart, series, points and table as drawn", "[ui]") {
  test::QueryTab t(test::WriteCpPlans("/tmp/csc_ui_describe.csv", {"C1", "C2", "C3", "C4", "C5"}));
  const app::ScreenDescription& s = t.ui.app->screen();
  CHECK(s.tab == "query");
  CHECK(s.title == "Children by latest category");
  CHECK_FALSE(s.error);
  CHECK_FALSE(s.updating);
  REQUIRE(s.charts.size() == 1);
  // Open at 31 March 2013: C1, C4, C5 neglect; C2 emotional abuse. One bar per category.
  const auto& chart = s.charts[0];
  CHECK(chart.kind == "bars");
  REQUIRE(chart.series.size() == 2);
  CHECK(chart.series[0].code == "EMO");
  REQUIRE(chart.series[0].points.size() == 1);
  CHECK(chart.series[0].points[0].value == 1.0);
  CHECK(chart.series[0].points[0].label == "1");
  CHECK(chart.series[1].code == "NEG");
  REQUIRE(chart.series[1].points.size() == 1);
  CHECK(chart.series[1].points[0].value == 3.0);
  CHECK(chart.series[0].colour != chart.series[1].colour);
  REQUIRE(s.tables.size() == 1);
  CHECK(s.tables[0].columns == std::vector<std::string>{"latest_category", "children"});
  REQUIRE(s.tables[0].rows.size() == 2);
  CHECK(s.tables[0].rows[1].back() == "3");
}

TEST_CASE("presentation mode describes withheld cells as c with no value", "[ui]") {
  test::QueryTab t(test::WriteCpPlans("/tmp/csc_ui_describe_present.csv", {"C1", "C2", "C3", "C4", "C5"}));
  std::snprintf(t.q.by, sizeof t.q.by, "ward");
  t.Settle();
  t.ui.app->SetPresenting(true);
  REQUIRE(t.ui.FramesUntil([&] { return t.q.published.live.status() == app::LiveStatus::Ready; }, 2000));
  t.ui.Frame();
  // Keppel 2, Sitwell 1, Valley 1: every count is 1 to 5, so all three are withheld.
  const app::ScreenDescription& s = t.ui.app->screen();
  CHECK(s.tab == "presentation");
  REQUIRE(s.charts.size() == 1);
  size_t points = 0;
  for (const auto& series : s.charts[0].series)
    for (const auto& p : series.points) {
      ++points;
      CHECK(p.withheld);
      CHECK(p.label == "c");
      CHECK_FALSE(p.value);
    }
  CHECK(points == 3);
  const auto json = nlohmann::json::parse(app::DescriptionJson(s));
  CHECK(json["tab"] == "presentation");
  CHECK(json["error"].is_null());
  const auto& point = json["charts"][0]["series"][0]["points"][0];
  CHECK(point["withheld"] == true);
  CHECK(point["label"] == "c");
  CHECK(point["value"].is_null());
}

TEST_CASE("the cross-table is described with its totals as drawn", "[ui]") {
  test::QueryTab t(test::WriteCpPlans("/tmp/csc_ui_describe_pivot.csv", {"C1", "C2", "C3", "C4", "C5"}));
  std::snprintf(t.q.by, sizeof t.q.by, "sex, latest_category");
  t.Settle();
  REQUIRE(t.ui.FramesUntil([&] { return t.q.pivot.totals.size() == 3 && t.q.pivot.totals[0] && t.q.pivot.totals[1] && t.q.pivot.totals[2]; }, 2000));
  t.ui.Frame();
  // Open at 31 March 2013: F C1 NEG, C5 NEG; M C2 EMO, C4 NEG (C3's plan ended in 2012).
  const auto& tables = t.ui.app->screen().tables;
  REQUIRE(tables.size() == 1);
  CHECK(tables[0].title == "Cross-table");
  // Columns in the result's key order (the file's: NEG before EMO).
  CHECK(tables[0].columns == std::vector<std::string>{"sex / latest_category", "Neglect", "Emotional abuse", "Total (each child once)"});
  REQUIRE(tables[0].rows.size() == 3);
  CHECK(tables[0].rows[0] == std::vector<std::string>{"F", "2", "", "2"});
  CHECK(tables[0].rows[1] == std::vector<std::string>{"M", "1", "1", "2"});
  CHECK(tables[0].rows[2] == std::vector<std::string>{"Total", "3", "1", "4"});
}
