#pragma once
// Referrals and assessments of the demonstration extract, built so NI 59, NI 60 and NI 68
// come out exactly for 2011-12 and 2012-13 (domain.md section 4): referrals 4,913 and 3,833;
// initial assessments completed 4,614 (3,996 within 10 working days) and 3,521 (2,901);
// core assessments completed 1,937 (1,345 within 35 working days) and 1,614 (1,148). Other
// years are plausible, not published; from 2014-15 single assessments (45 working days)
// replace initial and core ones.
//
// The journey links: every child protection plan starting in the extract's years follows a
// referral, an initial and a core (or a single) assessment of the same child (same id,
// sex, date of birth, ethnicity and ward), the assessment completed up to 5 days before the
// plan starts. Each core assessment starts the day its child's initial assessment completed.
// Working days are counted with the bundled bank-holiday calendar (time/working_days.hpp),
// the same rule the loader uses, so the figures come out through the loader.
#include <string>
#include <vector>

#include "generate/demo_common.hpp"
#include "generate/demo_cp.hpp"

namespace csc::demo {

struct Referral {
  Child child;
  int32_t date = 0;
  int32_t closure = kOpen;
  std::string source, primary_need, closure_reason;
  bool nfa = false;
};

struct Assessment {
  size_t referral = 0;  // index into the referrals: its child and referral date
  int32_t start = 0, end = 0;
  std::string type;  // initial, core, single
};

struct ReferralJourney {
  std::vector<Referral> referrals;
  std::vector<Assessment> assessments;
};

ReferralJourney GenerateReferrals(Rng& rng, const std::vector<CpPlan>& cp);
std::string ReferralsCsv(const ReferralJourney& journey);
std::string AssessmentsCsv(const ReferralJourney& journey);

}  // namespace csc::demo
