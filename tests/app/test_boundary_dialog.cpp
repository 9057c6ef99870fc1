// File > Open ward boundaries: a user's own GeoJSON, its ward-name property picked from the
// properties listed with their values, then drawn by the map; the data's wards that are not
// on it are listed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "plot/map_chart.hpp"
#include "query_tab_fixture.hpp"
#include "views/boundary_dialog.hpp"

using namespace csc;

TEST_CASE("a user's boundary file is used by the map with the property picked, and unmatched wards are listed", "[ui][geo]") {
  // Open at 31 March 2013: A1 and A2 in North Side, A3 in South Side, A4 in Elsewhere (a ward
  // tests/data/geo/two_wards.geojson does not have).
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "csc_boundary_dialog";
  std::filesystem::create_directories(dir);
  const std::string csv = (dir / "cp_plans.csv").string();
  {
    std::ofstream out(csv);
    out << "child_id,sex,dob,ethnicity,ward,plan_start,plan_end,initial_category,latest_category,previous_plans\n"
        << "A1,F,2008-05-01,WBRI,North Side,2012-06-01,,NEG,NEG,0\n"
        << "A2,M,2009-05-01,WBRI,North Side,2012-06-01,,NEG,NEG,0\n"
        << "A3,F,2010-05-01,WBRI,South Side,2012-06-01,,NEG,NEG,0\n"
        << "A4,M,2011-05-01,WBRI,Elsewhere,2012-06-01,,NEG,NEG,0\n";
  }
  test::QueryTab t(csv);
  std::snprintf(t.q.by, sizeof t.q.by, "ward");
  t.q.chart = app::ChartKind::Map;
  t.Settle();

  auto& dialog = t.ui.app->boundary_dialog();
  dialog.open_requested = true;
  t.ui.Frame();
  // Missing files and broken ones are refused with the file named.
  CHECK_FALSE(app::ReadBoundaryFile(dialog, "/tmp/csc-no-such-boundaries.geojson"));
  CHECK(dialog.error == "/tmp/csc-no-such-boundaries.geojson: cannot be read");
  REQUIRE(app::ReadBoundaryFile(dialog, std::string(CSC_TEST_DATA_DIR) + "/geo/two_wards.geojson"));
  t.ui.Frame();
  t.ui.Frame();
  REQUIRE(dialog.summary.properties.size() == 3);
  CHECK(dialog.name_property == 1);  // ward_label guessed: distinct text, not the numeric id
  // Pick the codes first, then the names: the radio buttons set the pick.
  t.Click("boundary:name:ward_ref");
  CHECK(dialog.name_property == 2);
  t.Click("boundary:name:ward_label");
  CHECK(dialog.name_property == 1);
  t.Click("boundary:use");
  INFO(dialog.error);
  REQUIRE(dialog.match);
  CHECK(dialog.match->matched == 2);
  CHECK(dialog.match->unmatched_data == std::vector<std::string>{"Elsewhere"});
  CHECK(dialog.match->unmatched_map.empty());
  REQUIRE(app::ActiveWardBoundaries());
  CHECK(app::ActiveWardBoundaries()->wards.size() == 2);
  CHECK(app::ActiveWardAttribution() == "Ward boundaries: two_wards.geojson (ward_label)");
  t.Click("boundary:close");

  // The map draws the user's wards: groups are Elsewhere, North Side, South Side; Elsewhere
  // has no region, North Side (group 1) is one, and a click on it filters by it.
  CHECK_FALSE(app::ProbedCentre("chart:0:0"));
  REQUIRE(app::ProbedCentre("chart:1:1"));
  REQUIRE(app::ProbedCentre("chart:2:2"));
  t.Click("chart:1:1");
  CHECK(t.where() == "ward in ('North Side')\n");
  REQUIRE(t.q.live.result());
  REQUIRE(t.q.live.result()->rows.size() == 1);
  CHECK(*t.q.live.result()->rows[0].values[0] == 2);
  app::UseWardBoundaries({});
  CHECK(app::ActiveWardBoundaries() == app::BundledWardBoundaries());
}
