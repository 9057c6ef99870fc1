// `csc query` end to end on the hand-computed CP extract in tests/data/query.
#include <catch2/catch.hpp>

#include "core/cli/cli_runner.hpp"
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace {
using Run = csc::test::CliRun;
Run RunCli(const std::string& args, bool with_stderr = true) {
  return csc::test::RunCsc(args, with_stderr);
}
const std::string kData = std::string(CSC_TEST_DATA_DIR) + "/query";
}  // namespace

TEST_CASE("csc query counts plans open at 31 March by year and category with rates", "[cli]") {
  const auto run = RunCli("query --data " + kData + "/cp_plans.csv --data " + kData +
                          "/population.csv --period fy:2011-12..2012-13 --count open-at:31-03 --by period,category "
                          "--measure episodes,children,rate10k --format csv", false);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out ==
        "period,latest_category,episodes,children,\"rate per 10,000\"\n"
        "2011-12,NEG,3,3,2.778\n"
        "2011-12,SAB,1,1,0.9259\n"
        "2012-13,EMO,1,1,0.9259\n"
        "2012-13,NEG,1,1,0.9259\n");
}

TEST_CASE("csc query links datasets and prints JSON", "[cli]") {
  const auto run = RunCli("query --data " + kData + "/cp_plans.csv --data " + kData +
                          "/missing_episodes.csv --period fy:2012-13 --count open-during --link "
                          "'present missing_episodes started-in-period where missing_type in (M,A)' "
                          "--where 'age in (unborn, 1-4)' --measure children --format json", false);
  REQUIRE(run.exit_code == 0);
  const auto j = nlohmann::json::parse(run.out);
  CHECK(j["rows"][0]["values"][0] == 2);  // C1 (aged 1-2) and C3 (unborn at the start of the year's count)
}

TEST_CASE("csc query names the offending part and lists valid choices", "[cli]") {
  auto run = RunCli("query --data " + kData + "/cp_plans.csv --where 'categry in (NEG)'");
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("unknown column 'categry' in cp_plans; valid columns: child_id, dob,") != std::string::npos);
  run = RunCli("query --data " + kData + "/cp_plans.csv --where 'category in (NEGLECT)'");
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("valid values: EMO, MUL, NEG, PHY, SAB, null") != std::string::npos);
  run = RunCli("query --data " + kData + "/cp_plans.csv --count snapshot");
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("count 'snapshot': valid: open-at") != std::string::npos);
  run = RunCli("query --help");
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("ratio[:children](NUMERATOR FILTERS / DENOMINATOR FILTERS)") != std::string::npos);
}

TEST_CASE("csc query says how many records an unreadable end date left out", "[cli][unreadable]") {
  // Two of five plans have unreadable ends (15/06/13: two-digit year; 31/02/2013: no such
  // date); open at 31 March 2013 are C1 and C5 (see tests/core/query/test_query_unreadable.cpp).
  const std::string path = "/tmp/csc_test_cp_plans_unreadable.csv";
  {
    FILE* f = fopen(path.c_str(), "wb");
    REQUIRE(f);
    fputs("child_id,plan_start,plan_end,latest_category\nC1,2012-01-10,,NEG\nC2,2012-04-01,15/06/13,PHY\n"
          "C3,2012-05-01,2013-01-01,NEG\nC4,2012-05-01,31/02/2013,EMO\nC5,2011-01-01,2014-01-01,NEG\n",
          f);
    fclose(f);
  }
  const auto text = RunCli("query --data cp_plans=" + path + " --period fy:2012-13 --count open-at:31-03", false);
  REQUIRE(text.exit_code == 0);
  CHECK(text.out == "episodes\n       2\nnote: 2 records excluded: end date unreadable (plan_end)\n");
  const auto json = RunCli("query --data cp_plans=" + path + " --period fy:2012-13 --format json", false);
  REQUIRE(json.exit_code == 0);
  CHECK(nlohmann::json::parse(json.out)["notes"] ==
        nlohmann::json::array({"2 records excluded: end date unreadable (plan_end)"}));
  const auto window =
      RunCli("query --data cp_plans=" + path + " --period fy:2012-13 --two-digit-years 1950 --format json", false);
  REQUIRE(window.exit_code == 0);
  const auto j = nlohmann::json::parse(window.out);
  CHECK(j["rows"][0]["values"][0] == 3);
  CHECK(j["notes"] == nlohmann::json::array({"1 record excluded: end date unreadable (plan_end)"}));
}
