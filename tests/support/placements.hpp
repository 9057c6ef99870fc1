#pragma once
// NI 62's numerator counted by hand from a lac_episodes table, independently of the query
// engine and of dataset/placements.cpp: children looked after at 31 March (the end of the
// financial year starting in `year`; short breaks V3/V4 left out) with 3 or more placements
// during the year. A placement begins with an episode whose reason for new episode is not L
// (S, P, T, B, U; the demonstration data has no blank reasons), or that follows no episode of
// the child ending on its start date; an L episode that follows one continues it.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "storage/table.hpp"
#include "time/civil_date.hpp"

namespace csc::test {

inline int ChildrenWithThreeOrMorePlacements(const Table& lac, int year) {
  const Column& child = *lac.ColumnByName("child_id");
  const Column& start = *lac.ColumnByName("episode_start");
  const Column& end = *lac.ColumnByName("episode_end");
  const Column& legal = *lac.ColumnByName("legal_status");
  const Column& rne = *lac.ColumnByName("reason_new_episode");
  const int32_t from = DaysFromCivil(year, 4, 1), to = DaysFromCivil(year + 1, 3, 31);
  struct Ep {
    int32_t start, end;  // end INT32_MAX while open
    std::string rne;
  };
  std::map<std::string, std::vector<Ep>> by_child;
  for (size_t r = 0; r < lac.num_rows(); ++r) {
    if (legal.GetString(r) == "V3" || legal.GetString(r) == "V4") continue;
    by_child[std::string(child.GetString(r))].push_back(
        {static_cast<int32_t>(start.GetInt(r)), end.IsValid(r) ? static_cast<int32_t>(end.GetInt(r)) : INT32_MAX,
         rne.IsValid(r) ? std::string(rne.GetString(r)) : std::string()});
  }
  int three_plus = 0;
  for (auto& [id, eps] : by_child) {
    std::sort(eps.begin(), eps.end(), [](const Ep& a, const Ep& b) { return a.start < b.start; });
    bool at_end = false;
    int placements = 0;
    bool first_in_year = true;
    for (size_t i = 0; i < eps.size(); ++i) {
      const Ep& e = eps[i];
      at_end |= e.start <= to && e.end > to;
      if (!(e.start <= to && e.end >= from)) continue;
      const bool follows = i > 0 && eps[i - 1].end == e.start;
      const bool begins = e.rne != "L" || !follows;
      // The first episode of the year carries the placement open on 1 April, even an L one.
      placements += begins || first_in_year;
      first_in_year = false;
    }
    three_plus += at_end && placements >= 3;
  }
  return three_plus;
}

}  // namespace csc::test
