#pragma once
// The query's text form, shared by `csc query`, the GUI's query bar and saved views. Each
// clause is one string; ParseQueryText() builds the Query and FormatQueryText() turns a
// Query back into clauses that parse to the same value.
//
//   where    COL in (A, B, null)       COL not in (A)       COL = A      COL != A
//            COL is null               COL is not null      COL 1..3     COL 2012-04-01..2013-03-31
//            COL >= 2                  COL <= 2             age 0..4     age ..15 (Unborn counts as -1)
//            age in (unborn, under1, 1-4, 5-9, 10-15, 16-17, 18+, unknown)
//            values with spaces or commas in quotes: ward in ('Rotherham East', "Boston Castle")
//   link     [present|absent] TABLE WHEN [where FILTER [and FILTER ...]]
//            WHEN: ever | open-at-start | open-at-ref | started-in-period | open-during-period
//   period   fy:2012-13  fy:2010-11..2014-15  year:2013  q:2013-Q1  month:2013-03  range:A..B (comma lists)
//   count    open-at[:DD-MM | :end] (default 31-03) | started | ceased | open-during
//   by       comma list of: period | age-band | age | duration | ethnic-group | COLUMN, each
//            optionally :topN (ward:top5 keeps the 5 largest wards, the rest become Other)
//   measure  comma list of: episodes | children | sum:X | mean:X | median:X (X a numeric column,
//            duration (days) or age) | share[:whole|:row|:column][:children] |
//            rate10k[:children|:episodes] (default children) |
//            ratio[:children](NUMERATOR / DENOMINATOR), each side filters joined by 'and', may be empty
//   role     ROLE=COLUMN with ROLE one of child, start, end, dob, sex, ward, ethnicity
// Column names may use short aliases: 'category' finds latest_category, role names find
// their columns.
#include <string>
#include <string_view>
#include <vector>

#include "query/compiled_query.hpp"
#include "query/query.hpp"

namespace csc {

struct QueryText {
  std::string table;
  std::vector<std::string> where;
  std::vector<std::string> links;
  std::string period;
  std::string count;
  std::string by;
  std::string measure;
  std::vector<std::string> roles;
  friend bool operator==(const QueryText&, const QueryText&) = default;
};

// A string equal for equal texts: views compare it to know when to ask again.
std::string QueryTextKey(const QueryText& text);

// Throw QueryError naming the clause ("where 'age 4..x': ...").
Query ParseQueryText(const QueryText& text);
Filter ParseFilter(std::string_view text);
Link ParseLink(std::string_view text);
Counting ParseCounting(std::string_view text);
std::vector<Dimension> ParseGroupBy(std::string_view text);
std::vector<Measure> ParseMeasures(std::string_view text);

QueryText FormatQueryText(const Query& query);
std::string FormatFilter(const Filter& f);

}  // namespace csc
