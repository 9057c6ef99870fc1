#pragma once
// Cell-by-cell comparison of two tables for the serial-vs-parallel and property tests.
#include <string>

#include "storage/table.hpp"

namespace csc::test {

// "" when equal, else a description of the first difference.
inline std::string DescribeDifference(const Table& a, const Table& b) {
  if (a.num_columns() != b.num_columns()) return "column counts differ";
  if (a.num_rows() != b.num_rows())
    return "row counts differ: " + std::to_string(a.num_rows()) + " vs " + std::to_string(b.num_rows());
  for (size_t c = 0; c < a.num_columns(); ++c) {
    if (a.column_name(c) != b.column_name(c)) return "names differ at column " + std::to_string(c);
    const Column& x = a.column(c);
    const Column& y = b.column(c);
    if (x.type() != y.type()) return "types differ for " + a.column_name(c);
    if (x.width() != y.width()) return "widths differ for " + a.column_name(c);
    for (size_t r = 0; r < a.num_rows(); ++r) {
      if (x.IsValid(r) != y.IsValid(r) || x.FormatCell(r) != y.FormatCell(r) || x.GetInt(r) != y.GetInt(r))
        return a.column_name(c) + " row " + std::to_string(r) + ": '" + x.FormatCell(r) + "' vs '" + y.FormatCell(r) + "'";
    }
  }
  return "";
}

}  // namespace csc::test
