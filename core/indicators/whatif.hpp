#pragma once
// What-if scenarios: change an indicator's numerator or denominator by a count or a
// percentage, overall or for one slice (a filter in the query grammar, e.g.
// "latest_category in (NEG)"), and see the new value, RAG, rank and quartile among LAs, and
// the whole-number change in the numerator that reaches the target, England and the SN mean.
//
// A slice's current count comes from the engine (the count's query with the slice filter
// added), so a change can never take a slice below zero: it is clamped, and `clamped` says
// so. A percentage applies to the slice's count (or the whole count) and is rounded to a
// whole number of children or episodes, half away from zero.
#include <optional>
#include <string>
#include <vector>

#include "indicators/scorecard.hpp"

namespace csc {

enum class WhatIfPart : uint8_t { Numerator, Denominator };

// Bounds on a what-if change: a count no LA could hold, and a percentage beyond which the
// question makes no sense. Larger or non-finite amounts are refused with a message.
inline constexpr double kMaxWhatIfCount = 1e9;
inline constexpr double kMaxWhatIfPercent = 10000;

struct WhatIfChange {
  WhatIfPart part = WhatIfPart::Numerator;
  double amount = 0;     // e.g. -12 (count) or -10 (percent)
  bool percent = false;  // amount is a percentage of the (slice's) current count
  std::string slice;     // filter text; empty = the whole count
  // The numerator's units are also in the denominator (a repeat plan is also a plan): change
  // both by the same count.
  bool with_denominator = false;
  friend bool operator==(const WhatIfChange&, const WhatIfChange&) = default;
};

// The smallest whole-number change in the numerator that makes the value on or better than
// a goal at the shown precision; 0 when already there; none when no count reaches it (a
// percentage above 100, a negative count).
struct Gap {
  std::string goal;  // "target", "England", "SN mean"
  double goal_value = 0;
  std::optional<long long> numerator_change;
  bool already_met = false;
};
std::string GapSentence(const Indicator& ind, const Gap& gap);  // "3 more reaches target (86.0%)"

struct WhatIfResult {
  std::string year;
  IndicatorValue before, after;
  double numerator_change = 0, denominator_change = 0;  // as applied (after rounding and clamping)
  std::optional<double> slice_count;  // the slice's current count (when sliced)
  bool clamped = false;
  Rag rag_before = Rag::None, rag_after = Rag::None;
  RankBand rank_before, rank_after;
  std::vector<Gap> gaps;  // after the change: target, England, SN mean (those known)
  // The scorecard publishes (ScorecardOptions::publish): before, the slice's count and so
  // everything after come from published counts (cell-key perturbed), never exact ones.
  bool published = false;
};

// Throws QueryError for a bad slice (message names the indicator and part) and
// std::invalid_argument when the indicator has no such count or no value for the year, or,
// publishing, when a count it starts from is withheld ("c"): the scenario is hidden with it.
WhatIfResult RunWhatIf(Scorecard& scorecard, const Indicator& ind, const std::string& year,
                       const std::vector<WhatIfChange>& changes);

// The gap arithmetic alone (tests, and the GUI's sliders between evaluations).
Gap GapTo(const Indicator& ind, const std::string& goal, double goal_value, double numerator, double denominator);

}  // namespace csc
