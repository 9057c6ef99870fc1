#include "geo/ward_match.hpp"

#include <algorithm>
#include <set>

#include "util/text.hpp"

namespace csc {

WardMatch MatchWards(const WardBoundaries& map, const std::vector<std::string>& data_wards) {
  WardMatch m;
  std::vector<bool> used(map.wards.size(), false);
  std::set<std::string> distinct;
  for (const auto& w : data_wards)
    if (!Trim(w).empty()) distinct.insert(std::string(Trim(w)));
  for (const auto& w : distinct) {
    const int at = map.Find(w);
    if (at < 0) {
      m.unmatched_data.push_back(w);
    } else {
      ++m.matched;
      used[static_cast<size_t>(at)] = true;
    }
  }
  for (size_t i = 0; i < map.wards.size(); ++i)
    if (!used[i]) m.unmatched_map.push_back(map.wards[i].name);
  return m;
}

}  // namespace csc
