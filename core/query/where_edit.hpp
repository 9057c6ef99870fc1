#pragma once
// Edits to the where clause as the analyst's text (one filter a line), so slicers, chart
// clicks and the typed query all share one source of truth and saved views need nothing
// more. Lines that do not parse are left exactly as typed.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/query.hpp"

namespace csc {

// Non-empty trimmed lines.
std::vector<std::string> WhereLines(std::string_view where);
std::string JoinWhereLines(const std::vector<std::string>& lines);

// The values selected for `column` by an `in (...)` line, if there is one.
std::optional<Filter> SelectionOf(std::string_view where, std::string_view column);
// The lines without any filter on `column` (what a slicer's own counts are computed under).
std::vector<std::string> LinesWithout(std::string_view where, std::string_view column);
// Replaces every filter on `column` by `column in (values)` (at the first such line's place,
// else at the end); no values removes the filter.
std::string SetSelection(std::string_view where, std::string_view column, const std::vector<std::string>& values,
                         bool match_null = false);
// Chart clicks: `add` (Ctrl) toggles the value within the column's selection; otherwise the
// selection becomes that value alone, or is cleared if it was already exactly that value.
std::string ClickValue(std::string_view where, std::string_view column, const std::string& value, bool add);
// The age range line ("age 0..4"); nullopt bounds remove it. Age is one slicer: a range
// replaces any age-band selection and a band selection replaces any range.
std::optional<std::pair<int, int>> AgeRangeOf(std::string_view where);
std::string SetAgeRange(std::string_view where, std::optional<std::pair<int, int>> range);
// The DfE age bands selected by an `age in (...)` line, as AgeBandLabel names in band order
// ("Unknown" for `unknown`); empty when there is none.
std::vector<std::string> AgeBandsOf(std::string_view where);
// Replaces every age filter (range or bands) by `age in (bands)`; no bands removes it.
// Bands are AgeBandLabel names or any form ParseAgeBand takes; unknown names are dropped.
std::string SetAgeBands(std::string_view where, const std::vector<std::string>& bands);
// The lines without any age filter (what the age slicer's own counts are computed under).
std::vector<std::string> LinesWithoutAge(std::string_view where);

}  // namespace csc
