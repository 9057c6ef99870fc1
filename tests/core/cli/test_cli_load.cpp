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

TEST_CASE("csc load --json and --rejects-csv stay valid UTF-8 when a rejected row is cut mid-character", "[cli][utf8]") {
  // The reject's text is shortened to 200 bytes; '3,x' then two-byte 'é's puts byte 200 in
  // the middle of the 99th: cut there, the JSON writer threw and the CSV was invalid.
  const std::string path = "/tmp/csc_test_cut_utf8.csv";
  std::string body = "a,b\n1,2\n3,x";
  for (int i = 0; i < 150; ++i) body += "\xC3\xA9";
  body += ",extra\n";
  {
    FILE* f = fopen(path.c_str(), "wb");
    REQUIRE(f);
    fwrite(body.data(), 1, body.size(), f);
    fclose(f);
  }
  const std::string rejects = "/tmp/csc_test_cut_utf8_rejects.csv";
  const auto run = csc::test::RunCsc("load --json --rejects-csv " + rejects + " " + path, false);
  REQUIRE(run.exit_code == 0);
  const auto j = nlohmann::json::parse(run.out);
  REQUIRE(j["rejects"].size() == 1);
  std::string expected = "3,x";
  for (int i = 0; i < 98; ++i) expected += "\xC3\xA9";  // 3 + 196 bytes: the 99th would end at 201
  CHECK(j["rejects"][0]["text"] == expected + "...");
  std::string csv;
  FILE* f = fopen(rejects.c_str(), "rb");
  REQUIRE(f);
  int c;
  while ((c = fgetc(f)) != EOF) csv += static_cast<char>(c);
  fclose(f);
  CHECK(csv == "line,reason,text\n3,\"expected 2 fields, found 3\",\"" + expected + "...\"\n");
}

TEST_CASE("csc load refuses a bad --delimiter and exits non-zero when no row loads", "[cli][errors]") {
  const auto bad = RunCli("load --delimiter xyz " + kData + "/ingest/ssda903_style_bom_semicolon.csv");
  CHECK(bad.exit_code == 2);
  CHECK(bad.out == "csc load: --delimiter expects one character such as , ; or | (or 'tab'); got 'xyz'\n");
  const std::string path = "/tmp/csc_test_nothing_loads.csv";
  {
    FILE* f = fopen(path.c_str(), "wb");
    REQUIRE(f);
    fputs("a,b\n1,2,3\n4,5,6\n", f);
    fclose(f);
  }
  const auto none = csc::test::RunCsc("load " + path, true);
  CHECK(none.exit_code == 1);
  CHECK(none.out.find("csc load: " + path + ": no rows loaded: all 2 records were rejected\n") != std::string::npos);
  const auto zero = csc::test::RunCsc("generate --rows 0 --out /tmp/csc_test_rows0.csv", true);
  CHECK(zero.exit_code != 0);
  CHECK(zero.out.find("--rows") != std::string::npos);
}
