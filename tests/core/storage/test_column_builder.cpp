#include <catch2/catch.hpp>

#include "storage/column_builder.hpp"
#include "storage/table.hpp"

using namespace csc;

TEST_CASE("Int column widens from int8 to int32 as values demand and keeps earlier values", "[storage]") {
  ColumnBuilder b(ColumnType::Int);
  b.AppendInt(5);
  b.AppendInt(-7);
  REQUIRE(b.size() == 2);
  b.AppendInt(40000);
  b.AppendNull();
  Column c = b.Finish();
  CHECK(c.width() == 4);
  CHECK(c.size() == 4);
  CHECK(c.GetInt(0) == 5);
  CHECK(c.GetInt(1) == -7);
  CHECK(c.GetInt(2) == 40000);
  CHECK_FALSE(c.IsValid(3));
  CHECK(c.null_count() == 1);
  CHECK(c.min_int() == -7);
  CHECK(c.max_int() == 40000);
  CHECK(c.DistinctCount() == 3);
}

TEST_CASE("Category codes use one byte up to 256 values, then two", "[storage]") {
  ColumnBuilder b(ColumnType::Category);
  for (int i = 0; i < 256; ++i) b.AppendString("v" + std::to_string(i));
  b.AppendString("v0");
  CHECK(b.size() == 257);
  ColumnBuilder wide(ColumnType::Category);
  for (int i = 0; i < 257; ++i) wide.AppendString("v" + std::to_string(i));
  Column narrow_col = b.Finish();
  Column wide_col = wide.Finish();
  CHECK(narrow_col.width() == 1);
  CHECK(narrow_col.dictionary()->size() == 256);
  CHECK(narrow_col.GetString(256) == "v0");
  CHECK(wide_col.width() == 2);
  CHECK(wide_col.GetString(256) == "v256");
  CHECK(wide_col.dictionary()->Find("v100") == 100u);
  CHECK_FALSE(wide_col.dictionary()->Find("nope").has_value());
}

TEST_CASE("Bulk appends with validity flags place nulls at the right rows", "[storage]") {
  ColumnBuilder b(ColumnType::Date);
  const int64_t days[] = {15795, 0, 15796, -25567};
  const uint8_t valid[] = {1, 0, 1, 1};
  b.AppendInts(days, valid);
  b.AppendInts(days, {});
  Column c = b.Finish();
  CHECK(c.width() == 2);
  CHECK(c.size() == 8);
  CHECK(c.null_count() == 1);
  CHECK_FALSE(c.IsValid(1));
  CHECK(c.IsValid(5));
  CHECK(c.GetInt(3) == -25567);
  CHECK(c.FormatCell(0) == "2013-03-31");
  CHECK(c.FormatCell(1).empty());
}

TEST_CASE("Table rejects columns of different lengths and finds names case-insensitively", "[storage]") {
  ColumnBuilder a(ColumnType::Int), b(ColumnType::Int);
  a.AppendInt(1);
  TableBuilder tb;
  tb.AddColumn("Child ID", a.Finish());
  tb.AddColumn("x", b.Finish());
  CHECK_THROWS_AS(tb.Finish(), std::invalid_argument);

  ColumnBuilder c(ColumnType::Int);
  c.AppendInt(3);
  TableBuilder ok;
  ok.AddColumn("Child ID", c.Finish());
  TablePtr t = ok.Finish();
  CHECK(t->FindColumn(" child id ") == 0u);
  CHECK_FALSE(t->FindColumn("child").has_value());
}
