#pragma once
// NI 62's numerator counted by hand from a canonical lac_episodes table, independently of
// the query engine: children with 3 or more placements (episodes open during the financial
// year starting in `year`), short breaks (V3/V4) left out.
#include <map>
#include <string>

#include "storage/table.hpp"
#include "time/civil_date.hpp"

namespace csc::test {

inline int ChildrenWithThreeOrMorePlacements(const Table& lac, int year) {
  const Column& child = *lac.ColumnByName("child_id");
  const Column& start = *lac.ColumnByName("episode_start");
  const Column& end = *lac.ColumnByName("episode_end");
  const Column& legal = *lac.ColumnByName("legal_status");
  const int32_t from = DaysFromCivil(year, 4, 1), to = DaysFromCivil(year + 1, 3, 31);
  std::map<std::string, int> placements;
  for (size_t r = 0; r < lac.num_rows(); ++r) {
    if (legal.GetString(r) == "V3" || legal.GetString(r) == "V4") continue;
    if (start.GetInt(r) <= to && (!end.IsValid(r) || end.GetInt(r) >= from)) ++placements[std::string(child.GetString(r))];
  }
  int three_plus = 0;
  for (const auto& [id, n] : placements) three_plus += n >= 3;
  return three_plus;
}

}  // namespace csc::test
