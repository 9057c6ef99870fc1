#pragma once
// What lies behind an indicator: its numerator and denominator split by one dimension (ward,
// age band, category ...) for the detail view and the ward funnel plot, its values over a
// run of years for sparklines and trends, and LA-level funnel units from a DfE file.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indicators/benchmarks.hpp"
#include "indicators/evaluate.hpp"
#include "stats/funnel.hpp"

namespace csc {

struct BreakdownRow {
  std::string label;
  std::optional<double> numerator, denominator, value;  // value in the indicator's unit
  // Publishing: the count was 1..threshold, so it shows "c" (and so does a value resting on it).
  bool numerator_withheld = false, denominator_withheld = false;
  bool withheld() const { return numerator_withheld || denominator_withheld; }
};

// `by` is one --by item ("ward", "latest_category", "age-band", "ward:top5"). Rows follow the
// denominator's key order, then any numerator-only keys. Throws QueryError naming the
// indicator and part (e.g. a population denominator cannot be split by category).
// With `publish` every row's counts are published cells (cell-key perturbed, each label its
// own cell with its own key), its value is computed from them, a withheld count and a value
// resting on it are absent (flagged), and funnel points come from published counts only.
std::vector<BreakdownRow> IndicatorBreakdown(const Indicator& ind, const Catalog& catalog, std::string_view year,
                                             std::string_view by, const CountPublication* publish = nullptr);

// EvaluateIndicator for each year, in order (published counts with `publish`).
std::vector<IndicatorValue> IndicatorSeries(const Indicator& ind, const Catalog& catalog,
                                            const std::vector<std::string>& years,
                                            EnteredFigures entered = EnteredFigures::AsComparator,
                                            const CountPublication* publish = nullptr);

// Rows with a numerator and a positive denominator, as funnel units.
std::vector<FunnelUnit> FunnelUnitsFrom(const std::vector<BreakdownRow>& rows);

// Every LA in a DfE file for one year: numerator and denominator columns (e.g. d3's
// CPP_subsequent over CPP_start). LAs with a suppressed or missing count are left out.
std::vector<FunnelUnit> LaFunnelUnits(BenchmarkStore& store, const BenchmarkSpec& numerator,
                                      const std::string& denominator_column, int time_period);

}  // namespace csc
