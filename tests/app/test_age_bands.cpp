#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "query/query_parser.hpp"
#include "query_tab_fixture.hpp"

using namespace csc;

namespace {
// Ages at 31 March 2013: U1 unborn (plan before the expected birth), B1 and B2 under 1,
// T1 3 (1-4), T2 8 (5-9), T3 16 (16-17).
std::string WriteAgePlans() {
  const std::filesystem::path dir = "/tmp/csc_ui_age_bands";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "cp_plans.csv").string();
  std::ofstream out(path);
  out << "child_id,sex,dob,ethnicity,ward,plan_start,plan_end,initial_category,latest_category,previous_plans\n"
         "U1,F,2013-06-01,WBRI,Sitwell,2013-01-15,,NEG,NEG,0\n"
         "B1,M,2012-08-01,WBRI,Keppel,2012-10-01,,NEG,NEG,0\n"
         "B2,F,2012-11-20,WBRI,Keppel,2013-01-01,,EMO,EMO,0\n"
         "T1,M,2010-02-01,WBRI,Valley,2012-05-01,,NEG,NEG,0\n"
         "T2,F,2005-03-01,APKN,Sitwell,2012-07-01,,PHY,PHY,0\n"
         "T3,M,1997-01-01,WBRI,Valley,2012-04-02,2013-06-01,NEG,NEG,0\n";
  return path;
}

double BandCount(const app::SlicerPanelState& s, const std::string& band) {
  REQUIRE(s.age_bands.counts);
  for (const auto& row : s.age_bands.counts->rows)
    if (row.keys[0] == band) return *row.values[0];
  return 0;
}

double Total(const QueryResult& r) {
  double n = 0;
  for (const auto& row : r.rows) n += *row.values[0];
  return n;
}

// The age filter of the query the panel would run now.
Filter AgeFilter(test::QueryTab& t) {
  const Query query = ParseQueryText(app::PanelQueryText(t.ui.app->table_names(), t.q));
  REQUIRE(query.filters.size() == 1);
  return query.filters[0];
}
}  // namespace

TEST_CASE("age-band toggles filter by DfE band, Unborn included, and read in the sentence", "[ui]") {
  test::QueryTab t(WriteAgePlans());
  const auto& names = t.ui.app->table_names();
  REQUIRE(t.q.live.result());
  CHECK(Total(*t.q.live.result()) == 6);
  // Each band's count under the other filters (none yet).
  const auto& slicers = t.ui.app->slicers();
  CHECK(BandCount(slicers, "Unborn") == 1);
  CHECK(BandCount(slicers, "Under 1") == 2);
  CHECK(BandCount(slicers, "1-4") == 1);
  CHECK(BandCount(slicers, "5-9") == 1);
  CHECK(BandCount(slicers, "16-17") == 1);

  t.Click("slicer:age:Under 1");
  CHECK(t.where() == "age in (under1)\n");
  Filter f = AgeFilter(t);
  CHECK(f.kind == FilterKind::AgeBand);
  CHECK(f.values == std::vector<std::string>{"under1"});
  CHECK(Total(*t.q.live.result()) == 2);  // B1, B2
  CHECK(app::FilterSentence(names, nullptr, t.q) == "Children on a CP plan at 31 March, 2012-13, aged under 1");

  t.Click("slicer:age:Unborn");  // OR within age
  f = AgeFilter(t);
  CHECK(f.values == std::vector<std::string>{"unborn", "under1"});
  CHECK(Total(*t.q.live.result()) == 3);
  CHECK(app::FilterSentence(names, nullptr, t.q) == "Children on a CP plan at 31 March, 2012-13, unborn or aged under 1");
  // The bands' own counts ignore the age filter.
  CHECK(BandCount(slicers, "5-9") == 1);

  t.Click("slicer:age:Unborn");
  t.Click("slicer:age:1-4");
  CHECK(t.where() == "age in (under1, 1-4)\n");
  CHECK(Total(*t.q.live.result()) == 3);  // B1, B2, T1
  CHECK(app::FilterSentence(names, nullptr, t.q) == "Children on a CP plan at 31 March, 2012-13, aged 0-4");

  // Another slicer's filter changes the band counts; the age filter stays.
  t.Click("slicer:latest_category:NEG");
  CHECK(t.where() == "age in (under1, 1-4)\nlatest_category in (NEG)\n");
  CHECK(BandCount(slicers, "Under 1") == 1);  // B1 (B2 is EMO)
  CHECK(BandCount(slicers, "5-9") == 0);      // T2 is PHY
  CHECK(Total(*t.q.live.result()) == 2);             // B1, T1

  // Toggling the last bands off removes the age filter.
  t.Click("slicer:age:Under 1");
  t.Click("slicer:age:1-4");
  CHECK(t.where() == "latest_category in (NEG)\n");
}
