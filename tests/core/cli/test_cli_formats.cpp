// `csc load` and `csc query` on SSDA903, Annex A and mapped files.
#include <catch2/catch.hpp>

#include "core/cli/cli_runner.hpp"
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

namespace {
using Run = csc::test::CliRun;
Run RunCli(const std::string& args, const std::string& env = "") {
  return csc::test::RunCsc(args, true, env);
}
const std::string kFormats = std::string(CSC_TEST_DATA_DIR) + "/formats/";
const std::string kDemo = std::string(CSC_SOURCE_ASSETS_DIR) + "/demo/";
}  // namespace

TEST_CASE("csc load --json says what a file was recognised as and lists unknown codes", "[cli][formats]") {
  const auto run = RunCli("load --json " + kFormats + "annex_a/list7.csv");
  REQUIRE(run.exit_code == 0);
  const auto j = nlohmann::json::parse(run.out);
  CHECK(j["format"] == "annex-a-list-7");
  CHECK(j["kind"] == "cp_plans");
  CHECK(j["cell_warnings"] == 1);
  CHECK(j["dataset"]["name"] == "cp_plans");
  CHECK(j["dataset"]["rows"] == 6);
  CHECK(j["dataset"]["unknown_code_count"] == 1);
  CHECK(j["dataset"]["unknown_codes"]["initial_category"]["f) Domestic abuse"] == 1);
}

TEST_CASE("csc load --map applies a mapping and saves it for the header, the next load reuses it", "[cli][formats]") {
  const std::string config = (std::filesystem::temp_directory_path() / "csc_cli_map_test").string();
  std::filesystem::remove_all(config);
  const std::string env = "CSC_CONFIG_DIR=" + config;
  const auto plain = RunCli("load --json " + kFormats + "mapped/cp_custom.csv", env);
  CHECK(nlohmann::json::parse(plain.out)["format"] == "unrecognised");
  const auto mapped = RunCli("load --json --map " + kFormats + "mapped/cp_custom.map.json " + kFormats + "mapped/cp_custom.csv", env);
  REQUIRE(mapped.exit_code == 0);
  const auto j = nlohmann::json::parse(mapped.out);
  CHECK(j["format"] == "mapped");
  CHECK(j["kind"] == "cp_plans");
  CHECK(j["mapping_from_store"] == false);
  const auto again = nlohmann::json::parse(RunCli("load --json " + kFormats + "mapped/cp_custom.csv", env).out);
  CHECK(again["format"] == "mapped");
  CHECK(again["mapping_from_store"] == true);
  CHECK(again["dataset"]["unknown_codes"]["latest_category"]["Cruelty"] == 1);
  const auto query = RunCli("query --data " + kFormats + "mapped/cp_custom.csv --period fy:2022-23 --count started --by latest_category --format csv", env);
  CHECK(query.out.find("EMO,1") != std::string::npos);
  std::filesystem::remove_all(config);
  const auto bad = RunCli("load --map " + kFormats + "mapped/cp_custom.csv " + kFormats + "mapped/cp_custom.csv", env);
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.find("not valid JSON") != std::string::npos);
  std::filesystem::remove_all(config);
}

TEST_CASE("csc query on SSDA903 returns and an Annex A list answers with the published figures", "[cli][formats]") {
  std::string data;
  for (int year = 2010; year <= 2016; ++year)
    for (const char* table : {"header", "episodes"})
      data += " --data " + kDemo + "ssda903/" + table + "_" + std::to_string(year) + ".csv";
  const auto lac = RunCli("query" + data +
                          " --table lac_episodes --period fy:2012-13 --count open-at:31-03 --measure children"
                          " --where 'legal_status not in (V3, V4)' --where 'period_start ..2010-09-30' --format csv");
  CHECK(lac.exit_code == 0);
  CHECK(lac.out == "children\n148\n");
  const auto cp = RunCli("query --data " + kDemo + "annex_a/list7.csv --period fy:2012-13 --count open-at:31-03 --format csv");
  CHECK(cp.exit_code == 0);
  CHECK(cp.out == "episodes\n334\n");
}
