// Columns computed at load for section 47 enquiries and reviews (dataset/derived_columns.hpp):
// ICPC within 15 working days, and CP / looked-after reviews numbered, given a due date and
// an on-time flag. Tiny extracts in tests/data/journey/, answers worked by hand on a
// calendar (7 January 2013 is a Monday; Easter 2013 is Friday 29 March and Monday 1 April).
#include <catch2/catch.hpp>

#include <map>

#include "support/by_child.hpp"
#include "dataset/dataset_loader.hpp"
#include "dataset/derived_columns.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"
#include "time/civil_date.hpp"

using namespace csc;
using test::ByChild;

namespace {

const std::string kDir = std::string(CSC_TEST_DATA_DIR) + "/journey/";

const Dataset& Load(const std::string& file, DatasetKind kind, DatasetLoad& keep) {
  keep = LoadDatasets({kDir + file});
  REQUIRE(keep.datasets.size() == 1);
  const Dataset& d = keep.datasets.front();
  REQUIRE(d.kind == kind);
  return d;
}

}  // namespace

TEST_CASE("working days: the last day within n working days of a start", "[time][derived]") {
  const HolidayCalendar& cal = EnglandWalesBankHolidays();
  // Wednesday 27 March 2013 + 20 working days: Thursday 28 March (1), Easter skipped,
  // 2-5 April (5), 8-12 (10), 15-19 (15), 22-26 (20) = Friday 26 April; the 21st is Monday
  // 29 April, so the last day within is Sunday 28 April.
  CHECK(cal.LastDayWithin(DaysFromCivil(2013, 3, 27), 20) == DaysFromCivil(2013, 4, 28));
  CHECK(cal.WorkingDaysBetween(DaysFromCivil(2013, 3, 27), DaysFromCivil(2013, 4, 28)) == 20);
  CHECK(cal.WorkingDaysBetween(DaysFromCivil(2013, 3, 27), DaysFromCivil(2013, 4, 29)) == 21);
  // Monday 7 January 2013 + 0: the weekend before the next working day still counts as day 0.
  CHECK(cal.LastDayWithin(DaysFromCivil(2013, 1, 4), 0) == DaysFromCivil(2013, 1, 6));
  CHECK_FALSE(cal.LastDayWithin(DaysFromCivil(1990, 1, 1), 5));  // outside the calendar
}

TEST_CASE("s47 enquiries: ICPC working days from the enquiry's start, within 15", "[dataset][derived]") {
  DatasetLoad load;
  const Dataset& d = Load("s47_enquiries.csv", DatasetKind::S47Enquiries, load);
  const auto days = ByChild(*d.table, "icpc_working_days");
  const auto within = ByChild(*d.table, "icpc_within_15_days");
  // Monday 7 January to Monday 28 January: 4 + 5 + 5 + 1 = 15 (in time); Tuesday 29th: 16.
  CHECK(days.at("S1") == "15;");
  CHECK(within.at("S1") == "true;");
  CHECK(days.at("S2") == "16;");
  CHECK(within.at("S2") == "false;");
  // Wednesday 27 March over Easter to Friday 19 April: 1 + 4 + 5 + 5 = 15.
  CHECK(days.at("S3") == "15;");
  CHECK(within.at("S3") == "true;");
  // No conference (not required), and a conference without its enquiry's start: unknown.
  CHECK(within.at("S4") == "-;");
  CHECK(within.at("S5") == "-;");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0] == "1 conferences without the start of their section 47 enquiry: timeliness unknown");

  // Conferences held in 2012-13 within 15 working days (icpc_date is the end: --count
  // ceased): S1 only (S2 took 16, S3's is in 2013-14, S4 had none, S5's timeliness is unknown).
  const CatalogPtr catalog = ToCatalog(load.datasets);
  QueryText q;
  q.table = "s47_enquiries";
  q.period = "fy:2012-13";
  q.count = "ceased";
  q.where = {"icpc_within_15_days = Y"};
  const QueryResult in_time = RunQuery(*catalog, ParseQueryText(q));
  REQUIRE(in_time.rows.size() == 1);
  CHECK(in_time.rows[0].values[0] == 1);  // S1
}

TEST_CASE("cp reviews: first within 3 months of the plan's start, then every 6 months", "[dataset][derived]") {
  DatasetLoad load;
  const Dataset& d = Load("cp_reviews.csv", DatasetKind::CpReviews, load);
  const auto number = ByChild(*d.table, "review_number");
  const auto due = ByChild(*d.table, "due_date");
  const auto on_time = ByChild(*d.table, "on_time");
  // P1 (plan 31 May 2012), rows in file order 28 Feb 2013, 31 Aug 2012, 29 Aug 2013:
  // first due 31 August 2012 (held that day: in time); second due 31 Aug + 6 months = 28
  // February 2013 (held that day); third due 28 August 2013, held the 29th: late.
  CHECK(number.at("P1") == "2;1;3;");
  CHECK(due.at("P1") == "2013-02-28;2012-08-31;2013-08-28;");
  CHECK(on_time.at("P1") == "true;true;false;");
  // P2: plan of 1 October 2012 first reviewed 2 January 2013 (due 1 January: late); a new
  // plan of 1 June 2013 starts its own count (due 1 September, held then).
  CHECK(number.at("P2") == "1;1;");
  CHECK(due.at("P2") == "2013-01-01;2013-09-01;");
  CHECK(on_time.at("P2") == "false;true;");
  // P3: a review dated before its plan began is a data error: unknown, and said.
  CHECK(on_time.at("P3") == "-;");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0] == "1 reviews dated before their plan began: timeliness unknown");
}

TEST_CASE("lac reviews: first within 20 working days, second within 3 months, then every 6", "[dataset][derived]") {
  DatasetLoad load;
  const Dataset& d = Load("lac_reviews.csv", DatasetKind::LacReviews, load);
  const auto due = ByChild(*d.table, "due_date");
  const auto on_time = ByChild(*d.table, "on_time");
  // L1 looked after from Wednesday 27 March 2013: 20 working days (Easter skipped) end on
  // Friday 26 April, the first review is due by Sunday 28 April (held then: in time); the
  // second by 28 July (held the 29th: late); the third 6 months after the second, 29 January
  // 2014 (held then: in time). L2's first review on Monday 29 April is the 21st working day.
  CHECK(due.at("L1") == "2013-04-28;2013-07-28;2014-01-29;");
  CHECK(on_time.at("L1") == "true;false;true;");
  CHECK(due.at("L2") == "2013-04-28;");
  CHECK(on_time.at("L2") == "false;");
  CHECK(d.notes.empty());
}
