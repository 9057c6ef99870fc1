#pragma once
// Words for the query grammar's names, in one table: datasets ("Child protection plans" for
// cp_plans), dimensions ("Latest category", "Age band") and measures ("Rate per 10,000
// children"). The explorer's field picker offers these, and the CLI's help and any title
// can say the same words. A name the table does not know reads as itself, underscores as
// spaces, so a mapped file's own columns still get a label.
#include <string>
#include <string_view>
#include <vector>

#include "storage/table.hpp"

namespace csc {

struct FieldChoice {
  std::string text;   // as the grammar takes it: "latest_category", "age-band", "rate10k"
  std::string label;  // as a person reads it: "Latest category", "Age band (DfE)"
};

// "cp_plans" -> "Child protection plans"; an unknown table keeps its name.
std::string DatasetLabel(std::string_view table);
// "latest_category" -> "Latest category"; "ward:top10" -> "Ward (top 10)".
std::string DimensionLabel(std::string_view dimension);
// "rate10k" -> "Rate per 10,000 children"; "sum:x" -> "Sum of x".
std::string MeasureLabel(std::string_view measure);

// What a table can be grouped by, in the order offered: the period, the dataset's own coded
// columns (categories, then ward, sex, ethnicity), then the derived groupings its role
// columns allow (age band and single age need a date of birth, duration a start date,
// ethnic group an ethnicity).
std::vector<FieldChoice> DimensionChoices(const Table& table);
// The measures offered for picking (the grammar has more; typed ones are kept as typed).
const std::vector<FieldChoice>& MeasureChoices();

// "Fields, as the explorer's picker names them:" then a line per dataset, dimension and
// measure ("  latest_category      Latest category"): `csc query --help` and the Help window.
std::string FieldLabelsHelp();

// A comma list split where commas are not inside parentheses or quotes, each part trimmed:
// "children, ratio(a in (X, Y) / )" is two measures.
std::vector<std::string> SplitTopLevel(std::string_view list);

}  // namespace csc
