// Every SSDA903 table recognised and loaded; the Header and Episodes fields beyond the
// canonical columns carried (postcodes as districts) or dropped with the reason said.
// Files: tests/data/ssda903_tables/ (README there) and the public episodes sample.
#include <catch2/catch.hpp>

#include <algorithm>

#include "dataset/dataset_loader.hpp"
#include "dataset/ssda903_tables.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"

using namespace csc;

namespace {

const std::string kDir = std::string(CSC_TEST_DATA_DIR) + "/ssda903_tables/";

DatasetLoad LoadAll() {
  std::vector<std::string> paths;
  for (const char* f : {"header.csv", "episodes.csv", "reviews.csv", "uasc.csv", "oc2.csv", "oc3.csv", "ad1.csv",
                        "placed_adoption.csv", "prev_perm.csv", "sw_episodes.csv"})
    paths.push_back(kDir + f);
  return LoadDatasets(paths);
}

QueryResult Ask(const DatasetLoad& load, const std::string& table, const std::string& period, const std::string& count,
                const std::string& by = "") {
  QueryText text;
  text.table = table;
  text.period = period;
  text.count = count;
  text.by = by;
  return RunQuery(*ToCatalog(load.datasets), ParseQueryText(text));
}

bool HasNote(const std::vector<std::string>& notes, const std::string& note) {
  return std::find(notes.begin(), notes.end(), note) != notes.end();
}

}  // namespace

TEST_CASE("every SSDA903 table is recognised by its columns and loaded as a dataset", "[dataset][ssda903]") {
  const DatasetLoad load = LoadAll();
  const std::pair<const char*, const char*> formats[] = {
      {"reviews.csv", "ssda903-reviews"}, {"uasc.csv", "ssda903-uasc"},   {"oc2.csv", "ssda903-oc2"},
      {"oc3.csv", "ssda903-oc3"},         {"ad1.csv", "ssda903-ad1"},     {"placed_adoption.csv", "ssda903-placed-adoption"},
      {"prev_perm.csv", "ssda903-prev-perm"}, {"sw_episodes.csv", "ssda903-sw-episodes"},
      {"header.csv", "ssda903-header"},   {"episodes.csv", "ssda903-episodes"}};
  for (const auto& [file, format] : formats) {
    INFO(file);
    const auto it = std::find_if(load.files.begin(), load.files.end(),
                                 [&](const SourceFile& f) { return f.path == kDir + file; });
    REQUIRE(it != load.files.end());
    CHECK(FormatName(it->recognition.format) == format);
  }
  // Rows as written: 3 reviews, 3 social worker episodes, one row in each of the others.
  const std::pair<const char*, size_t> rows[] = {
      {"ssda903_reviews", 3}, {"ssda903_sw_episodes", 3}, {"ssda903_uasc", 1}, {"ssda903_oc2", 1},
      {"ssda903_oc3", 1},     {"ssda903_ad1", 1},         {"ssda903_placed_adoption", 1}, {"ssda903_prev_perm", 1},
      {"lac_episodes", 3}};
  for (const auto& [name, n] : rows) {
    INFO(name);
    const Dataset* d = load.Find(name);
    REQUIRE(d);
    CHECK(d->table->num_rows() == n);
    CHECK(d->table->FindColumn("child_id"));
  }
  CHECK(load.Find("ssda903_uasc")->table->ColumnByName("sex")->GetString(0) == "F");  // SEX 2
}

TEST_CASE("SSDA903 table dates count like any dataset's, unreadable ones left out and said", "[dataset][ssda903]") {
  const DatasetLoad load = LoadAll();
  // Reviews 01/05/2019 and 01/11/2019 in 2019-20; 31/02/2020 cannot be read.
  const QueryResult reviews = Ask(load, "ssda903_reviews", "fy:2019-20", "started");
  CHECK(reviews.rows[0].values[0] == 2);
  CHECK(HasNote(reviews.notes, "1 record excluded: start date unreadable (start_date)"));
  // Social worker episodes open on 31 March 2020: SW002 and SW003 (SW001 ended 30/09/2019).
  CHECK(Ask(load, "ssda903_sw_episodes", "fy:2019-20", "open-at:31-03").rows[0].values[0] == 2);
  // AD1: one match (DATE_MATCH 01/08/2019) in 2019-20.
  CHECK(Ask(load, "ssda903_ad1", "fy:2019-20", "ceased").rows[0].values[0] == 1);
}

TEST_CASE("Episodes' extra fields are queryable, postcodes are kept as districts, UPN and MC_DOB dropped with why",
          "[dataset][ssda903]") {
  const DatasetLoad load = LoadAll();
  const Dataset* lac = load.Find("lac_episodes");
  REQUIRE(lac);
  const Table& t = *lac->table;
  for (const char* column : {"reason_place_change", "urn", "home_district", "placement_district", "mother"})
    CHECK(t.FindColumn(column));
  CHECK_FALSE(t.FindColumn("upn"));
  CHECK_FALSE(t.FindColumn("mc_dob"));
  CHECK_FALSE(t.FindColumn("home_post"));
  CHECK(HasNote(lac->notes, kDroppedUpn));
  CHECK(HasNote(lac->notes, kDroppedMcDob));
  CHECK(HasNote(lac->notes, kPostcodeDistricts));
  // Placements: S65 1AB -> S65, s661cd -> S66, blank for child 102.
  const QueryResult by_district = Ask(load, "lac_episodes", "", "", "placement_district");
  REQUIRE(by_district.rows.size() == 3);
  CHECK(by_district.rows[0].keys[0] == "S65");
  CHECK(by_district.rows[1].keys[0] == "S66");
  CHECK(by_district.rows[2].keys[0] == "(blank)");
  const QueryResult mothers = Ask(load, "lac_episodes", "", "", "mother");
  REQUIRE(mothers.rows.size() == 2);
  CHECK(mothers.rows[0].keys[0] == "0");
  CHECK(mothers.rows[0].values[0] == 2);  // child 101's two episodes
  CHECK(mothers.rows[1].keys[0] == "1");
  CHECK(mothers.rows[1].values[0] == 1);
}

TEST_CASE("the public SSDA903 episodes sample: districts, URNs and reasons for placement change counted by hand",
          "[dataset][ssda903][real]") {
  // tests/data/real/liia_SSDA903_2020_episodes.csv (MIT, README there): HOME_POST
  // Y8 5KZ, I28 8HA x2, F18 7NI x2; REASON_PLACE_CHANGE CREQB once; URNs 6834366,
  // 5431039 x2, 4743233 x2.
  const DatasetLoad load = LoadDatasets({std::string(CSC_TEST_DATA_DIR) + "/real/liia_SSDA903_2020_episodes.csv"});
  const Dataset* lac = load.Find("lac_episodes");
  REQUIRE(lac);
  REQUIRE(lac->table->num_rows() == 5);
  const QueryResult home = Ask(load, "lac_episodes", "", "", "home_district");
  REQUIRE(home.rows.size() == 3);
  CHECK(home.rows[0].keys[0] == "F18");
  CHECK(home.rows[0].values[0] == 2);
  CHECK(home.rows[1].keys[0] == "I28");
  CHECK(home.rows[1].values[0] == 2);
  CHECK(home.rows[2].keys[0] == "Y8");
  CHECK(home.rows[2].values[0] == 1);
  const QueryResult rpc = Ask(load, "lac_episodes", "", "", "reason_place_change");
  REQUIRE(rpc.rows.size() == 2);
  CHECK(rpc.rows[0].keys[0] == "CREQB");
  CHECK(rpc.rows[0].values[0] == 1);
  CHECK(rpc.rows[1].keys[0] == "(blank)");
  CHECK(rpc.rows[1].values[0] == 4);
  CHECK(Ask(load, "lac_episodes", "", "", "urn").rows.size() == 3);
}

TEST_CASE("postcode districts", "[dataset][ssda903]") {
  CHECK(PostcodeDistrict("S60 2TH") == "S60");
  CHECK(PostcodeDistrict("s602th") == "S60");
  CHECK(PostcodeDistrict("SW1A 1AA") == "SW1A");
  CHECK(PostcodeDistrict("M1 1AE") == "M1");
  CHECK(PostcodeDistrict("") == "");
  CHECK(PostcodeDistrict("XXXXXXX") == "");
  CHECK(PostcodeDistrict("12345") == "");
}
