// The unborn rule (dataset/unborn.hpp) on tiny extracts in tests/data/unborn/, counted by
// hand: recorded as unborn, or an expected date of birth after the reference date, is
// Unborn, also with a blank date of birth; in canonical CP data and SSDA903 returns.
#include <catch2/catch.hpp>

#include <map>

#include "dataset/dataset_loader.hpp"
#include "dataset/unborn.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"
#include "time/civil_date.hpp"

using namespace csc;

namespace {

const std::string kDir = std::string(CSC_TEST_DATA_DIR) + "/unborn/";

std::map<std::string, double> OpenAt31March2013(const DatasetLoad& load, const std::string& table, const std::string& by) {
  const CatalogPtr catalog = ToCatalog(load.datasets);
  QueryText q;
  q.table = table;
  q.period = "fy:2012-13";
  q.count = "open-at:31-03";
  q.by = by;
  q.measure = "episodes";
  std::map<std::string, double> out;
  for (const auto& row : RunQuery(*catalog, ParseQueryText(q)).rows) out[row.keys.at(0)] = row.values.at(0).value_or(-1);
  return out;
}

}  // namespace

TEST_CASE("unborn: the words a sex column uses for it", "[dataset][unborn]") {
  CHECK(IsRecordedUnborn("Unborn"));
  CHECK(IsRecordedUnborn("c) Unborn"));
  CHECK(IsRecordedUnborn(" unborn "));
  CHECK_FALSE(IsRecordedUnborn("U"));
  CHECK_FALSE(IsRecordedUnborn("Unknown"));
  // The 1 April after the financial year holding the last date: 30 June 2013 is in 2013-14.
  CHECK(UnbornBirthDate(DaysFromCivil(2013, 6, 30)) == DaysFromCivil(2014, 4, 1));
  CHECK(UnbornBirthDate(DaysFromCivil(2013, 3, 31)) == DaysFromCivil(2013, 4, 1));
  CHECK_FALSE(UnbornBirthDate(std::nullopt));
}

TEST_CASE("unborn in canonical CP plans: recorded unborn or an expected date, U alone is unknown", "[dataset][unborn]") {
  const DatasetLoad load = LoadDatasets({kDir + "cp_plans.csv"});
  REQUIRE(load.datasets.size() == 1);
  const Dataset& d = load.datasets.front();
  // At 31 March 2013 all five plans are open. U1 (sex "Unborn", no dob) and U3 (expected 10
  // May 2013) are Unborn; U2 (sex U, no dob: U is "unknown", not a record of being unborn)
  // and U4 (male, no dob) are Unknown; U5 (born 1 June 2012) is under 1.
  CHECK(OpenAt31March2013(load, "cp_plans", "age-band") ==
        std::map<std::string, double>{{"Unborn", 2}, {"Under 1", 1}, {"Unknown", 2}});
  // "Unborn" is stored as the code U: U1 and U2 are U, U3 F, U4 and U5 M.
  CHECK(OpenAt31March2013(load, "cp_plans", "sex") == std::map<std::string, double>{{"U", 2}, {"F", 1}, {"M", 2}});
  CHECK(d.UnknownCodeCount() == 0);
  // The last date is U5's end (30 June 2013, in 2013-14): Unborn up to 31 March 2014.
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0] ==
        "1 children recorded as unborn with no date of birth: counted as Unborn up to 2014-03-31 (the end of the "
        "data's last financial year; their date of birth taken as 2014-04-01)");
}

TEST_CASE("unborn in an SSDA903 return: SEX written unborn with no DOB, U there is unknown, not unborn", "[dataset][unborn]") {
  const DatasetLoad load = LoadDatasets({kDir + "header_2013.csv", kDir + "episodes_2013.csv"});
  const Dataset* d = load.Find("lac_episodes");
  REQUIRE(d);
  // C1 (Unborn, no DOB) is Unborn; C2 (born 1 May 2005) is 7 at 31 March 2013, band 5-9;
  // C3 (U, no DOB: in the 903 U means not known) is Unknown.
  CHECK(OpenAt31March2013(load, "lac_episodes", "age-band") ==
        std::map<std::string, double>{{"Unborn", 1}, {"5-9", 1}, {"Unknown", 1}});
  bool noted = false;
  for (const std::string& n : d->notes)
    noted = noted || n == "1 children recorded as unborn with no date of birth: counted as Unborn up to 2013-03-31 (the "
                          "end of the data's last financial year; their date of birth taken as 2013-04-01)";
  CHECK(noted);
}
