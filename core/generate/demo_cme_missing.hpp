#pragma once
// Children missing education referrals and missing episodes of the demonstration extract.
// CME: 874 referrals in 2012-13 by national curriculum year 0..12 (41, 232, 76, 72, 64, 40,
// 45, 53, 50, 68, 56, 73, 4) and 546 in 2011-12; some referred children were looked after
// on the referral date. Missing: 20, 19 and 18 distinct children reported missing in
// January, February and March 2013 (55 across the quarter: 37 girls, 47 aged 14-15, the
// youngest 13); six children a month reported more than once, one child 8 times in January;
// one child reported in January and February, one in February and March; 3 of the 55 not
// White European; one child with CSE concerns. A child's episodes never overlap.
#include <string>
#include <vector>

#include "generate/demo_common.hpp"
#include "generate/demo_lac.hpp"

namespace csc::demo {

struct CmeReferral {
  Child child;
  int32_t referral = 0, resolved = kOpen;
  int year_group = 0;
  std::string reason, outcome;
};

struct MissingEpisode {
  Child child;
  int32_t start = 0, end = kOpen;
  std::string type;  // M missing, A away
  bool looked_after = false, offered = false, accepted = false, within_72h = false, cse = false;
};

std::vector<CmeReferral> GenerateCmeReferrals(Rng& rng, const std::vector<LacEpisode>& lac);
std::vector<MissingEpisode> GenerateMissingEpisodes(Rng& rng);
std::string CmeReferralsCsv(const std::vector<CmeReferral>& referrals);
std::string MissingEpisodesCsv(const std::vector<MissingEpisode>& episodes);

}  // namespace csc::demo
