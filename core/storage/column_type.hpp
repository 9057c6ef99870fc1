#pragma once
// Logical column types. The physical element width is chosen per column at build time
// (the narrowest that holds every value), see Column::width().
#include <cstdint>
#include <optional>
#include <string_view>

namespace csc {

enum class ColumnType : uint8_t {
  Int,       // signed integer, stored int8/16/32/64
  Decimal,   // double
  Bool,      // uint8 0/1 (Y/N, Yes/No, True/False)
  Date,      // days since 1970-01-01, stored int16 or int32
  DateTime,  // seconds since 1970-01-01 00:00, int64
  Category,  // dictionary-encoded string, codes uint8/16/32: the sliceable kind
  Text,      // free text and ids, interned into a dictionary, codes uint32
};
inline constexpr int kColumnTypeCount = 7;

constexpr bool IsStringType(ColumnType t) { return t == ColumnType::Category || t == ColumnType::Text; }
constexpr bool IsIntegerLike(ColumnType t) {
  return t == ColumnType::Int || t == ColumnType::Bool || t == ColumnType::Date || t == ColumnType::DateTime;
}

// "int", "decimal", "bool", "date", "datetime", "category", "text": stable names used in
// JSON output, override options and mapping files.
std::string_view ToString(ColumnType t);
std::optional<ColumnType> ParseColumnType(std::string_view name);

}  // namespace csc
