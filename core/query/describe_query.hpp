#pragma once
// The active query as a sentence a board member can read above a chart:
//   "Children on a CP plan at 31 March, 2010-11 to 2015-16, neglect or emotional abuse,
//    aged 0-4, in Sitwell or Boston Castle"
// Built from the query text (not the compiled query) so it works while data is loading and
// says exactly what the analyst typed. Codes become labels when a code list is given.
#include <string>

#include "dataset/code_labels.hpp"
#include "query/query_parser.hpp"

namespace csc {

// Throws QueryError if a clause does not parse (the caller shows the parser's message).
std::string DescribeFilters(const QueryText& text, const CodeLabels* labels);

}  // namespace csc
