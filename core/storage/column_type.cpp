#include "storage/column_type.hpp"

#include <array>

namespace csc {

namespace {
constexpr std::array<std::string_view, kColumnTypeCount> kNames = {"int",      "decimal",  "bool", "date",
                                                                    "datetime", "category", "text"};
}

std::string_view ToString(ColumnType t) { return kNames[static_cast<size_t>(t)]; }

std::optional<ColumnType> ParseColumnType(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<ColumnType>(i);
  if (name == "integer") return ColumnType::Int;
  if (name == "double" || name == "float" || name == "number") return ColumnType::Decimal;
  if (name == "boolean") return ColumnType::Bool;
  if (name == "string" || name == "id") return ColumnType::Text;
  return std::nullopt;
}

}  // namespace csc
