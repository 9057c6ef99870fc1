#pragma once
// A hand-written query answer counting children, for the pivot layout tests.
#include <string>
#include <utility>
#include <vector>

#include "query/query_result.hpp"

namespace csc::test {

inline QueryResult ChildrenResult(std::vector<std::string> dims, std::vector<QueryResult::Row> rows) {
  QueryResult r;
  r.dimensions = std::move(dims);
  r.measures = {"children"};
  r.rows = std::move(rows);
  return r;
}

}  // namespace csc::test
