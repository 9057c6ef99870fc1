// A derived column read back child by child, for tests that check it against a tiny
// extract worked by hand.
#pragma once

#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "storage/table.hpp"

namespace csc::test {

// child id -> the column's cells in file order, "-" for null, each followed by ';'.
inline std::map<std::string, std::string> ByChild(const Table& t, const std::string& column) {
  std::map<std::string, std::string> out;
  const Column* child = t.ColumnByName("child_id");
  const Column* c = t.ColumnByName(column);
  REQUIRE(child);
  REQUIRE(c);
  for (size_t r = 0; r < t.num_rows(); ++r) out[child->FormatCell(r)] += (c->IsValid(r) ? c->FormatCell(r) : "-") + ";";
  return out;
}

}  // namespace csc::test
