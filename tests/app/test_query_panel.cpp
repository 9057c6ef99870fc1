#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include "ui_harness.hpp"

using namespace csc;

namespace {
std::string WriteCpPlans() {
  const std::string path = "/tmp/csc_ui_cp_plans.csv";
  std::ofstream out(path);
  out << "child_id,sex,dob,ethnicity,ward,plan_start,plan_end,initial_category,latest_category,previous_plans\n"
         "C1,F,2008-05-01,WBRI,Sitwell,2012-06-01,,NEG,NEG,0\n"
         "C2,M,2010-01-10,WBRI,Keppel,2012-09-01,2013-06-01,PHY,EMO,1\n"
         "C3,F,2001-02-03,APKN,Sitwell,2011-01-01,2012-01-01,SAB,SAB,0\n"
         "C1,F,2008-05-01,WBRI,Sitwell,2010-01-01,2011-01-01,NEG,NEG,0\n";
  return path;
}
}  // namespace

TEST_CASE("typing in the query bar submits the query and shows the answer", "[ui]") {
  test::UiHarness ui;
  ui.app->OpenFiles({WriteCpPlans()});
  REQUIRE(ui.FramesUntil([&] { return !ui.app->busy(); }));
  ui.Frame();
  REQUIRE(ui.app->table_names() == std::vector<std::string>{"csc_ui_cp_plans"});
  ui.app->ShowTab(app::ExplorerApp::Tab::Query);
  auto& q = ui.app->query_panel();
  std::snprintf(q.by, sizeof q.by, "latest_category");
  std::snprintf(q.count, sizeof q.count, "open-at:31-03");
  std::snprintf(q.period, sizeof q.period, "fy:2012-13");
  std::snprintf(q.measure, sizeof q.measure, "children");
  REQUIRE(ui.FramesUntil([&] {
    return q.live.result() && !ui.app->queries().Busy(app::kQueryPanelCaller) && q.live.result()->rows.size() == 2;
  }));
  // Open at 31 March 2013: C1 (NEG, open) and C2 (EMO, ends June 2013); C3 ended in 2012.
  CHECK(q.live.result()->rows[0].keys == std::vector<std::string>{"EMO"});
  CHECK(q.live.result()->rows[0].values[0] == 1.0);
  CHECK(q.live.result()->rows[1].keys == std::vector<std::string>{"NEG"});
  CHECK(q.live.result()->rows[1].values[0] == 1.0);
  CHECK(q.live.error().empty());

  // A typo is named, and no numbers stay on screen under a question that was not answered.
  std::snprintf(q.by, sizeof q.by, "latest_categry");
  ui.FramesUntil([&] { return q.live.failed(); }, 2000);
  CHECK_THAT(q.live.error(), Catch::Contains("latest_categry"));
  CHECK_FALSE(q.live.result());
}

TEST_CASE("with nothing asked yet the query tab starts on the trend by category over the data's years", "[ui]") {
  test::UiHarness ui;
  ui.app->OpenFiles({WriteCpPlans()});
  REQUIRE(ui.FramesUntil([&] { return !ui.app->busy(); }));
  ui.app->ShowTab(app::ExplorerApp::Tab::Query);
  auto& q = ui.app->query_panel();
  REQUIRE(ui.FramesUntil([&] { return q.live.result() && !ui.app->queries().Busy(app::kQueryPanelCaller); }));
  // The years both date columns cover: starts 2009-10..2012-13, ends 2010-11..2013-14.
  CHECK(std::string(q.period) == "fy:2010-11..2012-13");
  CHECK(std::string(q.by) == "period, latest_category");
  CHECK(std::string(q.measure) == "children");
  // Open at 31 March 2013: C1 (NEG, since June 2012) and C2 (EMO, until June 2013).
  double at_2013 = 0;
  for (const auto& row : q.live.result()->rows)
    if (row.keys[0] == "2012-13") at_2013 += row.values[0].value_or(0);
  CHECK(at_2013 == 2.0);

  // Cleared by the user, it stays cleared: the starting question is asked once.
  q.by[0] = q.period[0] = '\0';
  ui.Frame();
  ui.Frame();
  CHECK(std::string(q.by).empty());
}

TEST_CASE("a long ward pick is held whole, not cut at a buffer's end", "[ui]") {
  test::UiHarness ui;
  // 400 picks of a 12-letter ward name: about 5,600 characters, past the old 2,048-byte buffer.
  std::string wards;
  for (int i = 0; i < 400; ++i) wards += (i ? ", " : "") + std::string("Ward") + std::to_string(10000000 + i);
  app::SavedView view;
  view.table = "cp_plans";
  view.where = {"ward in (" + wards + ")"};
  view.chart = "auto";
  ui.app->OpenView(view);
  const std::string& where = ui.app->query_panel().where;
  CHECK(where.size() == view.where[0].size() + 1);
  CHECK(where == view.where[0] + "\n");
  CHECK(app::PanelQueryText({"cp_plans"}, ui.app->query_panel()).where == view.where);
}
