// The age-sex pyramid draws every child it counts: unborn children (sex not recorded) too.
#include <catch2/catch.hpp>

#include <fstream>

#include "query_tab_fixture.hpp"

using namespace csc;

TEST_CASE("the pyramid draws unborn children, and names the sides Male and Female", "[ui]") {
  const std::string path = "/tmp/csc_ui_pyramid.csv";
  {
    std::ofstream out(path);
    out << "child_id,sex,dob,ethnicity,ward,plan_start,plan_end,initial_category,latest_category,previous_plans\n"
           "C1,F,2008-05-01,WBRI,Sitwell,2012-06-01,,NEG,NEG,0\n"
           "C2,M,2010-01-10,WBRI,Keppel,2012-09-01,2013-06-01,PHY,EMO,1\n"
           "C9,U,2013-06-01,WBRI,Keppel,2013-02-01,,NEG,NEG,0\n";  // a pre-birth plan: unborn at 31 March 2013
  }
  test::QueryTab t(path);
  std::snprintf(t.q.by, sizeof t.q.by, "age, sex");
  t.q.chart = app::ChartKind::Pyramid;
  t.Settle();
  const auto& chart = t.ui.app->screen().charts.at(0);
  CHECK(chart.kind == "pyramid");
  // Ages on 31 March 2013: C9 unborn, C2 3, C1 4 (groups Unborn, 3, 4); series F, M, U.
  REQUIRE(chart.series.size() == 3);
  size_t unknown = 3;
  for (size_t i = 0; i < chart.series.size(); ++i)
    if (chart.series[i].code == "U") unknown = i;
  REQUIRE(unknown < 3);
  REQUIRE(chart.series[unknown].points.size() == 1);
  CHECK(chart.series[unknown].points[0].x == "Unborn");
  CHECK(chart.series[unknown].points[0].value == 1.0);
  // Drawn, not only described: the unborn child's bar (group 0, the youngest) is on the chart.
  CHECK(app::ProbedCentre("chart:0:" + std::to_string(unknown)));
}
