#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "indicator_fixtures.hpp"
#include "indicators/user_catalogue.hpp"

using namespace csc;

namespace {
IndicatorDraft NeglectDraft() {
  IndicatorDraft d;
  d.id = "CP_NEG";
  d.name = "CP plans started for neglect";
  d.numerator = "cp_plans --period fy:{year} --count started --where 'latest_category in (NEG)'";
  d.denominator = "cp_plans --period fy:{year} --count started";
  d.polarity = "none";
  d.unit = "%";
  d.decimals = 1;
  d.targets = "2012-13: 45, 2013-14 = 44.5";
  return d;
}
std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
std::string TempDir(const char* name) {
  const std::string dir = std::string("/tmp/csc-user-cat-") + name + "-" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  return dir;
}
}  // namespace

TEST_CASE("a drafted indicator is checked by the catalogue's parser, naming the bad field", "[user-catalogue]") {
  const Indicator ind = ValidateDraft(NeglectDraft(), BundledIndicators());
  CHECK(ind.id == "CP_NEG");
  CHECK(ind.polarity == Polarity::None);
  CHECK(ind.targets.at("2012-13") == 45);
  CHECK(ind.targets.at("2013-14") == 44.5);
  auto bad = NeglectDraft();
  bad.numerator = "cp_plans --period fy:{year} --count sometimes";
  CHECK_THROWS_WITH(ValidateDraft(bad, BundledIndicators()), Catch::StartsWith("my indicators: indicator CP_NEG: numerator: "));
  bad = NeglectDraft();
  bad.targets = "2012-13 45";
  CHECK_THROWS_WITH(ValidateDraft(bad, BundledIndicators()),
                    "my indicators: indicator CP_NEG: targets: '2012-13 45': expected YEAR: NUMBER, e.g. 2012-13: 13.3");
  bad.targets = "2012-13: lots";
  CHECK_THROWS_WITH(ValidateDraft(bad, BundledIndicators()), "my indicators: indicator CP_NEG: targets.2012-13: 'lots' is not a number");
  bad.targets = "2012/13: 4";
  CHECK_THROWS_WITH(ValidateDraft(bad, BundledIndicators()), Catch::StartsWith("my indicators: indicator CP_NEG: targets.2012/13: "));
  bad = NeglectDraft();
  bad.id = "ni 65";  // ids match as the CLI matches them: case and spaces ignored
  CHECK_THROWS_WITH(ValidateDraft(bad, BundledIndicators()), Catch::Contains("id: 'ni 65' is already used by NI 65"));
  bad = NeglectDraft();
  bad.denominator = "";
  CHECK_THROWS_WITH(ValidateDraft(bad, BundledIndicators()), "my indicators: indicator CP_NEG: denominator: missing (needed for unit '%')");
  bad = NeglectDraft();
  bad.name = "  ";
  CHECK_THROWS_WITH(ValidateDraft(bad, BundledIndicators()), "my indicators: indicator CP_NEG: name: missing: the name reports print");
  bad = NeglectDraft();
  bad.id = "";
  CHECK_THROWS_WITH(ValidateDraft(bad, BundledIndicators()), "my indicators: indicator ?: id: empty");
  bad = NeglectDraft();
  bad.benchmark_file = "d3_cpps_subsequent_plan_2013_to_2025.csv";
  CHECK_THROWS_WITH(ValidateDraft(bad, BundledIndicators()), "my indicators: indicator CP_NEG: benchmark.column: missing: name the value column");
}

TEST_CASE("a drafted indicator previews its value on the loaded data, or the engine's message", "[user-catalogue]") {
  // Counted from assets/demo/cp_plans.csv: 147 of the 319 plans started in 2012-13
  // have neglect as their latest category.
  const IndicatorPreview p = PreviewIndicator(NeglectDraft(), BundledIndicators(), DemoData(), "2012-13");
  REQUIRE(p.error.empty());
  CHECK(p.row.current.numerator == 147);
  CHECK(p.row.current.denominator == 319);
  CHECK(FormatIndicatorValue(*p.row.indicator, p.row.current.value) == "46.1%");
  auto bad = NeglectDraft();
  bad.numerator = "cp_plans --period fy:{year} --count started --where 'abuse in (NEG)'";
  const IndicatorPreview q = PreviewIndicator(bad, BundledIndicators(), DemoData(), "2012-13");
  CHECK_THAT(q.error, Catch::StartsWith("indicator CP_NEG: numerator: ") && Catch::Contains("abuse"));
  // A benchmark picks its comparators: d3's CPP_subsequent_percent, England 14.9 in 2013.
  auto benchmarked = NeglectDraft();
  benchmarked.benchmark_file = "d3_cpps_subsequent_plan_2013_to_2025.csv";
  benchmarked.benchmark_column = "CPP_subsequent_percent";
  const IndicatorPreview b = PreviewIndicator(benchmarked, BundledIndicators(), DemoData(), "2012-13");
  REQUIRE(b.error.empty());
  CHECK(b.row.comparators.england == Approx(14.9));
  benchmarked.benchmark_column = "no_such_column";
  CHECK_THAT(PreviewIndicator(benchmarked, BundledIndicators(), DemoData(), "2012-13").error,
             Catch::StartsWith("benchmark: ") && Catch::Contains("no_such_column"));
}

TEST_CASE("added indicators go to the user file, load after the bundled ones, and never touch the bundled file",
          "[user-catalogue]") {
  const std::string dir = TempDir("append");
  const std::string path = dir + "/indicators.json";
  const std::string bundled = DefaultCataloguePath();
  const std::string bundled_before = Slurp(bundled);
  AppendUserIndicator(path, NeglectDraft(), BundledIndicators());
  auto second = NeglectDraft();
  second.id = "CP_MUL";
  second.numerator = "cp_plans --period fy:{year} --count started --where 'latest_category in (MUL)'";
  second.targets = "";
  AppendUserIndicator(path, second, BundledIndicators());
  const std::string text = Slurp(path);
  CHECK_THAT(text, Catch::Contains("\n  \"indicators\": [\n"));  // indented for people to read
  std::string error;
  const IndicatorCatalogue all = LoadCatalogues(bundled, path, &error);
  CHECK(error.empty());
  REQUIRE(all.indicators.size() == BundledIndicators().indicators.size() + 2);
  CHECK(all.indicators[all.indicators.size() - 2].id == "CP_NEG");
  CHECK(all.indicators.back().id == "CP_MUL");
  CHECK(all.indicators.back().targets.empty());
  CHECK(Slurp(bundled) == bundled_before);
  // A damaged user file is reported and left alone; the bundled catalogue still loads.
  { std::ofstream(path) << "{\"indicators\": [ {"; }
  error.clear();
  CHECK(LoadCatalogues(bundled, path, &error).indicators.size() == BundledIndicators().indicators.size());
  CHECK_THAT(error, Catch::Contains("not valid JSON"));
  CHECK_THROWS_WITH(AppendUserIndicator(path, NeglectDraft(), BundledIndicators()), Catch::Contains("left as it is"));
  CHECK(Slurp(path) == "{\"indicators\": [ {");
  std::filesystem::remove_all(dir);
}
