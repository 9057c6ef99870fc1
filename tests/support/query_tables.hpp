#pragma once
// Small random event tables (with nulls, unborn children, ends before starts) plus a
// linked table and a population table, for the query property tests.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "query/catalog.hpp"
#include "storage/column_builder.hpp"
#include "storage/table.hpp"
#include "time/civil_date.hpp"

namespace csc::test {

inline TablePtr RandomEventTable(std::mt19937_64& rng, size_t rows, size_t children, bool with_type) {
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
  // Half the tables have no nulls at all, so the engine's null-free fast paths run too.
  const bool nulls = rng() % 2;
  auto null = [&](int percent) { return nulls && chance(percent); };
  ColumnBuilder child(ColumnType::Text), sex(ColumnType::Category), cat(ColumnType::Category), ward(ColumnType::Category),
      eth(ColumnType::Category), num(ColumnType::Int), dob(ColumnType::Date), start(ColumnType::Date), end(ColumnType::Date),
      type(ColumnType::Category);
  const char* sexes[] = {"M", "F", "U"};
  const char* cats[] = {"NEG", "PHY", "EMO", "SAB", "MUL"};
  const char* wards[] = {"W1", "W2", "W3", "W4"};
  const char* eths[] = {"WBRI", "WOTH", "MWBC", "APKN", "BAFR", "CHNE", "OOTH", "REFU", "NOBT", "ZZZZ"};
  const int32_t base = DaysFromCivil(2010, 1, 1);
  for (size_t r = 0; r < rows; ++r) {
    if (null(3)) child.AppendNull(); else child.AppendString("C" + std::to_string(pick(children)));
    if (null(8)) sex.AppendNull(); else sex.AppendString(sexes[pick(3)]);
    if (null(10)) cat.AppendNull(); else cat.AppendString(cats[pick(5)]);
    if (null(5)) ward.AppendNull(); else ward.AppendString(wards[pick(4)]);
    if (null(5)) eth.AppendNull(); else eth.AppendString(eths[pick(10)]);
    if (null(10)) num.AppendNull(); else num.AppendInt(static_cast<int64_t>(pick(6)));
    const int32_t s = base + static_cast<int32_t>(pick(6 * 365));
    if (null(5)) start.AppendNull(); else start.AppendInt(s);
    // Ends cluster on month ends and anniversaries so the boundary rules are exercised.
    if (null(25)) end.AppendNull();
    else if (chance(10)) end.AppendInt(s - static_cast<int32_t>(pick(30)));
    else if (chance(20)) end.AppendInt(s + 365 * static_cast<int32_t>(1 + pick(3)) + static_cast<int32_t>(pick(3)) - 1);
    else end.AppendInt(s + static_cast<int32_t>(pick(3 * 365)));
    if (null(5)) dob.AppendNull();
    else if (chance(10)) dob.AppendInt(s + static_cast<int32_t>(pick(120)));  // unborn at the start
    else if (chance(5)) dob.AppendInt(DaysFromCivil(2004 + static_cast<int>(pick(8)) * 4, 2, 29));
    else dob.AppendInt(s - static_cast<int32_t>(pick(19 * 365)));
    if (with_type) type.AppendString(chance(50) ? "M" : "A");
  }
  TableBuilder b;
  b.AddColumn("child_id", child.Finish());
  b.AddColumn("sex", sex.Finish());
  b.AddColumn("dob", dob.Finish());
  b.AddColumn("ethnicity", eth.Finish());
  b.AddColumn("ward", ward.Finish());
  b.AddColumn("start_date", start.Finish());
  // Some blank ends are unreadable instead (a cell the load could not read): the engine must
  // leave those rows out of counts that need the end. A separate generator, so the tables'
  // values are those of the main one.
  Column end_column = end.Finish();
  if (end_column.null_count() > 0) {
    std::mt19937_64 marks(rows * 7919 + children);
    std::vector<uint8_t> unreadable(rows, 0);
    for (size_t r = 0; r < rows; ++r) unreadable[r] = !end_column.IsValid(r) && marks() % 3 == 0;
    end_column.AttachUnreadable(MakeUnreadableCells(unreadable, rows));
  }
  b.AddColumn("end_date", std::move(end_column));
  b.AddColumn("category", cat.Finish());
  b.AddColumn("num", num.Finish());
  if (with_type) b.AddColumn("type", type.Finish());
  return b.Finish();
}

inline TablePtr RandomPopulation(std::mt19937_64& rng) {
  ColumnBuilder year(ColumnType::Int), ward(ColumnType::Category), age(ColumnType::Int), sex(ColumnType::Category),
      pop(ColumnType::Int);
  const char* wards[] = {"W1", "W2", "W3", "W4"};
  for (int y = 2008; y <= 2017; ++y)
    for (const char* w : wards)
      for (int a = 0; a <= 17; ++a)
        for (const char* s : {"M", "F"}) {
          year.AppendInt(y);
          ward.AppendString(w);
          age.AppendInt(a);
          sex.AppendString(s);
          pop.AppendInt(static_cast<int64_t>(rng() % 50));
        }
  TableBuilder b;
  b.AddColumn("year", year.Finish());
  b.AddColumn("ward", ward.Finish());
  b.AddColumn("age", age.Finish());
  b.AddColumn("sex", sex.Finish());
  b.AddColumn("population", pop.Finish());
  return b.Finish();
}

}  // namespace csc::test
