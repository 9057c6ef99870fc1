#pragma once
// Section 47 enquiries, child protection reviews and looked-after reviews of the
// demonstration extract, built from the plans and episodes already generated so every row
// belongs to a real plan, period of care or referral:
// - every CP plan starting from April 2009 follows a section 47 enquiry whose initial
//   conference is the plan's start (most within 15 working days of the enquiry's start,
//   which is never before the child's referral); other enquiries, of referred children with
//   no plan, needed no conference;
// - every plan is reviewed from its start to its end (or the extract's end): the first
//   review within 3 months, then every 6 months. None falls due late in 2011-12 or 2012-13,
//   so NI 67 is 100% (2011-12: 335 of 335, 2012-13: 238 of 238, the plans open 3 months or
//   more at 31 March; demo_cp.cpp calibrates those); a few are late in other years;
// - every period of care (short breaks excepted) is reviewed within 20 working days, 3
//   months later, then every 6 months. In 2011-12 and 2012-13 exactly 7 and 14 of the
//   children looked after 4 weeks or more at 31 March have a review that fell due in the
//   year and was held late (NI 66: 346 of 353 and 346 of 360 when the episodes give 353
//   and 360 such children). Deterministic for the seed; the timescale rules are the
//   loader's (dataset/derived_columns.hpp), so the figures come out through the loader.
#include <string>
#include <vector>

#include "generate/demo_common.hpp"
#include "generate/demo_cp.hpp"
#include "generate/demo_lac.hpp"
#include "generate/demo_referrals.hpp"

namespace csc::demo {

// NI 66: children looked after 4+ weeks at 31 March with a review held late, per year.
inline constexpr int kLateLacChildren2011 = 353 - 346;
inline constexpr int kLateLacChildren2012 = 360 - 346;

struct S47Enquiry {
  Child child;
  int32_t start = 0;
  int32_t icpc = kOpen;  // kOpen: no conference
  bool not_required = false;
};

struct Review {
  Child child;
  int32_t from = 0;  // the plan's start (CP) or the period of care's start (LAC)
  int32_t date = 0;
};

std::vector<S47Enquiry> GenerateS47Enquiries(Rng& rng, const std::vector<CpPlan>& cp, const ReferralJourney& journey);
std::vector<Review> GenerateCpReviews(Rng& rng, const std::vector<CpPlan>& cp);
std::vector<Review> GenerateLacReviews(Rng& rng, const std::vector<LacEpisode>& episodes);

std::string S47EnquiriesCsv(const std::vector<S47Enquiry>& enquiries);
std::string CpReviewsCsv(const std::vector<Review>& reviews);
std::string LacReviewsCsv(const std::vector<Review>& reviews);

}  // namespace csc::demo
