#include "dataset/record_checks.hpp"

#include "time/civil_date.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

// Dates outside these years are typing errors (1800 for 2018, 2200 for 2020), not records.
constexpr int kFirstPlausibleYear = 1900;
constexpr int kLastPlausibleYear = 2100;

struct Finding {
  size_t count = 0;
  std::string first;  // the first example, in words
  void Add(const std::string& example) {
    if (count++ == 0) first = example;
  }
};

std::string Count(size_t n, const char* one, const char* many) {
  return WithThousands(static_cast<long long>(n)) + " " + (n == 1 ? one : many);
}

const Column* RoleColumn(const Dataset& d, Role role) {
  const std::string name = d.ColumnFor(role);
  return name.empty() ? nullptr : d.table->ColumnByName(name);
}

std::string Who(const Dataset& d, size_t row) {
  const Column* child = RoleColumn(d, Role::ChildId);
  std::string s = "record " + WithThousands(static_cast<long long>(row + 1));
  if (child && child->IsValid(row)) s += " (child " + child->FormatCell(row) + ")";
  return s;
}

}  // namespace

std::vector<std::string> CheckRecords(const Dataset& d) {
  std::vector<std::string> notes;
  if (!d.table) return notes;
  const Table& t = *d.table;
  const Column* start = RoleColumn(d, Role::Start);
  const Column* end = RoleColumn(d, Role::End);
  const Column* dob = RoleColumn(d, Role::DateOfBirth);
  auto is_date = [](const Column* c) { return c && c->type() == ColumnType::Date; };

  if (is_date(start) && is_date(end)) {
    Finding f;
    for (size_t r = 0; r < t.num_rows(); ++r)
      if (start->IsValid(r) && end->IsValid(r) && end->GetInt(r) < start->GetInt(r))
        f.Add(Who(d, r) + ": starts " + start->FormatCell(r) + ", ends " + end->FormatCell(r));
    if (f.count) notes.push_back(Count(f.count, "record ends", "records end") + " before it starts; first: " + f.first);
  }
  // Work with an unborn child is ordinary practice: a pre-birth referral, its assessment
  // a section 47 enquiry and a child protection plan (its categories and review conferences)
  // may all come before birth. A looked-after episode, its review, a missing spell or an
  // adoption decision cannot.
  const bool may_precede_birth = d.kind == DatasetKind::CpPlans || d.kind == DatasetKind::Referrals ||
                                 d.kind == DatasetKind::Assessments || d.kind == DatasetKind::AssessmentFactors ||
                                 d.kind == DatasetKind::CpCategories || d.kind == DatasetKind::CpReviews ||
                                 d.kind == DatasetKind::S47Enquiries;
  if (is_date(start) && is_date(dob) && !may_precede_birth) {
    Finding f;
    for (size_t r = 0; r < t.num_rows(); ++r)
      if (start->IsValid(r) && dob->IsValid(r) && dob->GetInt(r) > start->GetInt(r))
        f.Add(Who(d, r) + ": born " + dob->FormatCell(r) + ", starts " + start->FormatCell(r));
    if (f.count)
      notes.push_back(Count(f.count, "record has", "records have") + " a date of birth after the start; first: " + f.first);
  }
  const int32_t first_day = DaysFromCivil(kFirstPlausibleYear, 1, 1), last_day = DaysFromCivil(kLastPlausibleYear, 12, 31);
  for (size_t c = 0; c < t.num_columns(); ++c) {
    const Column& col = t.column(c);
    if (col.type() != ColumnType::Date || col.null_count() == col.size()) continue;
    if (col.min_int() >= first_day && col.max_int() <= last_day) continue;
    Finding f;
    for (size_t r = 0; r < col.size(); ++r)
      if (col.IsValid(r) && (col.GetInt(r) < first_day || col.GetInt(r) > last_day))
        f.Add(Who(d, r) + ": " + col.FormatCell(r));
    notes.push_back(Count(f.count, "date", "dates") + " in '" + t.column_name(c) + "' before " +
                    std::to_string(kFirstPlausibleYear) + " or after " + std::to_string(kLastPlausibleYear) +
                    " (a typing error?); first: " + f.first);
  }
  auto roles = d.roles.find(Role::Count);
  if (roles != d.roles.end()) {
    for (const std::string& name : roles->second) {
      const Column* col = t.ColumnByName(name);
      if (!col || col->null_count() == col->size()) continue;
      const bool decimal = col->type() == ColumnType::Decimal;
      if (!decimal && (!IsIntegerLike(col->type()) || col->type() == ColumnType::Date)) continue;
      if (decimal ? col->min_double() >= 0 : col->min_int() >= 0) continue;
      Finding f;
      for (size_t r = 0; r < col->size(); ++r)
        if (col->IsValid(r) && col->GetDouble(r) < 0) f.Add(Who(d, r) + ": " + col->FormatCell(r));
      notes.push_back(Count(f.count, "negative value", "negative values") + " in '" + name +
                      "' (a count cannot be below zero); first: " + f.first);
    }
  }
  return notes;
}

}  // namespace csc
