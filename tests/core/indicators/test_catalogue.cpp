// The indicator catalogue: the bundled file loads, and every kind of mistake names the file,
// the indicator and the field (with the query parser's message for a bad query).
#include <catch2/catch.hpp>

#include "indicator_fixtures.hpp"
#include "indicators/lait_measures.hpp"
#include "indicators/query_command.hpp"
#include "query/compiled_query.hpp"

using namespace csc;

namespace {
std::string ErrorOf(const std::string& indicator_json) {
  try {
    ParseCatalogue("{\"indicators\": [" + indicator_json + "]}", "mine.json");
  } catch (const CatalogueError& e) {
    return e.what();
  }
  return "(no error)";
}
const std::string kOk = R"("id": "X1", "name": "x", "polarity": "lower", "unit": "%", )";
}  // namespace

TEST_CASE("The bundled catalogue lists NI 59-68 and the CP, LAC, missing and CME indicators", "[indicators]") {
  const auto& cat = BundledIndicators();
  std::vector<std::string> ids;
  for (const auto& ind : cat.indicators) ids.push_back(ind.id);
  CHECK(ids == std::vector<std::string>{"NI59", "NI60", "NI61", "NI62", "NI63", "NI64", "NI65", "NI66", "NI67", "NI68",
                                        "CP_RATE", "CP_2YRS", "CP_REPEAT", "LAC_RATE", "ICPC_15", "MISSING_PER_CHILD",
                                        "RHI_72H", "CME"});
  const Indicator* ni65 = cat.Find("ni 65");
  REQUIRE(ni65);
  CHECK(ni65->id == "NI65");
  CHECK(ni65->polarity == Polarity::LowerIsBetter);
  CHECK(ni65->targets.at("2012-13") == 13.3);
  CHECK(ni65->benchmark->column == "CPP_subsequent_percent");
  CHECK(cat.Find("NI62")->numerator->groups_at_least == 3);
  CHECK(cat.Find("NI64")->numerator->row == "2 years or more");
  CHECK(cat.Find("nope") == nullptr);
}

TEST_CASE("Catalogue errors name the file, indicator and field", "[indicators]") {
  CHECK(ErrorOf("{" + kOk + R"("numerator": "cp_plans --where 'previous_plans >='", "denominator": "cp_plans"})")
            .rfind("mine.json: indicator X1: numerator: where 'previous_plans >=': ", 0) == 0);
  CHECK(ErrorOf("{" + kOk + R"("numerator": "cp_plans --period fy:{yr}", "denominator": "cp_plans"})") ==
        "mine.json: indicator X1: numerator: query 'cp_plans --period fy:{yr}': unknown placeholder {yr}; valid: "
        "{year} {prev_year} {pop_year} {start_year} {end_year}, the last three +/-N");
  CHECK(ErrorOf("{" + kOk + R"("numerator": "cp_plans --sort x", "denominator": "cp_plans"})") ==
        "mine.json: indicator X1: numerator: query 'cp_plans --sort x': unknown option '--sort'; valid: --table "
        "--where --link --period --count --by --measure --role");
  CHECK(ErrorOf("{" + kOk + R"("numerator": "cp_plans"})") ==
        "mine.json: indicator X1: denominator: missing (needed for unit '%')");
  CHECK(ErrorOf(R"({"id": "X2", "name": "x", "polarity": "up", "unit": "%"})") ==
        "mine.json: indicator X2: polarity: 'up'; valid: higher, lower, none");
  CHECK(ErrorOf(R"({"id": "X3", "name": "x", "polarity": "low", "unit": "%"})") ==
        "mine.json: indicator X3: polarity: 'low'; valid: higher, lower, none");
  CHECK(ErrorOf("{" + kOk + R"("target": {"2012-13": 4}})") ==
        "mine.json: indicator X1: target: unknown field; valid: benchmark, datasets, decimals, denominator, id, name, "
        "notes, numerator, polarity, ref, reported, targets, unit");
  CHECK(ErrorOf("{" + kOk + R"("targets": {"2012/13": 4}})") ==
        "mine.json: indicator X1: targets.2012/13: year '2012/13': expected a financial year like 2012-13");
  CHECK(ErrorOf(R"({"name": "x", "polarity": "low", "unit": "%"})") == "mine.json: indicator ?: id: missing");
  CHECK(ErrorOf("{" + kOk + "\"decimals\": 1}, {" + kOk + "\"decimals\": 2}") == "mine.json: indicator X1: id: used twice");
  CHECK(ErrorOf("{" + kOk + R"("numerator": {"query": "cp_plans", "groups_at_least": 0}, "denominator": "cp_plans"})") ==
        "mine.json: indicator X1: numerator.groups_at_least: expected a whole number >= 1");
  CHECK(ErrorOf("{" + kOk + R"("numerator": {"query": "cp_plans", "row": "NEG"}, "denominator": "cp_plans"})") ==
        "mine.json: indicator X1: numerator: \"groups_at_least\" and \"row\" count rows of a grouping: the query needs --by");
  try {
    ParseCatalogue("{\"indicators\": [", "broken.json");
    FAIL("no error");
  } catch (const CatalogueError& e) {
    CHECK(std::string(e.what()).rfind("broken.json: not valid JSON: ", 0) == 0);
  }
  CHECK_THROWS_WITH(LoadCatalogue("/nonexistent/cat.json"), "/nonexistent/cat.json: cannot open");
}

TEST_CASE("Query commands split like a shell and year placeholders substitute", "[indicators]") {
  const QueryText t = ParseQueryCommand(R"q(cp_plans --period fy:2012-13 --where "ward in ('Rotherham East')" --where 'age 0..4')q");
  CHECK(t.table == "cp_plans");
  CHECK(t.period == "fy:2012-13");
  CHECK(t.where == std::vector<std::string>{"ward in ('Rotherham East')", "age 0..4"});
  CHECK(SubstituteYear("fy:{year} {prev_year} {pop_year} {end_year} {end_year-3}-09-30 {start_year+1}", "2012-13") ==
        "fy:2012-13 2011-12 2012 2013 2010-09-30 2013");
  CHECK_THROWS_AS(SubstituteYear("x", "2012-14"), QueryError);
  CHECK(FinancialYearLabel(1999) == "1999-00");
}

TEST_CASE("Indicators naming a LAIT measure agree with its polarity where LAIT gives one", "[indicators]") {
  const auto lait = LoadLaitMeasures(std::string(CSC_SOURCE_ASSETS_DIR) + "/reference/lait_measures_csc.csv");
  CHECK(lait.size() > 150);
  CHECK(lait.at("PrevRegCPR").polarity == Polarity::LowerIsBetter);
  CHECK(lait.at("LAC_LongStable%").polarity == Polarity::HigherIsBetter);
  CHECK_FALSE(lait.at("LAC").polarity);
  int checked = 0;
  for (const auto& ind : BundledIndicators().indicators) {
    if (!ind.benchmark || ind.benchmark->lait_measure.empty()) continue;
    INFO(ind.id << " names " << ind.benchmark->lait_measure);
    const auto it = lait.find(ind.benchmark->lait_measure);
    REQUIRE(it != lait.end());
    if (it->second.polarity) {
      CHECK(*it->second.polarity == ind.polarity);
      ++checked;
    }
  }
  CHECK(checked == 4);  // NI 62, NI 63, NI 65, CP 2+ years
}
