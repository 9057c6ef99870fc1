// `csc check`: the data-quality report as a person and a script see it, and its exit code.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/cli/cli_runner.hpp"

namespace {
const std::string kDir = std::string(CSC_TEST_DATA_DIR) + "/quality/";
const std::string k903 =
    kDir + "ssda903/header_2019.csv " + kDir + "ssda903/header_2020.csv " + kDir + "ssda903/episodes_2019.csv";
}  // namespace

TEST_CASE("csc check lists each problem with file, line, rule and DfE code, and fails on errors", "[cli][quality]") {
  const auto run = csc::test::RunCsc("check " + k903);
  CHECK(run.exit_code == 1);
  CHECK(run.out.find(kDir + "ssda903/episodes_2019.csv:8: error end-before-start [DfE 356] child E: starts 2018-09-01, "
                            "ends 2018-08-01") != std::string::npos);
  CHECK(run.out.find(kDir + "ssda903/episodes_2019.csv:7: error overlap [DfE 501] child D") != std::string::npos);
  CHECK(run.out.find("6 errors, 0 warnings in 1 dataset") != std::string::npos);
}

TEST_CASE("csc check --json carries every problem and the counts per rule", "[cli][quality]") {
  const auto run = csc::test::RunCsc("check --json " + k903, false);
  CHECK(run.exit_code == 1);
  const auto j = nlohmann::json::parse(run.out);
  CHECK(j["errors"] == 6);
  REQUIRE(j["datasets"].size() == 1);
  const auto& d = j["datasets"][0];
  CHECK(d["dataset"] == "lac_episodes");
  CHECK(d["rows"] == 9);
  CHECK(d["flagged_records"] == 7);
  REQUIRE(d["issues"].size() == 6);
  bool found = false;
  for (const auto& i : d["issues"])
    if (i["rule"] == "missing-dob") {
      found = true;
      CHECK(i["dfe_code"] == "102");
      CHECK(i["line"] == 5);
      CHECK(i["child"] == "C");
      CHECK(i["severity"] == "error");
    }
  CHECK(found);
}

TEST_CASE("csc check exits 0 on a clean file and 2 on a file it cannot load", "[cli][quality]") {
  const auto clean = csc::test::RunCsc("check " + kDir + "clean/cp_plans.csv");
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.find("0 errors, 0 warnings in 1 dataset") != std::string::npos);
  const auto empty = csc::test::RunCsc("check " + kDir + "empty.csv");
  CHECK(empty.exit_code == 2);
  CHECK(empty.out.find("empty.csv") != std::string::npos);
}
