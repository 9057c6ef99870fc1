#include <catch2/catch.hpp>

#include "core/cli/cli_runner.hpp"
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace {
using Run = csc::test::CliRun;
Run RunCli(const std::string& args) {
  return csc::test::RunCsc(args);
}
const std::string kData = CSC_TEST_DATA_DIR;
}  // namespace

TEST_CASE("csc load --json reports rows, rejects, warnings and columns with stable keys", "[cli]") {
  const auto run = RunCli("load --json " + kData + "/ingest/ssda903_style_bom_semicolon.csv");
  REQUIRE(run.exit_code == 0);
  const auto j = nlohmann::json::parse(run.out);
  CHECK(j["rows_read"] == 5);
  CHECK(j["rows_loaded"] == 4);
  CHECK(j["rows_rejected"] == 1);
  CHECK(j["cell_warnings"] == 1);
  CHECK(j["blank_lines"] == 1);
  CHECK(j["encoding"] == "utf-8-bom");
  CHECK(j["delimiter"] == ";");
  REQUIRE(j["rejects"].size() == 1);
  CHECK(j["rejects"][0]["line"] == 6);
  CHECK(j["rejects"][0]["reason"] == "expected 4 fields, found 2");
  REQUIRE(j["warnings"].size() == 1);
  CHECK(j["warnings"][0]["line"] == 5);
  CHECK(j["warnings"][0]["column_name"] == "DOB");
  CHECK(j["warnings"][0]["reason"] == "two-digit year is ambiguous");
  REQUIRE(j["columns"].size() == 4);
  CHECK(j["columns"][0]["name"] == "CHILD");
  CHECK(j["columns"][0]["type"] == "text");
  CHECK(j["columns"][1]["type"] == "int");
  CHECK(j["columns"][2]["type"] == "date");
  CHECK(j["columns"][2]["nulls"] == 1);
  CHECK(j["columns"][3]["distinct"] == 4);
  for (const char* key : {"seconds", "bytes_in_memory", "megabytes_per_second"}) CHECK(j.contains(key));
  CHECK(j["columns"][0]["bytes"].get<int>() > 0);
}

TEST_CASE("csc load exits non-zero with one line naming a bad file", "[cli]") {
  const auto missing = RunCli("load /tmp/csc_no_such_file.csv");
  CHECK(missing.exit_code == 1);
  CHECK(missing.out == "csc load: /tmp/csc_no_such_file.csv: no such file\n");
  const auto header_only = RunCli("load " + kData + "/ingest/header_only.csv");
  CHECK(header_only.exit_code == 1);
  CHECK(header_only.out == "csc load: " + kData + "/ingest/header_only.csv:1: has a header but no data rows\n");
  const auto bad_type = RunCli("load --type DOB=when " + kData + "/ingest/header_only.csv");
  CHECK(bad_type.exit_code == 2);
}

TEST_CASE("csc load writes rejects and warnings as CSV for the analyst", "[cli]") {
  const std::string rejects = "/tmp/csc_test_rejects.csv";
  const std::string warnings = "/tmp/csc_test_warnings.csv";
  const auto run = RunCli("load --rejects-csv " + rejects + " --warnings-csv " + warnings + " " + kData +
                          "/ingest/ssda903_style_bom_semicolon.csv");
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("rows read 5, loaded 4, rejected 1; cell warnings 1; blank lines 1; status cells 0") != std::string::npos);
  auto slurp = [](const std::string& path) {
    std::string s;
    FILE* f = fopen(path.c_str(), "rb");
    REQUIRE(f);
    int c;
    while ((c = fgetc(f)) != EOF) s += static_cast<char>(c);
    fclose(f);
    return s;
  };
  CHECK(slurp(rejects) == "line,reason,text\n6,\"expected 4 fields, found 2\",1004;2\n");
  CHECK(slurp(warnings) ==
        "line,column,column_name,value,expected,reason\n5,3,DOB,24/04/17,date,two-digit year is ambiguous\n");
}

TEST_CASE("csc load reads an Annex A workbook sheet by sheet, each recognised as its list", "[cli][xlsx]") {
  const std::string book = kData + "/real/liia_Annex_A_sample.xlsx";
  const auto run = RunCli("load --json " + book);
  REQUIRE(run.exit_code == 0);
  const auto j = nlohmann::json::parse(run.out.substr(run.out.find('[')));
  REQUIRE(j.is_array());
  REQUIRE(j.size() == 11);
  // List 7 holds 7 plans, List 3 six referrals (counted in the sheets).
  CHECK(j[6]["file"] == book + " [List 7]");
  CHECK(j[6]["format"] == "annex-a-list-7");
  CHECK(j[6]["rows_loaded"] == 7);
  CHECK(j[6]["dataset"]["name"] == "cp_plans");
  CHECK(j[2]["format"] == "annex-a-list-3");
  CHECK(j[2]["rows_loaded"] == 6);
  CHECK(j[2]["dataset"]["name"] == "annex_a_referrals");
  const auto text = RunCli("load " + book);
  CHECK(text.out.find("recognised as annex-a-list-8 (lac_episodes)") != std::string::npos);
  const auto bad = RunCli("load " + kData + "/real/README.md.xlsx");
  CHECK(bad.exit_code != 0);
}
