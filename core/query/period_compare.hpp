#pragma once
// Two periods of one answer side by side ("2012-13 against 2011-12 by category"): for each
// group of the other dimensions, the value in the base period, in the compared period, the
// change and the % change. Built from the answer's own rows, so nothing is counted twice.
//
// Absent and withheld stay what they are:
// - the engine leaves out groups with nothing counted, so a group missing from a period that
//   has rows is 0 for counts (episodes, children, sums) and absent for anything else (a rate
//   or share of nothing is not 0); a period with no rows at all is not offered (it may be a
//   period the data does not cover, never read as zero);
// - a change needs both values; a % change also needs a base other than 0;
// - a change involving a withheld cell is withheld too (a published change beside one "c"
//   would give the withheld figure away by subtraction).
#include <optional>
#include <string>
#include <vector>

#include "query/query_result.hpp"

namespace csc {

struct PeriodComparisonRow {
  std::vector<std::string> keys;  // the other dimensions' keys (empty with period alone)
  std::optional<double> base, current, change, percent;
  bool base_withheld = false, current_withheld = false;
  bool withheld() const { return base_withheld || current_withheld; }  // change and % change too
};

struct PeriodComparison {
  std::vector<std::string> dimensions;  // the answer's dimensions without the period
  std::string measure;
  std::string base_period, current_period;
  std::vector<PeriodComparisonRow> rows;  // groups in the answer's order
};

// The answer's periods in its order (empty when it is not grouped by period).
std::vector<std::string> PeriodsOf(const QueryResult& result);

// `measure`: which of the answer's measures. `withheld` (may be null): [row][measure] cells
// withheld for disclosure, as publication marks them. Nothing when the answer is not grouped
// by period or either period is not among its periods.
std::optional<PeriodComparison> ComparePeriods(const QueryResult& result, size_t measure, const std::string& base_period,
                                               const std::string& current_period,
                                               const std::vector<std::vector<bool>>* withheld = nullptr);

// As CSV: the other dimensions' keys, both periods, "change" and "% change"; a withheld cell
// and every change it touches written "c", an absent value left empty.
std::string FormatComparisonCsv(const PeriodComparison& comparison);

}  // namespace csc
