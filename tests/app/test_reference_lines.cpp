// Reference lines: an indicator's target, England and SN mean drawn on a trend of its measure,
// from the same sources the indicators tab uses, and saved with the view.
#include <catch2/catch.hpp>

#include <cstdio>

#include "indicators/catalogue.hpp"
#include "indicators/scorecard.hpp"
#include "query_tab_fixture.hpp"
#include "views/query_panel.hpp"
#include "views/reference_lines.hpp"

using namespace csc;

TEST_CASE("picking NI 65 draws its target, England and SN mean on the repeat-plan trend", "[ui]") {
  test::QueryTab t(app::DemoFiles(), "cp_plans");
  // NI 65's own measure: plans started that were a second or subsequent plan, as a %.
  std::snprintf(t.q.count, sizeof t.q.count, "started");
  std::snprintf(t.q.period, sizeof t.q.period, "fy:2010-11..2013-14");
  std::snprintf(t.q.by, sizeof t.q.by, "period");
  std::snprintf(t.q.measure, sizeof t.q.measure, "ratio(previous_plans 1.. / )");
  t.Settle();
  t.Click("reflines");
  t.Click("reflines:NI65");
  CHECK(t.q.reference_indicator == "NI65");
  REQUIRE(t.ui.FramesUntil([&] { return !t.ui.app->screen().charts.empty() && !t.ui.app->screen().charts[0].references.empty(); },
                           20000));
  const auto& refs = t.ui.app->screen().charts[0].references;
  // Independently: the catalogue's targets and the scorecard's comparators for each year.
  const IndicatorCatalogue catalogue = LoadCatalogue(DefaultCataloguePath());
  const Indicator& ni65 = *catalogue.Find("NI65");
  const Catalog none;
  Scorecard card(catalogue, none);
  REQUIRE(refs.size() == 3);
  CHECK(refs[0].name == "NI 65 target");
  CHECK(refs[1].name == "England");
  CHECK(refs[2].name.rfind("SN mean", 0) == 0);
  for (const auto& p : refs[0].points) CHECK(*p.value == ni65.targets.at(p.x));
  bool target_2012 = false;
  for (const auto& p : refs[0].points) target_2012 |= p.x == "2012-13" && *p.value == 13.3;  // domain.md 4
  CHECK(target_2012);
  for (const auto& p : refs[1].points) CHECK(*p.value == Approx(*card.Comparators(ni65, p.x).england));
  for (const auto& p : refs[2].points) CHECK(*p.value == Approx(*card.Comparators(ni65, p.x).sn_mean));
  // The DfE files start at 2012-13 (time period 2013): the earlier years are gaps, never zeros.
  REQUIRE(refs[1].points.size() == 2);
  CHECK(refs[1].points[0].x == "2012-13");
  CHECK(refs[1].points[1].x == "2013-14");

  // Saved with the view; taken off with "(none)", one undo step.
  REQUIRE(t.ui.app->SaveCurrentView("NI 65 trend"));
  CHECK(t.ui.app->saved_views().views().back().reference_indicator == "NI65");
  t.Click("reflines");
  t.Click("reflines:none");
  CHECK(t.q.reference_indicator.empty());
  CHECK(t.ui.app->screen().charts[0].references.empty());
}

TEST_CASE("reference lines are offered only on a chart whose groups are financial years", "[ui]") {
  test::QueryTab t(test::WriteCpPlans("/tmp/csc_ui_reflines.csv", {"C1", "C2", "C3", "C4", "C5"}));
  std::snprintf(t.q.by, sizeof t.q.by, "ward");
  t.Settle();
  CHECK_FALSE(app::ProbedCentre("reflines"));
  std::snprintf(t.q.by, sizeof t.q.by, "period");
  std::snprintf(t.q.period, sizeof t.q.period, "fy:2011-12..2012-13");
  t.Settle();
  CHECK(app::ProbedCentre("reflines"));
  app::ChartData months;
  months.groups = {"2013-03", "2013-04"};
  CHECK(app::FinancialYearGroups(months).empty());
}
