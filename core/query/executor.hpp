#pragma once
// Runs a compiled query: rows are scanned in chunks; each chunk's rows are narrowed by the
// row predicates into a selection vector, the role columns are gathered for the survivors,
// then every (row, period) unit that counts is checked against the age and link
// conditions and added to the worker's partial aggregates. The common slicer question
// skips the selection vectors: the vector scan (query/vector_scan.hpp) turns a block of
// rows straight into the kept rows' group keys and child codes. Partials are merged and
// finalized (top-N folding, shares, rates) into a small QueryResult.
#include <cstddef>

#include "async/progress.hpp"
#include "query/compiled_query.hpp"
#include "query/query_result.hpp"

namespace csc {

struct ExecuteOptions {
  unsigned threads = 0;       // 0 = all cores
  size_t chunk_rows = 16384;  // rows per scan chunk; cancellation is checked between chunks
  bool force_pairs = false;   // count distinct children with sorted pairs even when bitmaps fit (tests)
  bool derived_ages = true;   // the fused pass reads ages derived once per table (off: each query works them out)
  bool vector_scan = true;    // the vector scan where the query allows it (off: the general passes; tests)
};

// Throws Cancelled when `cancel` fires (checked between chunks), QueryError for queries the
// data cannot answer (e.g. a rate with no population for a group is not an error: no value).
QueryResult ExecuteQuery(const CompiledQuery& cq, const ExecuteOptions& options = {},
                         const CancelToken* cancel = nullptr);

// Compile and execute in one call (throws QueryError with the offending part named).
QueryResult RunQuery(const Catalog& catalog, const Query& query, const ExecuteOptions& options = {},
                     const CancelToken* cancel = nullptr);

}  // namespace csc
