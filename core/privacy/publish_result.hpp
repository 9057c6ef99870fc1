#pragma once
// Publication-safe query results (`csc query --publish`, exports marked for publication,
// presentation mode), by the cell-key method (privacy/cell_key.hpp, docs/DISCLOSURE.md).
// The query is asked with cell keys (PrepareForPublication), so every row carries, per
// measure, the counts it rests on with their cell keys; each count is perturbed on its
// own, and every derived figure is computed from perturbed counts only:
//   episodes, children   the perturbed count ("c" for 1..threshold)
//   share                perturbed count / perturbed total (the total is its own cell, made
//                        from its own records, never a sum of shown cells)
//   rate10k              perturbed count x 10,000 / population (population is public)
//   ratio                perturbed numerator / perturbed denominator
//   mean, median         shown when their count is published, else "c"
//   sum                  never published ("c"): a difference of two sums is one record's value
// A figure resting on a "c" count is "c".
#include <cstdint>
#include <string>
#include <vector>

#include "privacy/cell_key.hpp"
#include "query/query.hpp"
#include "query/query_result.hpp"

namespace csc {

inline constexpr const char* kProtectedFootnote = "figures are protected and totals may not add";

struct PublishedResult {
  std::vector<std::string> dimensions, measures;
  struct Row {
    std::vector<std::string> keys;
    std::vector<std::string> cells;  // "c" when withheld, else the published figure
  };
  std::vector<Row> rows;
  size_t hidden = 0;  // cells shown as "c"
  int threshold = kDefaultThreshold, round_to = 0;
};

// Asks `query` for cell keys under `seed` (and episodes when it names no measure); returns
// the number of measures.
size_t PrepareForPublication(Query& query, uint64_t seed);

// `result` must come from a query prepared by PrepareForPublication (throws
// std::logic_error otherwise: an unprotected result is never formatted for publication).
PublishedResult PublishResult(const QueryResult& result, const Query& query, const DisclosureOptions& options = {});

// The published figure of one measure in one row, as a number (nullopt for "c" or no value).
std::optional<double> PublishedValue(const Measure& measure, const std::optional<double>& exact, const CellCounts& cells,
                                     const DisclosureOptions& options);

// One line saying how the figures were protected, ending with kProtectedFootnote.
std::string PublicationFootnote(const DisclosureOptions& options);

std::string FormatPublishedTable(const PublishedResult& r);
std::string FormatPublishedCsv(const PublishedResult& r);
std::string FormatPublishedJson(const PublishedResult& r);

}  // namespace csc
