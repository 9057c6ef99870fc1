// The ward map: each ward of the result is a region of the bundled Rotherham boundaries,
// coloured by its class, described as a "map" chart, and a click on a ward filters by it.
#include <catch2/catch.hpp>

#include "plot/map_chart.hpp"
#include "query_tab_fixture.hpp"
#include "ui/screen_description.hpp"

using namespace csc;

TEST_CASE("the ward map draws each ward's value and a click on a ward filters by it", "[ui]") {
  REQUIRE(app::BundledWardBoundaries());
  REQUIRE(app::BundledWardBoundaries()->wards.size() == 21);
  // Open at 31 March 2013: C1 (Sitwell), C4 (Valley), C5 and C2 (Keppel).
  test::QueryTab t(test::WriteCpPlans("/tmp/csc_ui_ward_map.csv", {"C1", "C2", "C3", "C4", "C5"}));
  std::snprintf(t.q.by, sizeof t.q.by, "ward");
  t.q.chart = app::ChartKind::Map;
  t.Settle();
  t.ui.Frame();
  const app::ScreenDescription& s = t.ui.app->screen();
  REQUIRE(s.charts.size() == 1);
  CHECK(s.charts[0].kind == "map");
  std::map<std::string, double> values;
  for (const auto& series : s.charts[0].series)
    for (const auto& p : series.points)
      if (p.value) values[p.x] = *p.value;
  CHECK(values == std::map<std::string, double>{{"Keppel", 2}, {"Sitwell", 1}, {"Valley", 1}});
  t.Click("chart:0:0");  // Keppel, the first ward in the result
  CHECK(t.where() == "ward in (Keppel)\n");
  REQUIRE(t.q.live.result());
  REQUIRE(t.q.live.result()->rows.size() == 1);
  CHECK(*t.q.live.result()->rows[0].values[0] == 2);
}
