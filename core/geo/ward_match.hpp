#pragma once
// How the data's wards meet a boundary file's: which of the data's ward values have no shape
// on the map (they would silently vanish from a choropleth) and which shapes no data names.
#include <string>
#include <vector>

#include "geo/ward_boundaries.hpp"

namespace csc {

struct WardMatch {
  size_t matched = 0;                        // data wards found on the map (by name or code)
  std::vector<std::string> unmatched_data;   // data wards not on the map, sorted
  std::vector<std::string> unmatched_map;    // map wards no data ward names, in file order
};

// `data_wards`: the distinct ward values in the loaded data (blanks ignored).
WardMatch MatchWards(const WardBoundaries& map, const std::vector<std::string>& data_wards);

}  // namespace csc
