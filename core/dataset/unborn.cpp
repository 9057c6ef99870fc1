#include "dataset/unborn.hpp"

#include <algorithm>

#include "dataset/codes.hpp"
#include "storage/column_builder.hpp"
#include "time/civil_date.hpp"
#include "time/periods.hpp"
#include "util/text.hpp"

namespace csc {

bool IsRecordedUnborn(std::string_view sex) { return EqualsIgnoreCase(Trim(StripListPrefix(Trim(sex))), "unborn"); }

std::optional<int32_t> UnbornBirthDate(std::optional<int32_t> last_date) {
  if (!last_date) return std::nullopt;
  const CivilDate c = CivilFromDays(*last_date);
  return FinancialYearPeriod(c.month >= 4 ? c.year : c.year - 1).last + 1;
}

std::string UnbornNote(size_t children, int32_t birth, std::string_view whose) {
  return std::to_string(children) + " children recorded as unborn with no date of birth: counted as Unborn up to " +
         FormatIsoDate(birth - 1) + " (the end of " + std::string(whose) + " year; their date of birth taken as " +
         FormatIsoDate(birth) + ")";
}

TablePtr ApplyUnbornRule(DatasetKind kind, TablePtr table, std::vector<std::string>* notes) {
  if (!table) return table;
  const auto sex_index = table->FindColumn("sex"), dob_index = table->FindColumn("dob");
  if (!sex_index || !dob_index) return table;
  const Column& sex = table->column(*sex_index);
  const Column& dob = table->column(*dob_index);
  if (dob.type() != ColumnType::Date && dob.null_count() != dob.size()) return table;  // not a date column: left alone
  std::vector<size_t> rows;
  bool renamed = false;
  for (size_t r = 0; r < table->num_rows(); ++r) {
    const std::string s = sex.IsValid(r) ? sex.FormatCell(r) : std::string();
    const bool recorded = IsRecordedUnborn(s);
    renamed = renamed || recorded;
    // A date of birth that is there but unreadable stays unknown: it is not missing.
    if (dob.IsValid(r) || dob.IsUnreadable(r)) continue;
    if (recorded) rows.push_back(r);
  }
  if (rows.empty() && !renamed) return table;
  std::optional<int32_t> last;
  for (const CanonicalColumn& c : CanonicalLayout(kind)) {
    if (c.role != Role::Start && c.role != Role::End) continue;
    const Column* col = table->ColumnByName(c.name);
    if (!col || col->type() != ColumnType::Date || col->null_count() == col->size()) continue;
    last = std::max(last.value_or(INT32_MIN), static_cast<int32_t>(col->max_int()));
  }
  const std::optional<int32_t> birth = UnbornBirthDate(last);
  ColumnBuilder sex_out(ColumnType::Category, table->num_rows()), dob_out(ColumnType::Date, table->num_rows());
  size_t given = 0;
  for (size_t r = 0, k = 0; r < table->num_rows(); ++r) {
    const std::string s = sex.IsValid(r) ? sex.FormatCell(r) : std::string();
    if (!sex.IsValid(r)) sex_out.AppendNull();
    else sex_out.AppendString(IsRecordedUnborn(s) ? "U" : s);
    const bool fill = k < rows.size() && rows[k] == r && birth;
    if (k < rows.size() && rows[k] == r) ++k;
    if (fill) dob_out.AppendInt(*birth), ++given;
    else if (dob.IsValid(r)) dob_out.AppendInt(dob.GetInt(r));
    else dob_out.AppendNull();
  }
  TableBuilder tb;
  for (size_t c = 0; c < table->num_columns(); ++c) {
    if (c == *sex_index) tb.AddColumn(table->column_name(c), sex_out.Finish());
    else if (c == *dob_index) tb.AddColumn(table->column_name(c), dob_out.Finish());
    else tb.AddColumn(table->column_name(c), CopyColumn(table->column(c)));
  }
  if (notes && given) notes->push_back(UnbornNote(given, *birth, "the data's last financial"));
  Provenance p = table->provenance();
  return tb.Finish(std::move(p));
}

}  // namespace csc
