#pragma once
// Publication-safe answers for presentation mode and exports marked for publication: the
// panel's query is asked again with cell keys under the installation's secret (the same
// file `csc` reads), and the answer goes through the cell-key method (core/privacy,
// docs/DISCLOSURE.md: small counts withheld, others perturbed consistently, derived
// figures from the perturbed counts) before anything is drawn or written.
#include <optional>
#include <string>
#include <vector>

#include "privacy/publish_result.hpp"
#include "query/query_parser.hpp"
#include "query/query_service.hpp"
#include "views/live_query.hpp"

namespace csc::app {

struct PublishedQuery {
  LiveQuery live;         // the request (with base counts), keyed by data generation and text
  Query query;            // the query `raw` answers, prepared for publication (base counts, cell keys)
  size_t shown = 0;       // measures the analyst asked for, of `query`
  size_t asked_shown = 0;  // the same for the query last asked
  QueryResultPtr raw;     // the exact answer (never drawn); the previous one while updating
  std::string error;      // the engine's words: for the analyst, never the board
};

// Submits `text` (with base counts) under `caller` when it changed, and takes any reply.
void SubmitPublished(QueryService& service, const std::string& caller, const QueryText& text, PublishedQuery& state);

// The protected answer as a result the charts can draw: hidden cells have no value, and
// `withheld` (may be null) gets [row][measure] true for each of them.
std::optional<QueryResult> PublishedForChart(const PublishedQuery& state, int threshold, size_t* hidden = nullptr,
                                             std::vector<std::vector<bool>>* withheld = nullptr);
// The same from an answer asked with cell keys (`query` prepared by PrepareForPublication)
// outside the live views (the board pack).
QueryResult PublishedAsResult(const QueryResult& raw, const Query& query, int threshold, size_t* hidden = nullptr,
                              std::vector<std::vector<bool>>* withheld = nullptr);
// The installation's record-key seed, read (or made) once per run: the `csc` tool reads
// the same file, so the explorer and the CLI publish the same figure for the same cell.
// Null with `error` set when it cannot be read or made.
const uint64_t* CellKeySeed(std::string& error);
// The same, as CSV with hidden cells written "c" (the publication export).
std::string PublishedCsv(const PublishedQuery& state, int threshold);
// The installation's record-key seed (privacy/cell_key_secret.hpp), read once per run; null
// with `error` saying why when it cannot be read or made.
const uint64_t* CellKeySeed(std::string& error);
// The line under a published chart or table: how figures were protected, and that totals may not add.
std::string PublishedFootnote(int threshold);

}  // namespace csc::app
