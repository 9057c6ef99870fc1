#pragma once
// Publication-safe query results (`csc query --publish`, exports marked for publication,
// presentation mode). Count measures (episodes, children) are protected as tables whose
// totals could be shown: no dimension = one count (primary suppression only); one
// dimension = a list with its total; two = a 2-D table with row, column and grand totals
// (combinations missing from the result are zeros); three = one 2-D table per value of the
// first dimension. Rates, shares, ratios, sums, means and medians are computed from the
// unrounded counts and hidden when the row's base count (children or episodes, as the
// measure counts) is hidden. Hidden cells print as "c".
//
// Limits, said plainly: totals across the first of three dimensions are not protected
// together, and a ratio is hidden with its base count but its own numerator is not checked.
#include <string>
#include <vector>

#include "privacy/disclosure.hpp"
#include "query/query.hpp"
#include "query/query_result.hpp"

namespace csc {

struct PublishedResult {
  std::vector<std::string> dimensions, measures;
  struct Row {
    std::vector<std::string> keys;
    std::vector<std::string> cells;  // "c" when hidden, rounded counts, derived values
  };
  std::vector<Row> rows;
  size_t hidden = 0;  // cells shown as "c"
  int threshold = 5, round_to = 0;
};

// Adds the count measures that derived measures need as their base (when the query lacks
// them) and returns how many measures the caller asked for (the rest are not printed).
size_t AddBaseCounts(Query& query);

// `result` must come from `query` (after AddBaseCounts); only the first `shown_measures`
// measures are kept in the output.
PublishedResult PublishResult(const QueryResult& result, const Query& query, size_t shown_measures,
                              const DisclosureOptions& options = {});

std::string FormatPublishedTable(const PublishedResult& r);
std::string FormatPublishedCsv(const PublishedResult& r);
std::string FormatPublishedJson(const PublishedResult& r);

}  // namespace csc
