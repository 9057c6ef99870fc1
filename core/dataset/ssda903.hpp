#pragma once
// SSDA903 (the looked-after children return) to the canonical tables. Header rows give each
// child's sex, date of birth and ethnicity and are joined onto Episodes and Missing on CHILD.
// Several years of returns repeat every episode still open at a year end: episodes are
// de-duplicated on (CHILD, DECOM) keeping the closed version, missing episodes on (CHILD,
// MIS_START). Sex is read in the old (1/2) and new (M/F/U) codings. Episodes joined by
// X1 (a new episode began the same day: not a ceasing of care) form one period of care,
// whose first DECOM becomes period_start. V3/V4 short breaks are kept with their legal
// status, which every looked-after count excludes.
#include <string>
#include <vector>

#include "dataset/dataset.hpp"

namespace csc {

struct ConvertedTable {
  TablePtr table;
  std::vector<UnknownCodes> unknown_codes;
  std::vector<std::string> notes;
};

// Tables in return order, oldest first: a later Header row replaces an earlier one's values,
// and of two closed versions of an episode the later is kept.
ConvertedTable ConvertSsda903Episodes(const std::vector<const Table*>& headers, const std::vector<const Table*>& episodes);
ConvertedTable ConvertSsda903Missing(const std::vector<const Table*>& headers, const std::vector<const Table*>& missing);

std::vector<UnknownCodes> ToUnknownCodes(const std::map<std::string, std::map<std::string, size_t>>& counts);

}  // namespace csc
