// The mapping step for CSVs no recogniser knows: guesses, the JSON form, applying it
// (recodes, normalised codes, unknowns counted, other columns kept) and the saved store.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "dataset/dataset_loader.hpp"
#include "ingest/csv_loader.hpp"

using namespace csc;

namespace {

const std::string kDir = std::string(CSC_TEST_DATA_DIR) + "/formats/mapped/";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct TempDir {
  std::string path;
  explicit TempDir(const std::string& name) : path((std::filesystem::temp_directory_path() / name).string()) {
    std::filesystem::remove_all(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("mapping: an unknown header is unrecognised, the guess names the columns it can", "[mapping]") {
  const std::vector<std::string> header = {"Ref", "Gender", "Born", "Started", "Ended", "Abuse type", "Team"};
  CHECK(RecogniseHeader(header).format == SourceFormat::Unrecognised);
  CHECK(GuessKind(header) == DatasetKind::CpPlans);
  const ColumnMapping guess = GuessMapping(header, DatasetKind::CpPlans);
  CHECK(guess.columns == std::map<std::string, std::string>{{"Ref", "child_id"},
                                                            {"Gender", "sex"},
                                                            {"Born", "dob"},
                                                            {"Started", "plan_start"},
                                                            {"Ended", "plan_end"}});
  CHECK(GuessKind({"a", "b"}) == DatasetKind::Unknown);
}

TEST_CASE("mapping: JSON round trip, role names resolve to the kind's columns, mistakes are named", "[mapping]") {
  const ColumnMapping m = ParseMappingJson(ReadAll(kDir + "cp_custom.map.json"));
  CHECK(m.kind == DatasetKind::CpPlans);
  CHECK(m.columns.at("Started") == "plan_start");  // "start" is the role
  CHECK(m.columns.at("Abuse type") == "latest_category");
  CHECK(m.recodes.at("latest_category").at("Domestic") == "EMO");
  CHECK(ParseMappingJson(MappingToJson(m)) == m);
  CHECK_THROWS_WITH(ParseMappingJson(R"({"kind": "cp_plans", "columns": {"X": "episode_start"}})"),
                    Catch::Contains("'episode_start' is not a column of cp_plans"));
  CHECK_THROWS_WITH(ParseMappingJson(R"({"kind": "plans", "columns": {}})"), Catch::Contains("kind 'plans'"));
  CHECK_THROWS_WITH(ParseMappingJson("{"), Catch::Contains("not valid JSON"));
}

TEST_CASE("mapping: applied, values are recoded and normalised, unknown codes kept and counted", "[mapping]") {
  const auto source = LoadCsvFile(kDir + "cp_custom.csv").table;
  const ConvertedTable out = ApplyMapping(*source, ParseMappingJson(ReadAll(kDir + "cp_custom.map.json")));
  const Table& t = *out.table;
  REQUIRE(t.num_rows() == 4);
  std::vector<std::string> names(t.column_names().begin(), t.column_names().begin() + 10);
  CHECK(names == std::vector<std::string>{"child_id", "sex", "dob", "ethnicity", "ward", "plan_start", "plan_end",
                                          "initial_category", "latest_category", "previous_plans"});
  CHECK(t.num_columns() == 11);
  CHECK(t.column_name(10) == "Team");  // kept under its own name
  const Column& sex = *t.ColumnByName("sex");
  const Column& latest = *t.ColumnByName("latest_category");
  CHECK(sex.FormatCell(0) == "M");
  CHECK(sex.FormatCell(2) == "F");  // Girl
  CHECK(sex.FormatCell(3) == "M");  // Boy
  CHECK(latest.FormatCell(0) == "NEG");
  CHECK(latest.FormatCell(1) == "PHY");
  CHECK(latest.FormatCell(2) == "EMO");     // recoded
  CHECK(latest.FormatCell(3) == "Cruelty");  // kept
  REQUIRE(out.unknown_codes.size() == 1);
  CHECK(out.unknown_codes[0].column == "latest_category");
  CHECK(out.unknown_codes[0].counts == std::map<std::string, size_t>{{"Cruelty", 1}});
  CHECK(t.ColumnByName("plan_end")->FormatCell(1) == "2023-03-01");
  CHECK_FALSE(t.ColumnByName("plan_end")->IsValid(0));
  CHECK_THROWS_WITH(ApplyMapping(*source, ParseMappingJson(R"({"kind": "cp_plans", "columns": {"Nope": "child_id"}})")),
                    Catch::Contains("no column 'Nope'"));
}

TEST_CASE("mapping store: saved by header hash, found again for the same header whatever its case", "[mapping]") {
  TempDir dir("csc_mapping_store_test");
  const MappingStore store(dir.path);
  const std::vector<std::string> header = {"Ref", "Gender", "Born", "Started", "Ended", "Abuse type", "Team"};
  CHECK_FALSE(store.Find(header).has_value());
  const ColumnMapping m = ParseMappingJson(ReadAll(kDir + "cp_custom.map.json"));
  store.Save(header, m);
  CHECK(store.Find(header) == m);
  CHECK(store.Find({"REF", "gender ", "Born", "Started", "Ended", "Abuse_type", "team"}) == m);
  CHECK_FALSE(store.Find({"Gender", "Ref", "Born", "Started", "Ended", "Abuse type", "Team"}).has_value());
  CHECK(store.PathFor(header).starts_with(dir.path + "/mappings/"));
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path + "/mappings")) files += e.is_regular_file();
  CHECK(files == 1);  // no temporary left behind
  std::ofstream(store.PathFor(header)) << "{ damaged";
  CHECK_THROWS_WITH(store.Find(header), Catch::Contains("not valid JSON"));
}

TEST_CASE("mapping store: the default folder follows CSC_CONFIG_DIR, then XDG_CONFIG_HOME, then HOME", "[mapping]") {
  const char* saved_csc = std::getenv("CSC_CONFIG_DIR");
  const char* saved_xdg = std::getenv("XDG_CONFIG_HOME");
  const std::string csc = saved_csc ? saved_csc : "", xdg = saved_xdg ? saved_xdg : "";
  setenv("CSC_CONFIG_DIR", "/tmp/a", 1);
  CHECK(MappingStore::DefaultDir() == "/tmp/a");
  unsetenv("CSC_CONFIG_DIR");
  setenv("XDG_CONFIG_HOME", "/tmp/b", 1);
  CHECK(MappingStore::DefaultDir() == "/tmp/b/csc-explorer");
  unsetenv("XDG_CONFIG_HOME");
  CHECK(MappingStore::DefaultDir() == std::string(std::getenv("HOME")) + "/.config/csc-explorer");
  if (saved_csc) setenv("CSC_CONFIG_DIR", csc.c_str(), 1);
  if (saved_xdg) setenv("XDG_CONFIG_HOME", xdg.c_str(), 1);
}

TEST_CASE("LoadDatasets: a given mapping is applied and saved, the next load finds it by header", "[mapping]") {
  TempDir dir("csc_mapping_load_test");
  const MappingStore store(dir.path);
  DatasetLoadOptions options;
  options.store = &store;
  const DatasetLoad before = LoadDatasets({kDir + "cp_custom.csv"}, options);
  CHECK(before.datasets.at(0).kind == DatasetKind::Unknown);
  CHECK(before.datasets.at(0).name == "cp_custom");
  options.mapping = ParseMappingJson(ReadAll(kDir + "cp_custom.map.json"));
  const DatasetLoad mapped = LoadDatasets({kDir + "cp_custom.csv"}, options);
  CHECK(mapped.datasets.at(0).kind == DatasetKind::CpPlans);
  CHECK(mapped.datasets.at(0).format == SourceFormat::Mapped);
  CHECK(mapped.datasets.at(0).name == "cp_plans");
  CHECK_FALSE(mapped.files.at(0).mapping_from_store);
  options.mapping.reset();
  const DatasetLoad again = LoadDatasets({kDir + "cp_custom.csv"}, options);
  CHECK(again.datasets.at(0).kind == DatasetKind::CpPlans);
  CHECK(again.files.at(0).mapping_from_store);
  CHECK(again.datasets.at(0).ColumnFor(Role::Start) == "plan_start");
  CHECK(again.datasets.at(0).UnknownCodeCount() == 1);
}

TEST_CASE("LoadDatasets: a given mapping applies only to files with all its columns, none at all is an error", "[mapping]") {
  DatasetLoadOptions options;
  options.mapping = ParseMappingJson(ReadAll(kDir + "cp_custom.map.json"));
  const std::string other = std::string(CSC_TEST_DATA_DIR) + "/query/population.csv";
  const std::string unrelated = std::string(CSC_TEST_DATA_DIR) + "/ingest/ssda903_style_bom_semicolon.csv";
  const DatasetLoad load = LoadDatasets({kDir + "cp_custom.csv", other, unrelated}, options);
  REQUIRE(load.datasets.size() == 3);
  CHECK(load.Find("cp_plans")->format == SourceFormat::Mapped);
  CHECK(load.Find("population")->format == SourceFormat::Canonical);
  CHECK(load.Find("ssda903_style_bom_semicolon")->kind == DatasetKind::Unknown);
  CHECK_THROWS_WITH(LoadDatasets({unrelated}, options),
                    Catch::Contains("no unrecognised file has all of its columns (Abuse type, Born, Ended, Gender, Ref, Started)"));
}

TEST_CASE("LoadDatasets: a mapped date column the loader read as text is re-read as dates, bad cells flagged", "[mapping]") {
  DatasetLoadOptions options;
  options.mapping = ParseMappingJson(ReadAll(kDir + "cp_custom.map.json"));
  const DatasetLoad load = LoadDatasets({kDir + "cp_untyped_dates.csv"}, options);
  const LoadReport& report = load.files.at(0).load.report;
  REQUIRE(report.cell_warnings == 3);
  CHECK(report.warnings[0].line == 2);
  CHECK(report.warnings[0].column_name == "Born");
  CHECK(report.warnings[1].value == "tbc");
  CHECK(report.warnings[2].reason == "two-digit year is ambiguous");
  const Table& t = *load.datasets.at(0).table;
  CHECK(t.ColumnByName("dob")->FormatCell(1) == "2016-02-02");
  CHECK(t.ColumnByName("dob")->null_count() == 3);
}
