#pragma once
// Evaluates an indicator for a reporting year against the loaded datasets, through the
// query engine: the numerator and denominator queries are run for that year (placeholders
// substituted) and value = numerator / denominator x unit scale. Years without queries use
// the catalogue's entered figures.
#include <cstdint>
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
  // Figures typed into the catalogue for the year, when they are not this data's value: a
  // comparator labelled with its source ("Rotherham 2012-13 report"), never the value.
  std::optional<double> reported;
  std::string reported_source;
};

// Whether the catalogue's entered figures may stand as the value when the data has no count
// for an indicator: only for the extract they belong to (the bundled demonstration data,
// calibrated to the report they come from). Anyone else's extract shows them as "reported".
enum class EnteredFigures : uint8_t { AsComparator, AsValue };

// "Rotherham 2012-13 report" (or "2012-13 report" when the catalogue names nobody).
std::string ReportedSource(const Indicator& ind, std::string_view year);

// True when every loaded table comes from a folder whose README.md marks it SYNTHETIC (the
// bundled demonstration extract), and at least one does.
bool IsDemonstrationData(const Catalog& catalog);

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
// With `extra` filters (a what-if slice) the slice is a cell of its own, published likewise.
std::optional<double> RunPublishedCount(const Indicator& ind, const CountSpec& spec, const Catalog& catalog,
                                        std::string_view year, const CountPublication& publish,
                                        const std::vector<Filter>& extra = {});
// The published figure of one count of query `q` (true count and cell key): counts of the
// population table as they are (public), sums over case rows never (nullopt), records'
// counts perturbed (nullopt for "c").
std::optional<double> PublishCount(const Query& q, double count, uint32_t key, const CountPublication& publish);

// Never throws for data problems: they land in IndicatorValue::error. A year outside what the
// datasets cover is an error ("no data for 2024-25: ..."), never a computed value. With
// `publish`, counts from the datasets are published counts (entered figures are already public).
IndicatorValue EvaluateIndicator(const Indicator& ind, const Catalog& catalog, std::string_view year,
                                 EnteredFigures entered = EnteredFigures::AsComparator,
                                 const CountPublication* publish = nullptr);

}  // namespace csc
