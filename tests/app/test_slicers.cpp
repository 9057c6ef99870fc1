#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include "ui/item_probe.hpp"
#include "query_tab_fixture.hpp"
#include "ui_harness.hpp"
#include "views/slicer_panel.hpp"

using namespace csc;

namespace {
std::string WritePlans() { return test::WriteCpPlans("/tmp/csc_ui_slicer_plans.csv", {"C1", "C2", "C3", "C4", "C5"}); }

}  // namespace

TEST_CASE("slicer columns are the coded columns, not ids or dates", "[ui]") {
  test::QueryTab l(WritePlans());
  const auto* table = l.ui.app->catalog()->Find("csc_ui_slicer_plans");
  REQUIRE(table);
  CHECK(app::SlicerColumns(*table) ==
        std::vector<std::string>{"initial_category", "latest_category", "ward", "sex", "ethnicity"});
}

TEST_CASE("ticking a slicer value filters the chart while counts under the other filters stay", "[ui]") {
  test::QueryTab l(WritePlans());
  // Open at 31 March 2013: C1 NEG, C2 EMO, C4 NEG, C5 NEG.
  REQUIRE(l.q.live.result());
  CHECK(l.q.live.result()->rows.size() == 2);
  l.Click("slicer:ward:Keppel");
  CHECK(std::string(l.q.where) == "ward in (Keppel)\n");
  REQUIRE(l.q.live.result());
  REQUIRE(l.q.live.result()->rows.size() == 2);  // C2 EMO and C5 NEG
  CHECK(l.q.live.result()->rows[0].keys[0] == "EMO");
  CHECK(*l.q.live.result()->rows[0].values[0] == 1);
  CHECK(*l.q.live.result()->rows[1].values[0] == 1);
  l.Click("slicer:ward:Sitwell");
  CHECK(std::string(l.q.where) == "ward in (Keppel, Sitwell)\n");
  // The ward slicer's own counts ignore the ward filter; the category slicer's honour it.
  auto ward = l.ui.app->slicers().columns.at("ward").counts;
  REQUIRE(ward);
  CHECK(ward->rows.size() == 3);
  auto category = l.ui.app->slicers().columns.at("latest_category").counts;
  REQUIRE(category);
  double neglect = 0;
  for (const auto& row : category->rows)
    if (row.keys[0] == "NEG") neglect = *row.values[0];
  CHECK(neglect == 2);  // C1 (Sitwell) and C5 (Keppel); C4 is in Valley
  l.Click("slicer:ward:Keppel");
  l.Click("slicer:ward:Sitwell");
  CHECK(std::string(l.q.where).empty());
}

TEST_CASE("clicking a bar filters by its category and Ctrl-click adds another", "[ui]") {
  test::QueryTab l(WritePlans());
  std::snprintf(l.q.by, sizeof l.q.by, "ward");
  l.Settle();
  REQUIRE(l.q.live.result());
  REQUIRE(l.q.live.result()->rows.size() == 3);  // Keppel, Sitwell, Valley
  l.Click("chart:1:1");                   // one bar per ward: group g is series g
  CHECK(std::string(l.q.where) == "ward in (Sitwell)\n");
  // The chart keeps one bar per selected ward; Valley is no longer drawn.
  REQUIRE(l.q.live.result()->rows.size() == 1);
  CHECK_FALSE(app::ProbedCentre("chart:2:2"));
  l.Click("chart:0:0", true);  // Ctrl-click on the selected ward takes it out again
  CHECK(std::string(l.q.where).empty());
  REQUIRE(l.q.live.result()->rows.size() == 3);
  l.q.where = "ward in (Valley)\nsex in (M)\n";
  std::snprintf(l.q.by, sizeof l.q.by, "latest_category");
  l.Settle();
  l.Click("chart:0:0", true);  // one bar, NEG: Ctrl adds the category beside the other filters
  CHECK(std::string(l.q.where) == "ward in (Valley)\nsex in (M)\nlatest_category in (NEG)\n");
}

TEST_CASE("a two-dimension answer shows as a cross-table whose totals count each child once", "[ui]") {
  test::QueryTab l(WritePlans());
  std::snprintf(l.q.by, sizeof l.q.by, "sex, latest_category");
  std::snprintf(l.q.period, sizeof l.q.period, "fy:2011-12..2012-13");
  std::snprintf(l.q.count, sizeof l.q.count, "open-during");
  l.Settle();
  REQUIRE(l.ui.FramesUntil([&] {
    return l.q.pivot.totals.size() == 3 && l.q.pivot.totals[0] && l.q.pivot.totals[1] && l.q.pivot.totals[2];
  }));
  // Open during 2011-12 or 2012-13: C1..C5 all; C3 (F, SAB) ended Jan 2012.
  REQUIRE(l.q.pivot.totals[2]->rows.size() == 1);
  CHECK(*l.q.pivot.totals[2]->rows[0].values[0] == 5);
  const auto& by_sex = *l.q.pivot.totals[0];
  REQUIRE(by_sex.rows.size() == 2);
  CHECK(by_sex.rows[0].keys[0] == "F");
  CHECK(*by_sex.rows[0].values[0] == 3);
}

TEST_CASE("quick charts set the grouping, measure and chart for common questions", "[ui]") {
  test::QueryTab l(WritePlans());
  const auto* table = l.ui.app->catalog()->Find("csc_ui_slicer_plans");
  app::ApplyPreset(table, l.q, app::ChartPreset::AgeSexPyramid);
  CHECK(std::string(l.q.by) == "age, sex");
  CHECK(l.q.chart == app::ChartKind::Pyramid);
  l.Settle();
  REQUIRE(l.q.live.result());
  CHECK(l.q.live.result()->dimensions.size() == 2);
  app::ApplyPreset(table, l.q, app::ChartPreset::TrendByCategory);
  CHECK(std::string(l.q.by) == "period, latest_category");
  app::ApplyPreset(table, l.q, app::ChartPreset::WardRate);
  CHECK(std::string(l.q.measure) == "rate10k, children");
  CHECK(l.q.chart == app::ChartKind::Ranking);
}

TEST_CASE("presentation mode draws only the disclosure-controlled answer", "[ui]") {
  test::QueryTab l(WritePlans());
  l.ui.app->SetPresenting(true);
  REQUIRE(l.ui.FramesUntil([&] { return l.q.published.raw != nullptr; }));
  // Open at 31 March 2013: NEG 3 children, EMO 1: both 1..5, so both withheld.
  size_t hidden = 0;
  const auto safe = app::PublishedForChart(l.q.published, 5, &hidden);
  REQUIRE(safe);
  REQUIRE(safe->rows.size() == 2);
  for (const auto& row : safe->rows) CHECK_FALSE(row.values[0]);
  CHECK(hidden >= 2);
  // The exact answer is still there for the analyst, never drawn in presentation.
  REQUIRE(l.q.published.raw->rows.size() == 2);
  CHECK(*l.q.published.raw->rows[1].values[0] == 3);
}

TEST_CASE("a dataset without a date of birth has no age controls, one with it has them", "[ui]") {
  {
    const std::string path = "/tmp/csc_ui_no_dob_plans.csv";
    std::ofstream(path) << "child_id,sex,ward,plan_start,plan_end,latest_category\n"
                           "C1,F,Sitwell,2012-06-01,,NEG\n"
                           "C2,M,Keppel,2012-09-01,2013-06-01,EMO\n";
    test::QueryTab t(path);
    REQUIRE(t.q.live.result());
    CHECK_FALSE(app::ProbedCentre("slicer:age:Unborn"));
    CHECK_FALSE(app::ProbedCentre("slicer:age:1-4"));
  }
  test::QueryTab t(WritePlans());
  CHECK(app::ProbedCentre("slicer:age:Unborn"));
  CHECK(app::ProbedCentre("slicer:age:1-4"));
}
