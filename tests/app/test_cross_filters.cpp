#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "query/query_parser.hpp"
#include "query_tab_fixture.hpp"

using namespace csc;

namespace {
// Open at 31 March 2013: C1 (Sitwell), C4 (Valley), C5 (Keppel) neglect, C2 (Keppel)
// emotional abuse. Looked after: C1 since January 2012 (still), C4 in 2010 only, C9 never
// on a plan.
std::string WriteLinkedData() {
  const std::filesystem::path dir = "/tmp/csc_ui_cross_filters";
  std::filesystem::create_directories(dir);
  test::WriteCpPlans((dir / "cp_plans.csv").string(), {"C1", "C2", "C4", "C5"});
  std::ofstream lac(dir / "lac_episodes.csv");
  lac << "child_id,sex,dob,ethnicity,ward,period_start,episode_start,episode_end,legal_status,category_of_need,"
         "placement_type,placement_provider,reason_new_episode,reason_ceased\n"
         "C1,F,2008-05-01,WBRI,Sitwell,2012-01-01,2012-01-01,,C2,N1,U1,PR1,S,\n"
         "C4,M,2009-05-01,WBRI,Valley,2010-01-01,2010-01-01,2011-01-01,C2,N1,U1,PR1,S,E11\n"
         "C9,F,2007-01-01,WBRI,Keppel,2012-02-01,2012-02-01,,C2,N1,U1,PR1,S,\n";
  return dir.string();
}

double ValueOf(const QueryResult& r, const std::string& key) {
  for (const auto& row : r.rows)
    if (row.keys[0] == key) return *row.values[0];
  return 0;
}
}  // namespace

TEST_CASE("clicking a bar adds its filter and Ctrl+click adds a second value beside it", "[ui]") {
  const std::string dir = WriteLinkedData();
  test::QueryTab t({dir + "/cp_plans.csv"}, "cp_plans");
  std::snprintf(t.q.by, sizeof t.q.by, "ward");
  t.Settle();
  REQUIRE(t.q.live.result());
  REQUIRE(t.q.live.result()->rows.size() == 3);  // Keppel 2, Sitwell 1, Valley 1
  t.Click("chart:0:0");                   // Keppel
  CHECK(t.where() == "ward in (Keppel)\n");
  REQUIRE(t.q.live.result()->rows.size() == 1);
  CHECK(*t.q.live.result()->rows[0].values[0] == 2);
  // By category now (the ward filter stays): Ctrl+click on neglect adds a second filter
  // value, here on the category, instead of replacing the ward.
  std::snprintf(t.q.by, sizeof t.q.by, "latest_category");
  t.Settle();
  REQUIRE(t.q.live.result()->rows.size() == 2);  // EMO (C2), NEG (C5)
  t.Click("chart:1:1", true);
  CHECK(t.where() == "ward in (Keppel)\nlatest_category in (NEG)\n");
  REQUIRE(t.q.live.result()->rows.size() == 1);
  CHECK(t.q.live.result()->rows[0].keys[0] == "NEG");
  CHECK(*t.q.live.result()->rows[0].values[0] == 1);  // C5
  // A plain click on the one bar left takes its filter off again.
  t.Click("chart:0:0");
  CHECK(t.where() == "ward in (Keppel)\n");
}

TEST_CASE("one click keeps only children also in another dataset at the time", "[ui]") {
  const std::string dir = WriteLinkedData();
  test::QueryTab t({dir + "/cp_plans.csv", dir + "/lac_episodes.csv"}, "cp_plans");
  REQUIRE(t.q.live.result());
  CHECK(ValueOf(*t.q.live.result(), "NEG") == 3);
  CHECK(ValueOf(*t.q.live.result(), "EMO") == 1);
  t.Click("slicer:link");
  CHECK(std::string(t.q.link) == "present lac_episodes open-at-start");
  const Query query = ParseQueryText(app::PanelQueryText(t.ui.app->table_names(), t.q));
  REQUIRE(query.links.size() == 1);
  CHECK(query.links[0].table == "lac_episodes");
  CHECK(query.links[0].present);
  CHECK(query.links[0].when == LinkWhen::OpenAtStart);
  // Only C1 was looked after when her plan started (C4's care ended in 2011).
  REQUIRE(t.q.live.result()->rows.size() == 1);
  CHECK(t.q.live.result()->rows[0].keys[0] == "NEG");
  CHECK(*t.q.live.result()->rows[0].values[0] == 1);
  CHECK(app::FilterSentence(t.ui.app->table_names(), nullptr, t.q) ==
        "Children on a CP plan at 31 March, 2012-13, who were also looked after at the start");
  // The slicers count under the link too: one child in Sitwell, none elsewhere.
  const auto& ward = t.ui.app->slicers().columns.at("ward").counts;
  REQUIRE(ward);
  CHECK(ValueOf(*ward, "Sitwell") == 1);
  CHECK(ValueOf(*ward, "Keppel") == 0);
  t.Click("slicer:link");
  CHECK(std::string(t.q.link).empty());
  CHECK(ValueOf(*t.q.live.result(), "NEG") == 3);
}

TEST_CASE("Ctrl+clicks pick several bars of one chart, which filter together when Ctrl is let go", "[ui]") {
  test::QueryTab t(test::WriteCpPlans("/tmp/csc_ui_ctrl_plans.csv", {"C1", "C2", "C3", "C4", "C5"}));
  std::snprintf(t.q.by, sizeof t.q.by, "ward");
  t.Settle();
  REQUIRE(t.q.live.result()->rows.size() == 3);  // Keppel (C2, C5), Sitwell (C1), Valley (C4)
  auto ctrl_click = [&](const std::string& probe) {
    const auto at = app::ProbedCentre(probe);
    INFO(probe << " after " << t.q.pending_labels.size() << " picked");
    REQUIRE(at);
    ImGui::GetIO().KeyCtrl = true;
    t.ui.Click(*at);
    t.ui.Frame();
  };
  ctrl_click("chart:0:0");  // Keppel
  ctrl_click("chart:2:2");  // Valley (one bar per category: its series is its own)
  ctrl_click("chart:1:1");  // Sitwell ...
  ctrl_click("chart:1:1");  // ... and taken back
  // While Ctrl is held nothing is filtered and every bar stays to be picked.
  CHECK(t.where().empty());
  CHECK(t.q.pending_labels == std::vector<std::string>{"Keppel", "Valley"});
  CHECK(t.q.live.result()->rows.size() == 3);
  ImGui::GetIO().KeyCtrl = false;
  t.ui.Frame();  // the pick becomes the filter as this frame draws the chart
  CHECK(t.where() == "ward in (Keppel, Valley)\n");
  t.Settle();     // and its query lands
  REQUIRE(t.q.live.result()->rows.size() == 2);
  CHECK(t.q.live.result()->rows[0].keys[0] == "Keppel");
  CHECK(*t.q.live.result()->rows[0].values[0] == 2);
  CHECK(t.q.live.result()->rows[1].keys[0] == "Valley");
  CHECK(t.q.pending_keys.empty());
}
