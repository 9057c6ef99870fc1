// A record whose needed date could not be read is unknown, not blank: left out of the count,
// and the answer says so. Worked by hand on five plans, open at 31 March 2013 (fy 2012-13):
//   C1 2012-01-10 .. blank       open             counts
//   C2 2012-04-01 .. 15/06/13    end unreadable   excluded (was counted as open: end "blank")
//   C3 2012-05-01 .. 2013-01-01  ended            no
//   C4 2012-05-01 .. 31/02/2013  end unreadable   excluded (no such date)
//   C5 2011-01-01 .. 2014-01-01  open             counts
// Open at: 2 (C1, C5), 2 excluded. Started in 2012-13 needs no end date: C2, C3, C4 = 3.
// With two-digit years read from 1950, C2 ends 2013-06-15: open at 3, 1 excluded.
#include <catch2/catch.hpp>

#include "ingest/csv_loader.hpp"
#include "query/executor.hpp"
#include "support/count_query.hpp"
#include "time/civil_date.hpp"

using namespace csc;

namespace {

const char* kPlans =
    "child_id,plan_start,plan_end,latest_category\n"
    "C1,2012-01-10,,NEG\n"
    "C2,2012-04-01,15/06/13,PHY\n"
    "C3,2012-05-01,2013-01-01,NEG\n"
    "C4,2012-05-01,31/02/2013,EMO\n"
    "C5,2011-01-01,2014-01-01,NEG\n";

Catalog Plans(int two_digit_years = 0) {
  LoadOptions options;
  options.two_digit_years = two_digit_years;
  Catalog c;
  c.Add("cp_plans", LoadCsvBytes(kPlans, "cp_plans.csv", options).table);
  return c;
}

Query Count(CountMode mode) { return test::CpPlans2012_13(mode); }

// The same answer from the vector scan, the fused or general passes, one thread or three.
QueryResult RunEveryWay(const Catalog& c, const Query& q) {
  ExecuteOptions plain;
  plain.vector_scan = false;
  plain.threads = 1;
  ExecuteOptions fast;
  fast.threads = 3;
  fast.chunk_rows = 2;
  const QueryResult a = RunQuery(c, q, plain);
  const QueryResult b = RunQuery(c, q, fast);
  REQUIRE(a.rows.size() == b.rows.size());
  for (size_t i = 0; i < a.rows.size(); ++i) CHECK(a.rows[i] == b.rows[i]);
  CHECK(a.notes == b.notes);
  return b;
}

}  // namespace

TEST_CASE("an unreadable end date is unknown, not an open plan", "[query][unreadable]") {
  const Catalog c = Plans();
  const Column& end = *c.Find("cp_plans")->ColumnByName("plan_end");
  REQUIRE(end.type() == ColumnType::Date);
  CHECK(end.null_count() == 3);  // C1 blank, C2 and C4 unreadable
  CHECK_FALSE(end.IsUnreadable(0));
  CHECK(end.IsUnreadable(1));
  CHECK(end.IsUnreadable(3));
  REQUIRE(end.unreadable());
  CHECK(end.unreadable()->count == 2);

  const QueryResult open = RunEveryWay(c, Count(CountMode::OpenAt));
  REQUIRE(open.rows.size() == 1);
  CHECK(open.rows[0].values == std::vector<std::optional<double>>{2.0, 2.0});
  CHECK(open.notes == std::vector<std::string>{"2 records excluded: end date unreadable (plan_end)"});
  CHECK(FormatResultTable(open).find("note: 2 records excluded: end date unreadable (plan_end)\n") != std::string::npos);
  CHECK(FormatResultJson(open).find("\"notes\": [\n    \"2 records excluded: end date unreadable (plan_end)\"") !=
        std::string::npos);

  const QueryResult started = RunEveryWay(c, Count(CountMode::StartedIn));
  CHECK(started.rows[0].values == std::vector<std::optional<double>>{3.0, 3.0});
  CHECK(started.notes.empty());

  Query by_category = Count(CountMode::OpenDuring);  // C1..C5 all touch 2012-13; C2, C4 excluded
  by_category.group_by = {GroupByColumn("latest_category")};
  const QueryResult during = RunEveryWay(c, by_category);
  REQUIRE(during.rows.size() == 1);  // NEG: C1, C3, C5
  CHECK(during.rows[0].keys == std::vector<std::string>{"NEG"});
  CHECK(during.rows[0].values == std::vector<std::optional<double>>{3.0, 3.0});
}

TEST_CASE("two-digit years are read only in a century window the user states", "[query][unreadable]") {
  const Catalog c = Plans(1950);
  const Column& end = *c.Find("cp_plans")->ColumnByName("plan_end");
  CHECK(end.GetInt(1) == DaysFromCivil(2013, 6, 15));
  CHECK(end.unreadable()->count == 1);  // 31/02/2013 is still no date
  const QueryResult open = RunEveryWay(c, Count(CountMode::OpenAt));
  CHECK(open.rows[0].values == std::vector<std::optional<double>>{3.0, 3.0});
  CHECK(open.notes == std::vector<std::string>{"1 record excluded: end date unreadable (plan_end)"});
  // 1930: 13 is 2013 too; 30..99 are 1930-1999
  LoadOptions options;
  options.two_digit_years = 1930;
  const auto r = LoadCsvBytes("d\n01/01/29\n01/01/30\n01/01/99\n", "d.csv", options);
  CHECK(r.table->column(0).GetInt(0) == DaysFromCivil(2029, 1, 1));
  CHECK(r.table->column(0).GetInt(1) == DaysFromCivil(1930, 1, 1));
  CHECK(r.table->column(0).GetInt(2) == DaysFromCivil(1999, 1, 1));
  CHECK(r.report.cell_warnings == 0);
}
