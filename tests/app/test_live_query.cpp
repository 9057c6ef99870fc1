// A result belongs to its query and its data: the chart, the slicers, the pivot totals and
// presentation mode each show the answer to exactly what is asked on the data now loaded,
// the previous answer marked as updating, or an error and no numbers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

#include "query_tab_fixture.hpp"
#include "ui/screen_description.hpp"
#include "views/live_query.hpp"

using namespace csc;

namespace {

double CountOf(const QueryResultPtr& r, const std::string& key) {
  REQUIRE(r);
  for (const auto& row : r->rows)
    if (!row.keys.empty() && row.keys[0] == key && row.values[0]) return *row.values[0];
  return 0;
}

}  // namespace

TEST_CASE("a half-typed period shows its error and no chart under the new title", "[ui]") {
  test::QueryTab t(test::WriteCpPlans("/tmp/csc_ui_live_period.csv", {"C1", "C2", "C3", "C4", "C5"}));
  REQUIRE(t.q.live.result());
  REQUIRE_FALSE(t.ui.app->screen().charts.empty());
  // Typed one key at a time: "fy:2012-" does not parse.
  std::snprintf(t.q.period, sizeof t.q.period, "fy:2012-");
  REQUIRE(t.ui.FramesUntil([&] { return t.q.live.failed(); }, 50));
  t.ui.Frame();
  t.ui.Frame();
  const app::ScreenDescription& screen = t.ui.app->screen();
  REQUIRE(screen.error);
  CHECK_THAT(*screen.error, Catch::Contains("2012-"));
  CHECK(screen.charts.empty());  // the answer for fy:2012-13 is gone, not shown under the new question
  CHECK(screen.tables.empty());
  CHECK_FALSE(t.q.live.result());
  // Finished typing: the answer comes back for the new text.
  std::snprintf(t.q.period, sizeof t.q.period, "fy:2012-13");
  t.Settle();
  CHECK_FALSE(t.ui.app->screen().error);
  REQUIRE(t.ui.app->screen().charts.size() == 1);
}

TEST_CASE("switching to a dataset without the grouped column shows the error, not the old chart", "[ui]") {
  const std::string plans = test::WriteCpPlans("/tmp/csc_ui_live_plans.csv", {"C1", "C2", "C3", "C4", "C5"});
  {
    std::ofstream other("/tmp/csc_ui_live_people.csv");
    other << "child_id,sex\nA,F\nB,M\n";
  }
  test::QueryTab t({plans, "/tmp/csc_ui_live_people.csv"}, "csc_ui_live_plans");
  REQUIRE(t.q.live.result());
  const auto& names = t.ui.app->table_names();
  const auto people = std::find(names.begin(), names.end(), "csc_ui_live_people");
  REQUIRE(people != names.end());
  t.q.table = static_cast<int>(people - names.begin());
  REQUIRE(t.ui.FramesUntil([&] { return t.q.live.failed(); }, 2000));
  t.ui.Frame();
  t.ui.Frame();
  CHECK(t.ui.app->screen().charts.empty());
  REQUIRE(t.ui.app->screen().error);
}

TEST_CASE("slicer counts and pivot totals are counted again after the file is reloaded", "[ui]") {
  const std::string path = "/tmp/csc_ui_live_reload.csv";
  test::WriteCpPlans(path, {"C1", "C2"});
  test::QueryTab t(path);
  std::snprintf(t.q.by, sizeof t.q.by, "sex, latest_category");
  t.Settle();
  // Open at 31 March 2013 with two children: C1 (Sitwell, F, NEG) and C2 (Keppel, M, EMO).
  CHECK(CountOf(t.ui.app->slicers().columns.at("ward").counts, "Keppel") == 1);
  REQUIRE(t.ui.FramesUntil([&] { return t.q.pivot.totals.size() == 3 && t.q.pivot.totals[2]; }, 2000));
  CHECK(*t.q.pivot.totals[2]->rows[0].values[0] == 2);
  // The same file now holds all five children: C4 (Valley) and C5 (Keppel) are open too.
  test::WriteCpPlans(path, {"C1", "C2", "C3", "C4", "C5"});
  t.ui.app->OpenFiles({path});
  REQUIRE(t.ui.FramesUntil([&] { return !t.ui.app->busy(); }));
  t.Settle();
  REQUIRE(t.ui.FramesUntil([&] { return t.q.pivot.totals.size() == 3 && t.q.pivot.totals[2]; }, 2000));
  CHECK(CountOf(t.ui.app->slicers().columns.at("ward").counts, "Keppel") == 2);
  CHECK(CountOf(t.ui.app->slicers().columns.at("ward").counts, "Valley") == 1);
  CHECK(*t.q.pivot.totals[2]->rows[0].values[0] == 4);  // C1, C2, C4, C5; C3's plan ended in 2012
}

TEST_CASE("a chart is never shown unmarked while it answers an earlier question", "[ui]") {
  test::QueryTab t(test::WriteCpPlans("/tmp/csc_ui_live_marked.csv", {"C1", "C2", "C3", "C4", "C5"}));
  // By ward: Keppel 2, Sitwell 1, Valley 1. Each frame until it lands shows either that
  // answer, or the category answer marked as updating.
  std::snprintf(t.q.by, sizeof t.q.by, "ward");
  bool landed = false;
  for (int frame = 0; frame < 2000 && !landed; ++frame) {
    t.ui.Frame();
    const app::ScreenDescription& screen = t.ui.app->screen();
    if (screen.charts.empty()) continue;
    const auto& chart = screen.charts[0];
    if (screen.updating) continue;
    CHECK(chart.title == "Children by ward");
    CHECK(screen.title == "Children by ward");
    landed = true;
  }
  CHECK(landed);
}

TEST_CASE("presentation mode shows a failed view in plain words without the query's syntax", "[ui]") {
  test::QueryTab t(test::WriteCpPlans("/tmp/csc_ui_live_present.csv", {"C1", "C2", "C3", "C4", "C5"}));
  t.ui.app->SetPresenting(true);
  std::snprintf(t.q.by, sizeof t.q.by, "latest_categry");
  REQUIRE(t.ui.FramesUntil([&] { return t.q.published.live.failed(); }, 2000));
  t.ui.Frame();
  t.ui.Frame();
  const app::ScreenDescription& screen = t.ui.app->screen();
  CHECK(screen.tab == "presentation");
  REQUIRE(screen.error);
  CHECK_THAT(*screen.error, Catch::StartsWith("This view cannot be shown: "));
  CHECK_THAT(*screen.error, !Catch::Contains("latest_categry") && !Catch::Contains("'") && !Catch::Contains("group by"));
  CHECK(screen.charts.empty());
}

TEST_CASE("engine errors become a plain sentence for the board", "[ui]") {
  CHECK(app::PresentationError("no data loaded") == "This view cannot be shown: the data it needs is not loaded.");
  CHECK(app::PresentationError("by 'wardd': unknown column 'wardd' in cp_plans; columns: a, b") ==
        "This view cannot be shown: the loaded data does not have the detail it needs.");
  CHECK(app::PresentationError("period 'fy:2012-': expected fy:YYYY-YY") ==
        "This view cannot be shown: its time period is incomplete or not covered by the data.");
}

TEST_CASE("load progress and completion show on every tab, not only the Data tab", "[ui]") {
  const std::string path = test::WriteCpPlans("/tmp/csc_ui_live_status.csv", {"C1", "C2", "C3"});
  test::UiHarness ui;
  ui.app->ShowTab(app::ExplorerApp::Tab::Indicators);
  ui.Frame();
  CHECK(ui.app->LoadStatus().empty());
  ui.app->OpenFiles({path});
  CHECK_THAT(ui.app->LoadStatus(), Catch::StartsWith("Loading csc_ui_live_status.csv "));
  REQUIRE(ui.FramesUntil([&] { return !ui.app->busy(); }));
  CHECK(ui.app->LoadStatus() == "Loaded csc_ui_live_status.csv (3 rows)");
}

TEST_CASE("the --dark option is for one run: the saved theme stays as chosen in the View menu", "[ui]") {
  test::UiHarness ui;
  const std::string saved = ui.app->settings().theme;
  ui.app->SetTheme(app::Theme::Dark, false);
  CHECK(ui.app->theme() == app::Theme::Dark);
  CHECK(ui.app->settings().theme == saved);
  ui.app->SetTheme(app::Theme::Dark);  // the menu's choice is remembered
  CHECK(ui.app->settings().theme == "dark");
}
