#pragma once
// Evaluates an indicator for a reporting year against the loaded datasets, through the
// query engine: the numerator and denominator queries are run for that year (placeholders
// substituted) and value = numerator / denominator x unit scale. Years without queries use
// the catalogue's entered figures.
#include <optional>
#include <string>
#include <string_view>

#include "indicators/indicator.hpp"
#include "query/catalog.hpp"
#include "query/query.hpp"

namespace csc {

struct IndicatorValue {
  std::optional<double> numerator, denominator, value;
  bool entered = false;  // from the catalogue's reported figures, not the datasets
  std::string error;     // why there is no value (missing table, bad column, 0 denominator)
};

// Value from counts (nullopt for a zero or missing denominator; Count units use the numerator).
std::optional<double> IndicatorValueOf(const Indicator& ind, std::optional<double> numerator,
                                       std::optional<double> denominator);

// The compiled query for one of the indicator's counts in `year`, with `extra` filters added
// (what-if slices). Throws QueryError naming the indicator and the part.
Query CountQuery(const Indicator& ind, const CountSpec& spec, std::string_view year, const std::vector<Filter>& extra = {});

// Runs one count; throws QueryError (message starts "indicator ID: numerator: ...").
double RunCount(const Indicator& ind, const CountSpec& spec, const Catalog& catalog, std::string_view year,
                const std::vector<Filter>& extra = {});

// Never throws for data problems: they land in IndicatorValue::error.
IndicatorValue EvaluateIndicator(const Indicator& ind, const Catalog& catalog, std::string_view year);

}  // namespace csc
