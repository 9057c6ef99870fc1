#pragma once
// Columns a canonical dataset computes at load from its own columns (DerivedLayout): the
// DfE timescale rules live here once, so `csc query`, the catalogue's counts and every view
// filter on a plain column ("within_timescale = Y") and the query engine knows no rule.
//
// - assessments.working_days: working days (time/working_days.hpp) from the clock's start to
//   assessment_end: the referral for initial and single assessments, assessment_start for
//   core assessments (DfE's NI 59 / NI 60 / single-assessment definitions).
// - assessments.within_timescale: working_days <= 10 (initial), 35 (core), 45 (single);
//   null when the assessment is not complete, ends before its clock starts, a date is
//   missing, the type is not one of the
//   three or a date is outside the bank-holiday calendar's years: never a guessed Y or N.
// - referrals.re_referral: the child had an earlier referral within the 12 months before
//   this one (on or after the date 12 months back, by the anniversary rule), as DfE's
//   children-in-need table C1 counts re-referrals.
// - adoptions.placed_within_12_months: placed_date on or before the first anniversary of
//   decision_date (anniversary rule: 29 February 2012 + 12 months = 28 February 2013), NI 61;
//   null when either date is missing.
// - lac_episodes.new_placement, placement_start, placement_end, stable_placement_start:
//   placements as DfE counts them (dataset/placements.hpp: RNE L continues a placement).
// - s47_enquiries.icpc_working_days / icpc_within_15_days: working days from the enquiry's
//   start (the strategy discussion) to the initial child protection conference, and whether
//   that is 15 or fewer (DfE CIN census: ICPCs within 15 working days); null without a
//   conference, without a start, before the start or outside the calendar.
// - cp_reviews / lac_reviews: review_number (1 = the first review of the plan or period of
//   care, in date order), due_date (the last day it could be held on time) and on_time
//   (held on or before due_date). CP (Working Together; NI 67): the first review within 3
//   months of the plan's start (the initial conference), then within 6 months of the
//   previous review. Looked after (Care Planning Regulations 2010 reg 33; NI 66): the first
//   within 20 working days of the period of care's start, the second within 3 months of the
//   first, then within 6 months of the previous. Months by the anniversary rule
//   (time/anniversary.hpp). A review not yet held is not a row: it is seen as late when it
//   is held (its due date says which year it was late in).
// A source column with a derived column's name is replaced, with a note saying so.
#include <optional>
#include <string>
#include <vector>

#include "dataset/dataset.hpp"
#include "time/working_days.hpp"

namespace csc {

inline constexpr int kInitialAssessmentDays = 10;
inline constexpr int kCoreAssessmentDays = 35;
inline constexpr int kSingleAssessmentDays = 45;
inline constexpr int kIcpcDays = 15;
inline constexpr int kCpFirstReviewMonths = 3;
inline constexpr int kLacFirstReviewWorkingDays = 20;
inline constexpr int kLacSecondReviewMonths = 3;
inline constexpr int kLaterReviewMonths = 6;

// The table with `kind`'s derived columns appended (the same table when the kind has none).
// Notes (may be null) get a line per replaced or partly unknown column. `calendar` null:
// the bundled England and Wales one, read only when needed; when it cannot be read the
// working days are unknown (null) and a note says why.
TablePtr AddDerivedColumns(DatasetKind kind, TablePtr table, std::vector<std::string>* notes = nullptr,
                           const HolidayCalendar* calendar = nullptr);

// cp_plans without a number of previous plans (no previous_plans column, or every cell
// blank): previous_plans becomes the number of the child's plans in the extract that began
// before this one (DfE NI 65: a second or subsequent plan had any earlier plan). Returns the
// caveat (how far back the extract's history goes, and how many plans counted as first
// plans began within 2 years of its first date, so may follow a plan it does not hold), or
// nullopt when the extract has the column and the table is unchanged.
std::optional<std::string> DerivePreviousPlans(TablePtr& table);

// The same for a table recognised by its header alone (a canonical layout; others are
// returned as they are): for callers that load CSVs without building Datasets.
TablePtr WithDerivedColumns(TablePtr table, std::vector<std::string>* notes = nullptr);

}  // namespace csc
