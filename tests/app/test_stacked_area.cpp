#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <set>
#include <string>

#include "query_tab_fixture.hpp"

using namespace csc;

namespace {
// Open during 2012-13: C1, C4, C5 neglect, C2 emotional abuse; C3 (sexual abuse) ended
// in January 2012, so 2010-11 and 2011-12 hold C3 alone.
std::string WriteTrendPlans() { return test::WriteCpPlans("/tmp/csc_ui_area_plans.csv", {"C1", "C2", "C3", "C4", "C5"}); }
}  // namespace

TEST_CASE("the trend's stacked-area toggle redraws it as stacked bands, and back", "[ui]") {
  test::QueryTab t(WriteTrendPlans());
  std::snprintf(t.q.by, sizeof t.q.by, "period, latest_category");
  std::snprintf(t.q.period, sizeof t.q.period, "fy:2010-11..2012-13");
  std::snprintf(t.q.count, sizeof t.q.count, "open-during");
  t.Settle();
  REQUIRE(t.q.chart == app::ChartKind::Auto);  // three periods: drawn as lines
  CHECK_FALSE(app::ProbedCentre("chart:area"));

  t.Click("toggle:stacked-area");
  CHECK(t.q.chart == app::ChartKind::Area);
  CHECK(app::ProbedCentre("chart:area"));
  // Series come in first-seen order: sexual abuse (2010-11), then emotional abuse and
  // neglect. 2012-13 stacks emotional abuse (1) under neglect (3); sexual abuse has no
  // height there.
  CHECK_FALSE(app::ProbedCentre("chart:area:2:0"));
  CHECK(app::ProbedCentre("chart:area:2:1"));
  CHECK(app::ProbedCentre("chart:area:2:2"));
  CHECK(app::ProbedCentre("chart:area:0:0"));
  const auto emotional = app::ProbedCentre("chart:area:2:1"), neglect = app::ProbedCentre("chart:area:2:2");
  CHECK(neglect->y < emotional->y);  // on top
  // Pointing at the neglect band names its category for every view.
  ImGui::GetIO().MousePos = *neglect;
  t.ui.Frame();
  t.ui.Frame();
  CHECK(t.ui.app->hover().highlighted() == "Neglect");
  ImGui::GetIO().MousePos = ImVec2(-100, -100);
  t.ui.Frame();
  t.ui.Frame();
  CHECK(t.ui.app->hover().highlighted().empty());

  // Right-click on a legend entry hides its series, as on the line chart: neglect's band
  // goes and emotional abuse's stays.
  auto right_click = [&](ImVec2 at) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    t.ui.Frame();
    io.MouseDown[1] = true;
    t.ui.Frame();
    io.MouseDown[1] = false;
    t.ui.Frame();
    t.ui.Frame();
  };
  const auto entry = app::ProbedCentre("legend:Neglect");
  REQUIRE(entry);
  right_click(*entry);
  CHECK(t.q.hidden_series == std::set<std::string>{"Neglect"});
  CHECK_FALSE(app::ProbedCentre("chart:area:2:2"));
  CHECK(app::ProbedCentre("chart:area:2:1"));
  right_click(*app::ProbedCentre("legend:Neglect"));
  CHECK(t.q.hidden_series.empty());
  CHECK(app::ProbedCentre("chart:area:2:2"));

  // The choice is saved with the view.
  REQUIRE(t.ui.app->SaveCurrentView("trend as area"));
  const auto& views = t.ui.app->saved_views().views();
  REQUIRE_FALSE(views.empty());
  CHECK(views.back().chart == "area");

  t.Click("toggle:stacked-area");
  CHECK(t.q.chart == app::ChartKind::Lines);
  CHECK_FALSE(app::ProbedCentre("chart:area"));
}
