#pragma once
// Merged partial aggregates -> QueryResult: top-N folding into "Other", totals for shares,
// population denominators for rates, and the rows in key order.
#include "query/aggregate.hpp"
#include "query/query_result.hpp"

namespace csc {

QueryResult FinalizeResult(const CompiledQuery& cq, Partial& merged);

}  // namespace csc
