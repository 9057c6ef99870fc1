#pragma once
// An indicator's count is written exactly as the user would type it after `csc query`, minus
// the --data options: "cp_plans --period fy:{year} --count started --where 'previous_plans >= 1'".
// The first word is the table. Placeholders name the reporting year:
//   {year} 2012-13   {pop_year} 2012 (the mid-year population DfE pairs with the year)
//   {start_year} 2012   {end_year} 2013   {prev_year} 2011-12
//   {end_year-3} 2010 (any of the year numbers plus or minus whole years, for dates like
//   "period_start ..{end_year-3}-09-30": began 2.5 years or more before 31 March)
#include <string>
#include <string_view>

#include "query/query_parser.hpp"

namespace csc {

// Splits like a shell (single and double quotes group, and are removed) and maps the options
// onto QueryText. Throws QueryError for an unknown option or a missing value.
QueryText ParseQueryCommand(std::string_view command);

// Replaces the placeholders for a financial-year label "YYYY-YY"; throws QueryError for a
// malformed year or an unknown {placeholder}.
std::string SubstituteYear(std::string_view text, std::string_view year);

// "2012-13" -> 2012 (throws QueryError when not a financial-year label).
int FinancialYearStart(std::string_view year);
std::string FinancialYearLabel(int start_year);  // 2012 -> "2012-13"

}  // namespace csc
