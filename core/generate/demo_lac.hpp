#pragma once
// Looked-after episodes of the demonstration extract (SSDA903 codes), built so that the
// published figures come out exactly under DfE's rules (docs/INDICATORS.md):
// - NI 62: 381 children looked after at 31 March 2012 and 392 at 31 March 2013 (short
//   breaks V3/V4 excluded), 39 of each with 3 or more placements during the year;
// - NI 63: 148 long-term looked-after children (under 16, in care 2.5 years or more) at
//   31 March 2012 and at 31 March 2013, 95 and 92 in the same placement for 2 years or more
//   (or placed for adoption with the previous placement together 2 years or more);
// - 423 looked after at 31 December 2015, after a rise through 2015 in under-5s and 16-17s;
// - nobody looked after at 18 or over.
// A placement begins with reason for new episode S, P, T, B or U; an episode with RNE L
// (legal status change only) continues it. Some children have L episodes, moves with the
// same carer (B, U), adoptive placements and three placements in a year they leave care in,
// so the counting rules matter on this data. Short breaks (V3/V4) are present and excluded.
#include <string>
#include <vector>

#include "generate/demo_common.hpp"

namespace csc::demo {

struct LacEpisode {
  Child child;
  int32_t period_start = 0;     // start of the continuous period of care this episode is in
  int32_t placement_start = 0;  // start of the placement (an L episode continues one)
  int32_t start = 0;
  int32_t end = kOpen;
  std::string legal_status, category_of_need, placement_type, placement_provider, reason_new_episode,
      reason_ceased;
};

std::vector<LacEpisode> GenerateLacEpisodes(Rng& rng);
std::string LacEpisodesCsv(const std::vector<LacEpisode>& episodes);

}  // namespace csc::demo
