#include <catch2/catch.hpp>

#include <map>
#include <optional>

#include "query/executor.hpp"
#include "query/query_parser.hpp"
#include "query/row_ages.hpp"
#include "storage/column_builder.hpp"
#include "time/civil_date.hpp"

using namespace csc;

namespace {

// Four plans: born 2010-03-01 starting 2012-02-29 (age 1) and 2012-03-01 (age 2, the
// birthday); starting before birth (unborn); no date of birth (unknown).
TablePtr Plans(int oldest_birth_year = 2010) {
  ColumnBuilder child(ColumnType::Text), dob(ColumnType::Date), start(ColumnType::Date), end(ColumnType::Date);
  auto add = [&](const char* id, std::optional<int32_t> born, int32_t started) {
    child.AppendString(id);
    if (born) dob.AppendInt(*born); else dob.AppendNull();
    start.AppendInt(started);
    end.AppendNull();
  };
  add("A", DaysFromCivil(oldest_birth_year, 3, 1), DaysFromCivil(2012, 2, 29));
  add("B", DaysFromCivil(2010, 3, 1), DaysFromCivil(2012, 3, 1));
  add("C", DaysFromCivil(2012, 6, 1), DaysFromCivil(2012, 4, 1));
  add("D", std::nullopt, DaysFromCivil(2012, 5, 1));
  TableBuilder b;
  b.AddColumn("child_id", child.Finish());
  b.AddColumn("dob", dob.Finish());
  b.AddColumn("start_date", start.Finish());
  b.AddColumn("end_date", end.Finish());
  return b.Finish();
}

Query AgeQuery() {
  QueryText text;
  text.table = "plans";
  text.count = "started";
  text.period = "year:2012";
  text.by = "age";
  text.measure = "episodes";
  return ParseQueryText(text);
}

std::map<std::string, double> Counts(const QueryResult& r) {
  std::map<std::string, double> out;
  for (const auto& row : r.rows) out[row.keys[0]] = row.values[0].value_or(-1);
  return out;
}

}  // namespace

TEST_CASE("ages on each row's start are derived once per table and give the computed answers", "[query]") {
  Catalog catalog;
  const TablePtr plans = Plans();
  catalog.Add("plans", plans);
  const auto compiled = CompileQuery(catalog, AgeQuery());
  const auto ages = RowAgesAt(*compiled, *compiled->start);
  REQUIRE(ages);
  CHECK(*ages == std::vector<int8_t>{1, 2, -1, kRowAgeUnknown});
  CHECK(plans->derived().size() == 1);

  ExecuteOptions computed;
  computed.derived_ages = false;
  const auto with = Counts(ExecuteQuery(*compiled));
  CHECK(with == Counts(ExecuteQuery(*compiled, computed)));
  CHECK(with.at("Unborn") == 1);
  CHECK(with.at("1") == 1);
  CHECK(with.at("2") == 1);
  // A second query on the same table reuses the derivation.
  RunQuery(catalog, AgeQuery());
  CHECK(plans->derived().size() == 1);
}

TEST_CASE("an age over 126 is not derived, and the scan works ages out itself", "[query]") {
  Catalog catalog;
  const TablePtr plans = Plans(1880);  // A is 131 at the start
  catalog.Add("plans", plans);
  const auto compiled = CompileQuery(catalog, AgeQuery());
  CHECK_FALSE(RowAgesAt(*compiled, *compiled->start));
  ExecuteOptions computed;
  computed.derived_ages = false;
  const auto with = Counts(ExecuteQuery(*compiled));
  CHECK(with == Counts(ExecuteQuery(*compiled, computed)));
  CHECK(with.at("18+") == 1);
}
