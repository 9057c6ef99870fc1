#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include "plot/chart_frame.hpp"
#include "query_tab_fixture.hpp"

using namespace csc;

namespace {
std::string WriteHoverPlans() { return test::WriteCpPlans("/tmp/csc_ui_hover_plans.csv", {"C1", "C2", "C4", "C5"}); }

void HoverAt(test::QueryTab& t, const std::string& probe) {
  const auto at = app::ProbedCentre(probe);
  INFO(probe);
  REQUIRE(at);
  ImGui::GetIO().MousePos = *at;
  t.ui.Frame();  // named while drawing
  t.ui.Frame();  // highlighted everywhere
}
}  // namespace

TEST_CASE("a category hovered in the chart or the cross-table is highlighted in both", "[ui]") {
  test::QueryTab t(WriteHoverPlans());
  std::snprintf(t.q.by, sizeof t.q.by, "sex, latest_category");
  t.q.chart = app::ChartKind::Bars;
  t.Settle();
  REQUIRE(t.ui.FramesUntil([&] { return t.q.pivot.totals.size() == 3 && t.q.pivot.totals[2] != nullptr; }));
  t.ui.Frame();
  // Bars: sex along x, one bar per category in first-seen order (neglect, emotional abuse);
  // girls have only neglect.
  HoverAt(t, "chart:0:0");
  CHECK(t.ui.app->hover().highlighted() == "Neglect");
  // The cross-table's row for boys, hovered anywhere along the row.
  HoverAt(t, "pivot::M");
  CHECK(t.ui.app->hover().highlighted() == "M");
  ImGui::GetIO().MousePos = ImVec2(-100, -100);
  t.ui.Frame();
  t.ui.Frame();
  CHECK(t.ui.app->hover().highlighted().empty());
}

TEST_CASE("a highlighted category dims the other marks, by series or by group", "[ui]") {
  app::ChartData d;
  d.groups = {"F", "M"};
  d.series = {"Emotional abuse", "Neglect"};
  d.values = {{1, 2}, {1, 1}};
  app::ChartHover none;
  CHECK_FALSE(app::Dimmed(d, none, 0, 0));
  d.highlight = "Neglect";
  CHECK(app::HighlightedSeries(d, none) == 1);
  CHECK(app::Dimmed(d, none, 0, 0));
  CHECK_FALSE(app::Dimmed(d, none, 1, 1));
  d.highlight = "M";  // a group label (a pivot row)
  CHECK(app::HighlightedSeries(d, none) == -1);
  CHECK(app::HighlightedGroup(d, none) == 1);
  CHECK(app::Dimmed(d, none, 0, 1));
  CHECK_FALSE(app::Dimmed(d, none, 1, 0));
  // The chart's own legend entry under the mouse wins over a highlight from elsewhere.
  app::ChartHover legend;
  legend.legend = 0;
  CHECK(app::HighlightedSeries(d, legend) == 0);
  CHECK(app::Dimmed(d, legend, 1, 1));
  CHECK(app::HoveredCategory(d, legend) == "Emotional abuse");
  app::ChartHover bar;
  bar.group = 1, bar.series = 1;
  CHECK(app::HoveredCategory(d, bar) == "Neglect");
  CHECK(app::HoveredCategory(d, none).empty());
}
