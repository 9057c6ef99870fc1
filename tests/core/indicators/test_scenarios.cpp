// Named scenarios survive a save and load, fail with the scenario named, and compare side by
// side with the same arithmetic as `csc whatif`.
#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

#include "indicator_fixtures.hpp"
#include "indicators/scenarios.hpp"

using namespace csc;

TEST_CASE("Scenarios round-trip through their file and compare side by side", "[indicators]") {
  WhatIfChange fewer;
  fewer.amount = -12;
  fewer.slice = "latest_category in (NEG)";
  WhatIfChange pct;
  pct.amount = -10;
  pct.percent = true;
  pct.with_denominator = true;
  const std::vector<NamedScenario> scenarios = {{"neglect repeats", "NI65", "2012-13", {fewer}},
                                                {"ten percent", "NI65", "2012-13", {pct}},
                                                {"unknown", "NI99", "2012-13", {}}};
  const std::string path = std::filesystem::temp_directory_path() / ("csc_scenarios_" + std::to_string(getpid()) + ".json");
  SaveScenarios(path, scenarios);
  CHECK(LoadScenarios(path) == scenarios);
  std::filesystem::remove(path);
  CHECK(LoadScenarios(path).empty());

  Scorecard card(BundledIndicators(), DemoData());
  const auto rows = CompareScenarios(card, scenarios);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].before == "16.3%");
  CHECK(rows[0].after == "12.5%");  // 40 / 319
  CHECK(rows[0].rag_after == "Green");
  CHECK(rows[0].rank_after == "49/145 B");
  CHECK(rows[1].after == "15.0%");  // 10% of 52 = 5.2 -> 5 fewer, also from the denominator: 47 / 314 = 14.97%
  CHECK(rows[2].error == "no indicator 'NI99'");
  const std::string csv = ScenarioComparisonCsv(rows);
  CHECK(csv.rfind("scenario,indicator,year,before,after,rag_before,rag_after,rank_after,to_reach,error\n"
                  "neglect repeats,NI65,2012-13,16.3%,12.5%,Red,Green,49/145 B,", 0) == 0);
}

TEST_CASE("A damaged scenario names itself and the field", "[indicators]") {
  CHECK_THROWS_WITH(ScenariosFromJson(R"({"scenarios": [{"name": "a", "indicator": "NI65", "year": "2012-13",
                                          "changes": [{"part": "num", "amount": 1}]}]})"),
                    "scenario 'a': changes.part: 'num'; valid: numerator, denominator");
  CHECK_THROWS_WITH(ScenariosFromJson(R"({"scenarios": [{"name": "b", "year": "2012-13"}]})"),
                    "scenario 'b': indicator: expected text");
}
