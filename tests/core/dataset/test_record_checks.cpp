// Record-level sense checks, on tables worked by hand.
#include <catch2/catch.hpp>

#include "dataset/record_checks.hpp"
#include "ingest/csv_loader.hpp"

using namespace csc;

namespace {
Dataset Make(DatasetKind kind, const std::string& csv) {
  Dataset d;
  d.kind = kind;
  d.table = LoadCsvBytes(csv, "t.csv").table;
  d.roles = CanonicalRoles(kind, *d.table);
  return d;
}
}  // namespace

TEST_CASE("episodes out of order, born after they start and in impossible years are listed", "[dataset][checks]") {
  // C1 fine; C2 ends before it starts; C3 born after its episode starts; C4 starts in 1800
  // (a typing error for 2018: also born after 1800); C5 ends in 2200.
  const Dataset d = Make(DatasetKind::LacEpisodes,
                         "child_id,dob,episode_start,episode_end\n"
                         "C1,2010-01-01,2015-01-01,2016-01-01\n"
                         "C2,2010-01-01,2015-06-01,2015-05-01\n"
                         "C3,2016-01-01,2015-01-01,\n"
                         "C4,2010-01-01,1800-03-01,\n"
                         "C5,2010-01-01,2015-01-01,2200-01-01\n");
  const auto notes = CheckRecords(d);
  REQUIRE(notes.size() == 4);
  CHECK(notes[0] == "1 record ends before it starts; first: record 2 (child C2): starts 2015-06-01, ends 2015-05-01");
  CHECK(notes[1] == "2 records have a date of birth after the start; first: record 3 (child C3): born 2016-01-01, "
                    "starts 2015-01-01");
  CHECK(notes[2] == "1 date in 'episode_start' before 1900 or after 2100 (a typing error?); first: record 4 (child C4): "
                    "1800-03-01");
  CHECK(notes[3] == "1 date in 'episode_end' before 1900 or after 2100 (a typing error?); first: record 5 (child C5): "
                    "2200-01-01");
}

TEST_CASE("an unborn child's plan is not flagged, a negative population is", "[dataset][checks]") {
  const Dataset cp = Make(DatasetKind::CpPlans,
                          "child_id,dob,plan_start,plan_end,previous_plans\n"
                          "C1,2016-01-01,2015-12-01,2016-03-01,0\n");
  CHECK(CheckRecords(cp).empty());
  const Dataset pop = Make(DatasetKind::Population,
                           "year,ward,age,sex,population\n"
                           "2012,W1,0,M,120\n"
                           "2012,W1,0,F,-5\n");
  const auto notes = CheckRecords(pop);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0] == "1 negative value in 'population' (a count cannot be below zero); first: record 2: -5");
}
