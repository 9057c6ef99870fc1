#pragma once
// Evaluates an indicator for a reporting year against the loaded datasets, through the
// query engine: the numerator and denominator queries are run for that year (placeholders
// substituted) and value = numerator / denominator x unit scale. Years without queries use
// the catalogue's entered figures.
#include <optional>
#include <string>
#include <string_view>

#include "indicators/indicator.hpp"
#include "privacy/cell_key.hpp"
#include "query/catalog.hpp"
#include "query/query.hpp"

namespace csc {

struct IndicatorValue {
  std::optional<double> numerator, denominator, value;
  bool entered = false;  // from the catalogue's reported figures, not the datasets
  bool withheld = false;  // publication: a count was 1..threshold, so counts and value are withheld
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

// Publication (`csc kpi --publish`): each count from the datasets is published by the
// cell-key method (privacy/cell_key.hpp) under the installation's seed, and the value is
// computed from the published counts, so a value cannot be multiplied back into an exact
// count and a complement (denominator - numerator) differences two perturbed figures.
struct CountPublication {
  uint64_t seed = 0;
  DisclosureOptions options;
};

// The published count (nullopt for "c"); throws as RunCount.
std::optional<double> RunPublishedCount(const Indicator& ind, const CountSpec& spec, const Catalog& catalog,
                                        std::string_view year, const CountPublication& publish);

// Never throws for data problems: they land in IndicatorValue::error. With `publish`,
// counts from the datasets are published counts (entered figures are already public).
IndicatorValue EvaluateIndicator(const Indicator& ind, const Catalog& catalog, std::string_view year,
                                 const CountPublication* publish = nullptr);

}  // namespace csc
