// Exports say what they are: the query, the data, when, and whether they are publication-safe.
#include <catch2/catch.hpp>

#include "ui/export_actions.hpp"

using namespace csc;

TEST_CASE("a CSV export starts with its query, data, time and publication state", "[ui][export]") {
  const std::string exact = app::CsvProvenance("cp_plans: children by ward", "cp_plans, data generation 3", 0);
  CHECK_THAT(exact, Catch::StartsWith("# query: cp_plans: children by ward\n# data: cp_plans, data generation 3\n# exported: 20"));
  CHECK_THAT(exact, Catch::EndsWith("Z\n# publication: exact figures, not for publication\n"));
  const std::string safe = app::CsvProvenance("q\nwith a line break", "d", 5);
  CHECK_THAT(safe, Catch::StartsWith("# query: q with a line break\n"));
  CHECK_THAT(safe, Catch::Contains("# publication: publication-safe: counts of 1 to 5 "));
}

TEST_CASE("a chart exported with exact figures says it is not for publication", "[ui][export]") {
  QueryResult r;
  r.dimensions = {"ward"};
  r.measures = {"children"};
  r.rows = {{{"Keppel"}, {2.0}}};
  app::QueryPanelState state;
  const auto exact = app::MakeChartExport(r, state, {"cp_plans"}, nullptr, {"cp_plans", false}, std::nullopt, "/tmp/x.png");
  CHECK_THAT(exact.source, Catch::Contains("Exact figures, not for publication"));
  const std::vector<std::vector<bool>> withheld{{true}};
  const auto safe = app::MakeChartExport(r, state, {"cp_plans"}, nullptr, {"cp_plans", false}, std::pair{5, size_t{1}},
                                         "/tmp/x.png", &withheld);
  CHECK_THAT(safe.source, !Catch::Contains("Exact figures"));
  CHECK(app::Withheld(safe.chart, 0, 0));
}
