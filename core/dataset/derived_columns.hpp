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
// A source column with a derived column's name is replaced, with a note saying so.
#include <string>
#include <vector>

#include "dataset/dataset.hpp"
#include "time/working_days.hpp"

namespace csc {

inline constexpr int kInitialAssessmentDays = 10;
inline constexpr int kCoreAssessmentDays = 35;
inline constexpr int kSingleAssessmentDays = 45;

// The table with `kind`'s derived columns appended (the same table when the kind has none).
// Notes (may be null) get a line per replaced or partly unknown column. `calendar` null:
// the bundled England and Wales one, read only when needed; when it cannot be read the
// working days are unknown (null) and a note says why.
TablePtr AddDerivedColumns(DatasetKind kind, TablePtr table, std::vector<std::string>* notes = nullptr,
                           const HolidayCalendar* calendar = nullptr);

// The same for a table recognised by its header alone (a canonical layout; others are
// returned as they are): for callers that load CSVs without building Datasets.
TablePtr WithDerivedColumns(TablePtr table, std::vector<std::string>* notes = nullptr);

}  // namespace csc
