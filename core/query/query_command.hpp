#pragma once
// A query text as the `csc query` command that asks the same question, so the explorer can
// show what a pick means in the grammar the analyst can type, paste into a shell or a
// catalogue entry.
#include <string>

#include "query/query_parser.hpp"

namespace csc {

// "csc query --table cp_plans --count open-at:31-03 --period fy:2012-13 --by 'period, ward'
// --measure children": clauses in the grammar's order, empty ones left out, each value
// quoted for a POSIX shell when it needs to be.
std::string CscQueryCommand(const QueryText& text);
// One shell word: as it is when it is plain, else in single quotes, or in double quotes when
// it holds single quotes (ward in ('Boston Castle')), or as 'it'\''s' when it needs both.
std::string ShellQuote(const std::string& word);

}  // namespace csc
