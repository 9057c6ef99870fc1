// `csc kpi`, `csc whatif` and `csc query --publish` end to end on the bundled synthetic
// demonstration extract (assets/demo) and the small extract in tests/data/query.
#include <catch2/catch.hpp>

#include "core/cli/cli_runner.hpp"

#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <unistd.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace {
using Run = csc::test::CliRun;
Run RunCli(const std::string& args, bool with_stderr = false, const std::string& env = "") {
  return csc::test::RunCsc(args, with_stderr, env);
}
std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}
bool Has(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}
const std::string kDemo = std::string(CSC_SOURCE_ASSETS_DIR) + "/demo";
const std::string kSmall = std::string(CSC_TEST_DATA_DIR) + "/query";
}  // namespace

TEST_CASE("csc kpi prints the 2012-13 scorecard with RAG, travel, comparators, rank and band", "[cli][kpi]") {
  const auto run = RunCli("kpi --year 2012-13 --data-dir " + kDemo + " --format csv");
  REQUIRE(run.exit_code == 0);
  const auto lines = Lines(run.out);
  REQUIRE(lines.size() == 19);
  CHECK(lines[0] ==
        "id,ref,indicator,year,value,numerator,denominator,target,rag,direction,england,england_source,sn_mean,"
        "sn_median,sn_source,rank,ranked,band,reported,reported_source");
  CHECK(Has(lines, "NI59,NI 59,Initial assessments within 10 working days,2012-13,82.4,2901,3521,86.0,Amber,declined,"
                   "77.4,report,83.1,,report,,,,,"));
  CHECK(Has(lines, "NI62,NI 62,Looked-after children with 3 or more placements in the year,2012-13,9.9,39,392,9.5,"
                   "Amber,improved,10.7,report,9.8,,report,,,,,"));
  CHECK(Has(lines, "NI63,NI 63,Long-term looked-after children in the same placement for 2+ years,2012-13,62.2,92,148,"
                   "68.6,Red,declined,68.6,report,65.5,,report,,,,,"));
  // The looked-after rate tile counts the same 392 children at 31 March 2013 as NI 62.
  CHECK(Has(lines, "LAC_RATE,LAC rate,\"Looked-after children per 10,000 children at 31 March\",2012-13,69.9,392,56103,"
                   ",,,,,,,,,,,,"));
  CHECK(Has(lines, "NI64,NI 64,Child protection plans ceased that lasted 2 years or more,2012-13,3.8,15,395,4.0,Green,"
                   "declined,5.6,report,6.1,,report,,,,,"));
  CHECK(Has(lines, "NI65,NI 65,Child protection plans that are a second or subsequent plan,2012-13,16.3,52,319,13.3,"
                   "Red,declined,13.8,report,14.9,14.0,\"DfE 2013, SN 2025 (10 of 10 with data)\",91,145,C,,"));
  CHECK(Has(lines, "NI67,NI 67,Child protection reviews within timescales,2012-13,100.0,238,238,99.0,Green,same,90.5,"
                   "report,92.0,,report,,,,,"));
  CHECK(Has(lines, "CME,CME referrals,Children missing education referrals in the year,2012-13,874,874,,,,,,,,,,,,,,"));
}

TEST_CASE("csc kpi 2011-12: NI 62 39/381 and NI 63 95/148, as the report's previous year", "[cli][kpi]") {
  const auto run = RunCli("kpi --year 2011-12 --data-dir " + kDemo + " --format csv --indicator NI62 --indicator NI63");
  REQUIRE(run.exit_code == 0);
  const auto lines = Lines(run.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].rfind("NI62,NI 62,Looked-after children with 3 or more placements in the year,2011-12,10.2,39,381,", 0) == 0);
  CHECK(lines[2].rfind("NI63,NI 63,Long-term looked-after children in the same placement for 2+ years,2011-12,64.2,95,148,", 0) == 0);
}

TEST_CASE("csc kpi table says the data is synthetic and marks the report's comparators", "[cli][kpi]") {
  const auto run = RunCli("kpi --year 2012-13 --data-dir " + kDemo + " --indicator NI65 --indicator NI61");
  REQUIRE(run.exit_code == 0);
  CHECK(run.out ==
        "SYNTHETIC DEMONSTRATION DATA\n"
        "Indicators 2012-13, LA 372, SN 2025\n"
        "ref    value  num/den  target  RAG  travel    England  SN mean  SN median    rank  band  indicator\n"
        "NI 65  16.3%   52/319   13.3%  Red  declined   13.8%*    14.9%      14.0%  91/145  C     Child protection plans "
        "that are a second or subsequent plan\n"
        "NI 61  61.1%    22/36   74.0%  Red  improved   74.0%*   75.1%*                           Adoption placements "
        "within 12 months of the decision\n"
        "* from the published report for the year (no DfE figure bundled, or the report's own comparator)\n");
}

TEST_CASE("csc kpi --publish withholds small numerators and denominators and what follows from them", "[cli][kpi]") {
  // tests/data/query: NI 65 is 0 repeats of 2 plans started, NI 64 is 2 of 4 ceased plans.
  const auto run = RunCli("kpi --year 2012-13 --data-dir " + kSmall + " --indicator NI65 --indicator NI64 --publish --format csv");
  REQUIRE(run.exit_code == 0);
  const auto lines = Lines(run.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[1] == "NI65,NI 65,Child protection plans that are a second or subsequent plan,2012-13,c,c,c,13.3,c,c,13.8,"
                    "report,14.9,14.0,\"DfE 2013, SN 2025 (10 of 10 with data)\",c,c,c,,");
  CHECK(lines[2] == "NI64,NI 64,Child protection plans ceased that lasted 2 years or more,2012-13,c,c,c,4.0,c,c,5.6,"
                    "report,6.1,,report,c,c,c,,");
  const auto exact = RunCli("kpi --year 2012-13 --data-dir " + kSmall + " --indicator NI64 --format csv");
  CHECK(Lines(exact.out)[1] == "NI64,NI 64,Child protection plans ceased that lasted 2 years or more,2012-13,50.0,2,4,"
                               "4.0,Red,,5.6,report,6.1,,report,,,,,");
  // Not the demonstration data: Rotherham's entered NI 59 is no value of this extract, only a
  // labelled comparator (2901/3521 = 82.4%), with no RAG.
  const auto own = RunCli("kpi --year 2012-13 --data-dir " + kSmall + " --indicator NI59 --format csv");
  REQUIRE(own.exit_code == 0);
  const std::string ni59 = Lines(own.out).at(1);
  CHECK(ni59.rfind("NI59,NI 59,Initial assessments within 10 working days,2012-13,,,,86.0,,,", 0) == 0);
  REQUIRE(ni59.size() > 30);
  CHECK(ni59.substr(ni59.size() - 30) == ",82.4,Rotherham 2012-13 report");
  const auto table = RunCli("kpi --year 2012-13 --data-dir " + kSmall + " --indicator NI59");
  CHECK(table.out.find("(reported: 82.4%, Rotherham 2012-13 report)") != std::string::npos);
}

TEST_CASE("csc kpi reports a bad year, an unknown indicator and a broken catalogue", "[cli][kpi]") {
  auto run = RunCli("kpi --year 2012-14 --data-dir " + kDemo, true);
  CHECK(run.exit_code == 2);
  CHECK(run.out == "csc kpi: year '2012-14': expected a financial year like 2012-13\n");
  run = RunCli("kpi --year 2012-13 --indicator NI99 --data-dir " + kDemo, true);
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("csc kpi: no indicator 'NI99' in ") == 0);
  run = RunCli("kpi --year 2012-13 --catalogue " + kSmall + "/cp_plans.csv --data-dir " + kDemo, true);
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("cp_plans.csv: not valid JSON") != std::string::npos);
}

TEST_CASE("csc whatif: 12 fewer repeat plans turns NI 65 from Red to Green", "[cli][whatif]") {
  const auto run = RunCli("whatif --indicator NI65 --numerator -12 --data-dir " + kDemo);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out ==
        "SYNTHETIC DEMONSTRATION DATA\n"
        "NI 65 Child protection plans that are a second or subsequent plan, 2012-13\n"
        "change: numerator -12\n"
        "         before  after\n"
        "value    16.3%   12.5%\n"
        "num/den  52/319  40/319\n"
        "RAG      Red     Green\n"
        "rank     91/145  49/145\n"
        "band     C       B\n"
        "already on or better than target (13.3%)\n"
        "already on or better than England (13.8%)\n"
        "already on or better than SN mean (14.9%)\n");
}

TEST_CASE("csc whatif in a slice is limited to the slice's count and says what would reach each goal", "[cli][whatif]") {
  // 1 repeat plan is sexual abuse: 12 fewer is limited to 1, 51 / 319 = 16.0%; from 51,
  // 42 (13.2%) meets the 13.3% target and 44 (13.8%) England.
  const auto run = RunCli("whatif --indicator NI65 --numerator -12 --slice 'latest_category in (SAB)' --data-dir " + kDemo);
  REQUIRE(run.exit_code == 0);
  const auto lines = Lines(run.out);
  CHECK(Has(lines, "change: numerator -12 in slice latest_category in (SAB) (now 1)"));
  CHECK(Has(lines, "note: limited so no count goes below zero"));
  CHECK(Has(lines, "num/den  52/319  51/319"));
  CHECK(Has(lines, "9 fewer reaches target (13.3%)"));
  CHECK(Has(lines, "7 fewer reaches England (13.8%)"));
  const auto pct = RunCli("whatif --indicator NI65 --numerator -50 --percent --slice 'latest_category in (NEG)' --data-dir " + kDemo);
  CHECK(Has(Lines(pct.out), "num/den  52/319  40/319"));  // half of 23 = 11.5 -> 12
  const auto bad = RunCli("whatif --indicator NI65 --numerator -1 --slice 'categry in (NEG)' --data-dir " + kDemo, true);
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.find("csc whatif: indicator NI65: numerator: filter 'categry in (NEG)': unknown column 'categry'") == 0);
}

// A config directory with a fixed cell-key secret, so published figures are reproducible
// (and the tests never write a secret into the user's own config directory).
std::string PublishEnv() {
  static const std::string dir = [] {
    const std::string d = "/tmp/csc-cli-publish-" + std::to_string(::getpid());
    std::filesystem::create_directories(d);
    std::ofstream(d + "/cell_key_secret") << "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n";
    return d;
  }();
  return "CSC_CONFIG_DIR=" + dir;
}

TEST_CASE("csc query --publish withholds 1-5 and moves every other count by at most 3, the same each run", "[cli][publish]") {
  // CP plans open at 31 March 2013, 4 largest wards x category, exact and published.
  const std::string q = "query --data " + kDemo + "/cp_plans.csv --period fy:2012-13 --count open-at:31-03 --by ward:top4,latest_category --format csv";
  const auto exact = Lines(RunCli(q, false).out);
  const auto run = RunCli(q + " --publish", false, PublishEnv());
  REQUIRE(run.exit_code == 0);
  const auto published = Lines(run.out);
  REQUIRE(published.size() == exact.size() + 1);
  CHECK(published[0] == exact[0]);
  int withheld = 0, moved = 0;
  for (size_t i = 1; i < exact.size(); ++i) {
    const std::string key = exact[i].substr(0, exact[i].rfind(','));
    REQUIRE(published[i].substr(0, published[i].rfind(',')) == key);
    const long n = std::stol(exact[i].substr(exact[i].rfind(',') + 1));
    const std::string shown = published[i].substr(published[i].rfind(',') + 1);
    INFO(exact[i] << " -> " << published[i]);
    if (n >= 1 && n <= 5) {
      CHECK(shown == "c");
      ++withheld;
      continue;
    }
    const long p = std::stol(shown);
    CHECK(std::abs(p - n) <= 3);
    CHECK(p > 5);
    moved += p != n;
  }
  CHECK(withheld == 12);  // Boston Castle MUL 3 and SAB 3, Rotherham East MUL, PHY and SAB, ...
  CHECK(moved > 0);
  CHECK(published.back() == "# Publication-safe (cell-key method): counts 1-5 shown as c, other counts perturbed by a few; "
                            "rates and shares from the perturbed counts; figures are protected and totals may not add");
  CHECK(RunCli(q + " --publish", false, PublishEnv()).out == run.out);  // one secret, one answer
  const auto rounded = Lines(RunCli(q + " --publish --round 5", false, PublishEnv()).out);
  for (size_t i = 1; i + 1 < rounded.size(); ++i) {
    const std::string shown = rounded[i].substr(rounded[i].rfind(',') + 1);
    if (shown != "c") CHECK(std::stol(shown) % 5 == 0);
  }
}

TEST_CASE("csc query --publish refuses a threshold outside 5, 7 and 10", "[cli][publish]") {
  const auto run = RunCli("query --data " + kDemo + "/cp_plans.csv --publish --threshold 3", true, PublishEnv());
  CHECK(run.exit_code != 0);
  CHECK(run.out.find("--threshold: disclosure threshold 3 is not allowed: use 5, 7 or 10") == 0);
}

TEST_CASE("csc query --publish hides a rate whose count is hidden, without printing the count", "[cli][publish]") {
  // tests/data/query: CP plans open at 31 March 2012 by category: NEG 3, SAB 1 (rates 2.778, 0.9259).
  const auto run = RunCli("query --data " + kSmall + "/cp_plans.csv --data " + kSmall +
                              "/population.csv --period fy:2011-12 --count open-at:31-03 --by category --measure rate10k "
                              "--format csv --publish",
                          false, PublishEnv());
  REQUIRE(run.exit_code == 0);
  CHECK(Lines(run.out) == std::vector<std::string>{"latest_category,\"rate per 10,000\"", "NEG,c", "SAB,c",
                                                    Lines(run.out).back()});
}

TEST_CASE("csc kpi and csc whatif refuse what they cannot answer, in words", "[cli][whatif][errors]") {
  const auto nowhere = RunCli("kpi --la nowhere --year 2012-13 --data-dir " + kDemo, true);
  CHECK(nowhere.exit_code == 2);
  CHECK(nowhere.out ==
        "csc kpi: --la 'nowhere' is not a local authority in the DfE files; give an old code (372), a new code "
        "(E08000018) or a name (Rotherham)\n");
  const auto nan = RunCli("whatif --indicator NI65 --numerator nan --data-dir " + kDemo, true);
  CHECK(nan.exit_code == 2);
  CHECK(nan.out == "csc whatif: the numerator change must be a number, not 'nan'\n");
  const auto huge = RunCli("whatif --indicator NI65 --numerator 1e20 --data-dir " + kDemo, true);
  CHECK(huge.exit_code == 2);
  CHECK(huge.out.rfind("csc whatif: the numerator change must be within +/-1000000000", 0) == 0);
}

TEST_CASE("csc whatif --publish starts from published counts and refuses a slice whose count is withheld",
          "[cli][whatif][publish]") {
  // NI 65 in 2012-13 is 52 repeat plans of 319, 23 of them neglect, 1 sexual abuse (exact).
  const std::string base = "whatif --indicator NI65 --data-dir " + kDemo + " --publish";
  const auto run = RunCli(base + " --numerator -100 --percent --slice 'latest_category in (NEG)' --format json", false,
                          PublishEnv());
  REQUIRE(run.exit_code == 0);
  const auto j = nlohmann::json::parse(run.out);
  CHECK(j["published"] == true);
  const double num = j["before"]["numerator"], den = j["before"]["denominator"], slice = j["slice_count"];
  CHECK(std::abs(num - 52) <= 3);
  CHECK(std::abs(den - 319) <= 3);
  CHECK(std::abs(slice - 23) <= 3);
  CHECK(j["after"]["numerator"] == num - slice);  // published less published: no exact complement
  CHECK(j["numerator_change"] == -slice);
  // The same cells on the same installation: the same figures every run.
  CHECK(RunCli(base + " --numerator -100 --percent --slice 'latest_category in (NEG)' --format json", false, PublishEnv())
            .out == run.out);
  const auto table = Lines(RunCli(base, false, PublishEnv()).out);
  CHECK(Has(table, "published counts (cell-key method, counts 1 to 5 withheld): the scenario starts from them; "
                   "figures are protected and totals may not add"));
  const auto sab = RunCli(base + " --numerator -1 --slice 'latest_category in (SAB)'", true, PublishEnv());
  CHECK(sab.exit_code == 2);
  CHECK(sab.out == "csc whatif: indicator NI65: the count in slice latest_category in (SAB) is withheld for publication (a "
                   "count of 1 to 5), so there is no what-if for it\n");
  const auto bad = RunCli(base + " --threshold 6", true, PublishEnv());
  CHECK(bad.exit_code != 0);
  CHECK(bad.out.find("disclosure threshold 6 is not allowed: use 5, 7 or 10") != std::string::npos);
}
