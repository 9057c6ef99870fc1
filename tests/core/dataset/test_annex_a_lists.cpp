// Annex A lists 1-6 and 9-11: an unreadable date is unknown, not blank, as on every dataset.
#include <catch2/catch.hpp>

#include <algorithm>

#include "dataset/dataset_loader.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"

using namespace csc;

TEST_CASE("Annex A list 3: unreadable referral dates are flagged, noted and left out of counts", "[dataset][annex-a]") {
  const DatasetLoad load = LoadDatasets({std::string(CSC_TEST_DATA_DIR) + "/annex_a_unreadable/list3.csv"});
  const Dataset* d = load.Find("annex_a_referrals");
  REQUIRE(d);
  REQUIRE(d->table->num_rows() == 4);
  const Column* start = d->table->ColumnByName("start_date");
  REQUIRE(start);
  REQUIRE(start->unreadable());
  CHECK(start->unreadable()->count == 2);  // R2 (31/02/2021) and R3 (20/21/2020)
  CHECK(start->IsUnreadable(1));
  CHECK(start->IsUnreadable(2));
  CHECK(d->table->ColumnByName("date_of_referral")->unreadable()->count == 2);
  CHECK(std::find(d->notes.begin(), d->notes.end(),
                  "2 records have an unreadable start date ('Date of referral'): left out of counts that need it") !=
        d->notes.end());
  QueryText text;
  text.table = "annex_a_referrals";
  text.period = "fy:2020-21";
  text.count = "started";
  const QueryResult r = RunQuery(*ToCatalog(load.datasets), ParseQueryText(text));
  CHECK(r.rows[0].values[0] == 2);  // R1 and R4
  CHECK(std::find(r.notes.begin(), r.notes.end(), "2 records excluded: start date unreadable (start_date)") !=
        r.notes.end());
}
