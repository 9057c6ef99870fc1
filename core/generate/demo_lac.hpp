#pragma once
// Looked-after episodes of the demonstration extract (SSDA903 codes), built so that
// NI 62 (children looked after during 2011-12 and 2012-13: 381 and 392, 39 each with 3+
// placements in the year), NI 63 (148 long-term looked-after children at 31 March 2013, 92
// in the same placement for 2+ years) and 423 looked after at 31 December 2015 come out
// exactly. Short breaks (V3/V4) are present and excluded from every count.
//
// Definitions (docs/DATA.md): a placement is an episode; "during the year" = an episode
// open at any time in the financial year; long-term = the continuous period of care began
// 2.5 years or more before the snapshot (period_start); same placement 2+ years = the
// current episode began 2 years or more before it.
#include <string>
#include <vector>

#include "generate/demo_common.hpp"

namespace csc::demo {

struct LacEpisode {
  Child child;
  int32_t period_start = 0;  // start of the continuous period of care this episode is in
  int32_t start = 0;
  int32_t end = kOpen;
  std::string legal_status, category_of_need, placement_type, placement_provider, reason_new_episode,
      reason_ceased;
};

std::vector<LacEpisode> GenerateLacEpisodes(Rng& rng);
std::string LacEpisodesCsv(const std::vector<LacEpisode>& episodes);

}  // namespace csc::demo
