#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "indicators/catalogue.hpp"
#include "ui/item_probe.hpp"
#include "ui_harness.hpp"
#include "views/indicator_trend.hpp"

using namespace csc;

TEST_CASE("the indicators tab shows a tile per indicator, a tile opens its detail and what-if", "[ui][dashboard]") {
  const std::string dir = "/tmp/csc-ui-dashboard-" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  ::setenv("CSC_CONFIG_DIR", dir.c_str(), 1);
  test::UiHarness ui;
  app::EnableItemProbe(true);
  ui.app->OpenFiles(app::DemoFiles());
  REQUIRE(ui.FramesUntil([&] { return !ui.app->busy(); }));
  ui.app->ShowTab(app::ExplorerApp::Tab::Indicators);
  auto& d = ui.app->dashboard();
  REQUIRE(ui.FramesUntil([&] { return d.tiles != nullptr; }));
  CHECK(d.years.front() == "2009-10");
  CHECK(d.years[static_cast<size_t>(d.year)] == "2012-13");
  CHECK(d.tiles->rows.size() == d.indicators->indicators.size());
  ui.Frame();
  const auto tile = app::ProbedCentre("tile:NI65");
  REQUIRE(tile);
  ui.Click(*tile);
  CHECK(d.selected == "NI65");
  REQUIRE(ui.FramesUntil([&] { return d.detail != nullptr && d.whatif != nullptr; }));
  CHECK(d.detail->breakdown.size() == 21);
  CHECK(d.whatif->after.numerator == 52);
  // Twelve fewer repeat plans: 40/319 = 12.5%, Red to Green.
  d.change = -12;
  REQUIRE(ui.FramesUntil([&] { return d.whatif && d.whatif->after.numerator == 40 && !d.whatif_task; }));
  CHECK(d.whatif->after.denominator == 319);
  CHECK(d.whatif->rag_before == Rag::Red);
  CHECK(d.whatif->rag_after == Rag::Green);

  // Named and saved, it is in the scenarios file for the next session.
  std::snprintf(d.scenario_name, sizeof d.scenario_name, "12 fewer repeat plans");
  ui.Frame();
  ui.Frame();
  const auto save = app::ProbedCentre("button:save-scenario");
  REQUIRE(save);
  ui.Click(*save);
  REQUIRE(d.scenarios.size() == 1);
  const auto saved = LoadScenarios(d.scenarios_path);
  REQUIRE(saved.size() == 1);
  CHECK(saved[0].name == "12 fewer repeat plans");
  CHECK(saved[0].indicator == "NI65");
  CHECK(saved[0].changes[0].amount == -12);
  app::EnableItemProbe(false);
}

namespace {
// Runs frames until every dashboard worker is idle, so nothing moves under a click that a
// late result (what-if, breakdown) would push down.
void Settle(test::UiHarness& ui, const app::DashboardState& d) {
  REQUIRE(ui.FramesUntil([&] { return d.tiles != nullptr && !app::DashboardBusy(d); }));
  ui.Frame();
  ui.Frame();
}
// The demonstration data loaded and the indicators tab showing its tiles.
app::DashboardState& OpenDashboard(test::UiHarness& ui) {
  ui.app->OpenFiles(app::DemoFiles());
  REQUIRE(ui.FramesUntil([&] { return !ui.app->busy(); }));
  ui.app->ShowTab(app::ExplorerApp::Tab::Indicators);
  auto& d = ui.app->dashboard();
  Settle(ui, d);
  return d;
}
// The dashboard with NI 65's detail open, probes on, settings in a config folder of its own.
app::DashboardState& OpenNi65Detail(test::UiHarness& ui) {
  app::EnableItemProbe(true);
  auto& d = OpenDashboard(ui);
  const auto tile = app::ProbedCentre("tile:NI65");
  REQUIRE(tile);
  ui.Click(*tile);
  Settle(ui, d);
  return d;
}
// Scrolls the indicator detail until the probed item is on screen (the detail scrolls; its
// lower sections start below a 1000-pixel display).
std::optional<ImVec2> ScrollTo(test::UiHarness& ui, const std::string& name) {
  ImGuiIO& io = ImGui::GetIO();
  for (int i = 0; i < 60; ++i) {
    const auto at = app::ProbedCentre(name);
    if (at && at->y > 40 && at->y < io.DisplaySize.y - 40) return at;
    io.MousePos = ImVec2(io.DisplaySize.x - 100, io.DisplaySize.y / 2);
    io.MouseWheel = at && at->y < 40 ? 2.0f : -2.0f;
    ui.Frame();
    io.MouseWheel = 0;
    ui.Frame();
  }
  return std::nullopt;
}
size_t RowOf(const app::DashboardState& d, const std::string& id) {
  for (size_t i = 0; i < d.tiles->rows.size(); ++i)
    if (d.tiles->rows[i].indicator->id == id) return i;
  FAIL("no tile " << id);
  return 0;
}
}  // namespace

TEST_CASE("the trend draws England and the SN mean per year, with gaps for years without figures", "[ui][dashboard]") {
  ::setenv("CSC_CONFIG_DIR", ("/tmp/csc-ui-trend-" + std::to_string(::getpid())).c_str(), 1);
  test::UiHarness ui;
  auto& d = OpenDashboard(ui);
  const size_t i = RowOf(d, "NI65");
  const app::ChartData c =
      app::TrendChartData(d.tiles->rows[i], d.tiles->series[i], d.tiles->comparators[i], d.tiles->years, d.tiles->sn_vintage);
  CHECK(c.series == std::vector<std::string>{"NI 65", "target", "England", "SN mean (2025)"});
  REQUIRE(c.groups.size() == 7);  // 2009-10 .. 2015-16
  CHECK(c.groups[3] == "2012-13");
  CHECK(std::isnan(c.values[2][2]));  // 2011-12: no England figure, a gap and not a zero
  CHECK(std::isnan(c.values[2][3]));
  CHECK(c.values[3][0] == Approx(100.0 * 52 / 319));
  CHECK(c.values[3][1] == Approx(13.3));
  CHECK(c.values[3][2] == Approx(13.8));   // the report's England figure
  CHECK(c.values[3][3] == Approx(14.85));  // d3 2013, ten neighbours
  CHECK(c.values[4][2] == Approx(15.8));   // d3 2014 England
  CHECK(std::isnan(c.values[4][1]));       // no target set for 2013-14
}

TEST_CASE("the detail's breakdown selector splits repeat plans by latest category", "[ui][dashboard]") {
  ::setenv("CSC_CONFIG_DIR", ("/tmp/csc-ui-breakdown-" + std::to_string(::getpid())).c_str(), 1);
  test::UiHarness ui;
  auto& d = OpenNi65Detail(ui);
  REQUIRE(d.breakdown);
  CHECK(d.breakdown->by == "ward");
  CHECK(d.breakdown->rows.size() == 21);
  const auto radio = ScrollTo(ui, "breakdown:latest_category");
  REQUIRE(radio);
  ui.Click(*radio);
  CHECK(d.breakdown_by == "latest_category");
  REQUIRE(ui.FramesUntil([&] { return d.breakdown->by == "latest_category" && !d.breakdown_task; }));
  REQUIRE(d.breakdown->rows.size() == 5);
  CHECK(d.breakdown->rows[0].label == "NEG");  // 23 of the 52 repeats, of 147 plans
  CHECK(d.breakdown->rows[0].numerator == 23);
  CHECK(d.breakdown->rows[0].denominator == 147);
  CHECK(d.breakdown->rows[4].label == "SAB");
  CHECK(d.breakdown->rows[4].numerator == 1);
  app::EnableItemProbe(false);
}

TEST_CASE("the funnel switches from our wards to every LA in England, ours circled", "[ui][dashboard]") {
  ::setenv("CSC_CONFIG_DIR", ("/tmp/csc-ui-la-funnel-" + std::to_string(::getpid())).c_str(), 1);
  test::UiHarness ui;
  auto& d = OpenNi65Detail(ui);
  REQUIRE(d.detail);
  CHECK(d.detail->funnel.points.size() == 21);
  const auto las = ScrollTo(ui, "funnel:las");
  REQUIRE(las);
  CHECK_FALSE(d.la_funnel);
  ui.Click(*las);
  CHECK(d.la_funnel);
  Settle(ui, d);
  // 2012-13 is DfE's 2013: 144 LAs with both counts, England's 7,735 of 51,480 in the middle.
  CHECK(d.detail->la_funnel.plot.points.size() == 144);
  CHECK(d.detail->la_funnel.plot.target == Approx(7735.0 / 51480.0));
  CHECK(d.detail->la_funnel.own == "Rotherham");
  const auto wards = app::ProbedCentre("funnel:wards");
  REQUIRE(wards);
  ui.Click(*wards);
  CHECK_FALSE(d.la_funnel);
  app::EnableItemProbe(false);
}

TEST_CASE("a user adds an indicator from the form: checked, previewed, saved beside the views, tiled", "[ui][dashboard]") {
  const std::string dir = "/tmp/csc-ui-add-indicator-" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  ::setenv("CSC_CONFIG_DIR", dir.c_str(), 1);
  const std::string bundled = DefaultCataloguePath();
  auto slurp = [](const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  const std::string bundled_before = slurp(bundled);
  test::UiHarness ui;
  app::EnableItemProbe(true);
  auto& d = OpenDashboard(ui);
  const size_t bundled_count = d.tiles->rows.size();
  const auto open = app::ProbedCentre("button:add-indicator");
  REQUIRE(open);
  ui.Click(*open);
  REQUIRE(d.form.open);
  ui.Frame();
  // The id is typed; the rest is filled in as a person would paste it.
  const auto id = app::ProbedCentre("form:id");
  REQUIRE(id);
  ui.Click(*id);
  ImGui::GetIO().AddInputCharactersUTF8("CP_NEG");
  ui.Frame();
  ui.Frame();
  CHECK(std::string(d.form.id) == "CP_NEG");
  std::snprintf(d.form.name, sizeof d.form.name, "CP plans started for neglect");
  std::snprintf(d.form.numerator, sizeof d.form.numerator, "cp_plans --period fy:{year} --count started --where 'abuse in (NEG)'");
  std::snprintf(d.form.denominator, sizeof d.form.denominator, "cp_plans --period fy:{year} --count started");
  std::snprintf(d.form.targets, sizeof d.form.targets, "2012-13: 45");
  ui.Frame();
  auto click = [&](const char* name) {
    const auto at = app::ProbedCentre(name);
    REQUIRE(at);
    ui.Click(*at);
  };
  click("form:preview");
  REQUIRE(ui.FramesUntil([&] { return d.form.preview != nullptr && !d.form.preview_task; }));
  CHECK_THAT(d.form.preview->error, Catch::StartsWith("indicator CP_NEG: numerator: ") && Catch::Contains("abuse"));
  click("form:add");  // disabled while the preview has an error
  CHECK_FALSE(std::filesystem::exists(dir + "/indicators.json"));

  std::snprintf(d.form.numerator, sizeof d.form.numerator,
                "cp_plans --period fy:{year} --count started --where 'latest_category in (NEG)'");
  ui.Frame();
  click("form:preview");
  REQUIRE(ui.FramesUntil([&] { return d.form.preview != nullptr && !d.form.preview_task; }));
  REQUIRE(d.form.preview->error.empty());
  CHECK(d.form.preview->row.current.numerator == 147);  // of the 319 plans started in 2012-13
  CHECK(d.form.preview->row.current.denominator == 319);
  CHECK(d.form.preview->row.comparators.target == 45);
  ui.Frame();
  click("form:add");
  CHECK_THAT(d.form.status, Catch::StartsWith("Added CP_NEG to "));
  const std::string saved = slurp(dir + "/indicators.json");
  CHECK_THAT(saved, Catch::Contains("\"id\": \"CP_NEG\""));
  CHECK_THAT(saved, Catch::Contains("latest_category in (NEG)"));
  CHECK(slurp(bundled) == bundled_before);
  // The tiles are recomputed with the new indicator last.
  REQUIRE(ui.FramesUntil([&] { return d.tiles != nullptr && d.tiles->rows.size() == bundled_count + 1; }));
  CHECK(d.tiles->rows.back().indicator->id == "CP_NEG");
  CHECK(d.tiles->rows.back().current.numerator == 147);
  app::EnableItemProbe(false);
}

TEST_CASE("indicators the user added load after the bundled ones when the explorer starts", "[ui][dashboard]") {
  const std::string dir = "/tmp/csc-ui-user-indicators-" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  ::setenv("CSC_CONFIG_DIR", dir.c_str(), 1);
  {
    std::ofstream out(dir + "/indicators.json");
    out << R"({"indicators": [{"id": "CME_Y1", "name": "CME referrals in year 1", "polarity": "lower", "unit": "count",
      "numerator": "cme_referrals --period fy:{year} --count started --where 'year_group = 1'"}]})";
  }
  test::UiHarness ui;
  auto& d = OpenDashboard(ui);
  REQUIRE(d.user_catalogue_error.empty());
  CHECK(d.tiles->rows.back().indicator->id == "CME_Y1");
  CHECK(d.tiles->rows.back().current.value == 232);  // year group 1 of the 874 CME referrals in 2012-13
  std::filesystem::remove_all(dir);
}

TEST_CASE("ticked publication-safe, the indicators' what-if, breakdown and ward funnel rest on published counts",
          "[ui][dashboard][publish]") {
  const std::string dir = "/tmp/csc-ui-publish-" + std::to_string(::getpid());
  ::setenv("CSC_CONFIG_DIR", dir.c_str(), 1);
  test::UiHarness ui;
  auto& d = OpenNi65Detail(ui);
  REQUIRE(d.whatif);
  CHECK_FALSE(d.whatif->published);
  const auto tick = app::ProbedCentre("checkbox:publish-indicators");
  REQUIRE(tick);
  ui.Click(*tick);
  CHECK(d.publish);
  REQUIRE(ui.FramesUntil([&] { return d.publishing && d.tiles && !app::DashboardBusy(d); }));
  Settle(ui, d);
  REQUIRE(ui.FramesUntil([&] { return d.whatif != nullptr && d.detail != nullptr && !app::DashboardBusy(d); }));
  // The what-if starts from the published counts the tile shows (one cell, one figure).
  CHECK(d.whatif->published);
  const KpiRow& row = d.tiles->rows[RowOf(d, "NI65")];
  CHECK(d.whatif->before.numerator == row.current.numerator);
  CHECK(d.whatif->before.denominator == row.current.denominator);
  // 52 repeat plans over 21 wards: wards with 1 to 5 are withheld, with no value and no point
  // in the funnel; exact, every ward is a point.
  REQUIRE(d.detail->breakdown.size() == 21);
  size_t withheld = 0;
  for (const BreakdownRow& r : d.detail->breakdown) {
    if (!r.withheld()) continue;
    ++withheld;
    CHECK_FALSE((r.numerator && r.denominator));
    CHECK_FALSE(r.value);
    for (const FunnelPoint& p : d.detail->funnel.points) CHECK(p.label != r.label);
  }
  CHECK(withheld > 0);
  CHECK(d.detail->funnel.points.size() == 21 - withheld);
  // 5 of the repeats are sexual abuse: a what-if on that slice is refused, in words.
  std::snprintf(d.slice, sizeof d.slice, "latest_category in (SAB)");
  d.change = -1;
  REQUIRE(ui.FramesUntil([&] { return !d.whatif_error.empty() && !d.whatif_task; }));
  CHECK(d.whatif_error == "indicator NI65: the count in slice latest_category in (SAB) is withheld for publication (a count "
                          "of 1 to 5), so there is no what-if for it");
  app::EnableItemProbe(false);
}
