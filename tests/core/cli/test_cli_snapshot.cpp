// `csc snapshot`, then `csc load` and `csc query --data` on the snapshot, as a user runs them.
#include <catch2/catch.hpp>

#include "core/cli/cli_runner.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {
const std::string kDemo = std::string(CSC_SOURCE_ASSETS_DIR) + "/demo/";
std::string Temp(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("csc_cli_snapshot_" + std::to_string(::getpid()) + "_" + name)).string();
}
}  // namespace

TEST_CASE("csc query answers from a snapshot exactly as from the CSV files it was made of", "[cli][snapshot]") {
  const std::string snap = Temp("demo.cscx");
  const auto made = csc::test::RunCsc("snapshot " + kDemo + "cp_plans.csv " + kDemo + "population.csv --out " + snap);
  REQUIRE(made.exit_code == 0);
  CHECK(made.out.rfind(snap + ": 2 datasets (", 0) == 0);
  const std::string question = " --period fy:2011-12..2013-14 --count open-at:31-03 --by period,latest_category "
                               "--measure episodes,children,rate10k --format csv";
  const auto from_csv = csc::test::RunCsc("query --data " + kDemo + "cp_plans.csv --data " + kDemo + "population.csv" + question);
  const auto from_snap = csc::test::RunCsc("query --data " + snap + question);
  REQUIRE(from_csv.exit_code == 0);
  CHECK(from_snap.exit_code == 0);
  CHECK(from_snap.out == from_csv.out);
  // domain.md section 5: 334 open at 31 March 2013.
  CHECK(csc::test::RunCsc("query --data " + snap + " --period fy:2012-13 --format csv").out == "episodes\n334\n");

  const auto load = csc::test::RunCsc("load " + snap);
  CHECK(load.exit_code == 0);
  CHECK(load.out.find(snap + ": snapshot of 2 files (2 datasets), opened by mapping it") != std::string::npos);
  CHECK(load.out.find("recognised as canonical (cp_plans)") != std::string::npos);
  CHECK(load.out.find("dataset cp_plans: cp_plans from canonical") != std::string::npos);

  // Cut short: refused, naming the file.
  std::string bytes;
  {
    std::ifstream in(snap, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    bytes = s.str();
  }
  const std::string cut = Temp("cut.cscx");
  {
    std::ofstream out(cut, std::ios::binary);
    out << bytes.substr(0, bytes.size() / 2);
  }
  const auto refused = csc::test::RunCsc("query --data " + cut + " --period fy:2012-13");
  CHECK(refused.exit_code == 1);
  CHECK(refused.out == "csc query: " + cut + ": snapshot truncated: " + std::to_string(bytes.size() / 2) + " of its " +
                           std::to_string(bytes.size()) + " bytes\n");
  std::filesystem::remove(snap);
  std::filesystem::remove(cut);
}
