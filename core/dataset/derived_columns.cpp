#include "dataset/derived_columns.hpp"

#include <algorithm>
#include <map>

#include "dataset/placements.hpp"
#include "dataset/recognise.hpp"
#include "storage/column_builder.hpp"
#include "time/anniversary.hpp"

namespace csc {

namespace {

// A column rebuilt cell by cell (Column is move-only and tables are immutable; case-level
// extracts are thousands of rows, so this costs milliseconds).
Column CopyColumn(const Column& c) {
  ColumnBuilder b(c.type(), c.size());
  for (size_t r = 0; r < c.size(); ++r) {
    if (!c.IsValid(r)) b.AppendNull();
    else if (IsStringType(c.type())) b.AppendString(c.GetString(r));
    else if (c.type() == ColumnType::Decimal) b.AppendDouble(c.GetDouble(r));
    else b.AppendInt(c.GetInt(r));
  }
  Column out = b.Finish();
  // Unreadable cells stay unreadable (an unreadable end date is not an open episode).
  if (c.unreadable()) {
    std::vector<uint8_t> flags(c.size());
    for (size_t r = 0; r < c.size(); ++r) flags[r] = c.IsUnreadable(r);
    out.AttachUnreadable(MakeUnreadableCells(flags, c.size()));
  }
  return out;
}

std::optional<int32_t> DateAt(const Column* c, size_t row) {
  if (!c || !c->IsValid(row) || c->type() != ColumnType::Date) return std::nullopt;
  return static_cast<int32_t>(c->GetInt(row));
}

std::string Text(const Column* c, size_t row) {
  return c && c->IsValid(row) ? c->FormatCell(row) : std::string();
}

struct Derived {
  std::string name;
  Column column;
};

std::vector<Derived> AssessmentColumns(const Table& t, const HolidayCalendar& calendar, std::vector<std::string>* notes) {
  const Column* referral = t.ColumnByName("referral_date");
  const Column* start = t.ColumnByName("assessment_start");
  const Column* end = t.ColumnByName("assessment_end");
  const Column* type = t.ColumnByName("assessment_type");
  ColumnBuilder days(ColumnType::Int, t.num_rows()), within(ColumnType::Bool, t.num_rows());
  size_t outside = 0, no_clock = 0, unknown_type = 0, backwards = 0;
  for (size_t r = 0; r < t.num_rows(); ++r) {
    const std::string kind = Text(type, r);
    const bool core = kind == "core";
    const int limit = kind == "initial" ? kInitialAssessmentDays : core ? kCoreAssessmentDays
                      : kind == "single"  ? kSingleAssessmentDays : -1;
    const std::optional<int32_t> from = core ? DateAt(start, r) : DateAt(referral, r), to = DateAt(end, r);
    std::optional<int32_t> n;
    if (limit < 0) ++unknown_type;
    else if (!from && to) ++no_clock;
    else if (from && to && !(n = calendar.WorkingDaysBetween(*from, *to))) ++outside;
    if (n && *n < 0) n.reset(), ++backwards;  // ends before its clock starts: a data error, not "in time"
    if (n) days.AppendInt(*n);
    else days.AppendNull();
    if (n && limit >= 0) within.AppendInt(*n <= limit);
    else within.AppendNull();
  }
  if (notes) {
    if (unknown_type)
      notes->push_back(std::to_string(unknown_type) + " assessments with no type of initial, core or single: timeliness unknown");
    if (no_clock)
      notes->push_back(std::to_string(no_clock) + " completed assessments without the date their clock starts from: timeliness unknown");
    if (backwards)
      notes->push_back(std::to_string(backwards) + " assessments end before the date their clock starts from: timeliness unknown");
    if (outside)
      notes->push_back(std::to_string(outside) + " assessments dated outside the bank-holiday calendar (" +
                       std::to_string(calendar.first_year()) + "-" + std::to_string(calendar.last_year()) +
                       "): working days unknown");
  }
  std::vector<Derived> out;
  out.push_back({"working_days", days.Finish()});
  out.push_back({"within_timescale", within.Finish()});
  return out;
}

std::vector<Derived> ReferralColumns(const Table& t) {
  const Column* child = t.ColumnByName("child_id");
  const Column* date = t.ColumnByName("referral_date");
  // Each child's referral dates, sorted, to find the previous one before each referral.
  std::map<std::string, std::vector<int32_t>> by_child;
  for (size_t r = 0; r < t.num_rows(); ++r)
    if (auto d = DateAt(date, r); d && child && child->IsValid(r)) by_child[Text(child, r)].push_back(*d);
  for (auto& [id, dates] : by_child) std::sort(dates.begin(), dates.end());
  ColumnBuilder re(ColumnType::Bool, t.num_rows());
  for (size_t r = 0; r < t.num_rows(); ++r) {
    const auto d = DateAt(date, r);
    if (!d || !child || !child->IsValid(r)) {
      re.AppendNull();
      continue;
    }
    const auto& dates = by_child[Text(child, r)];
    // The latest referral strictly before this one (a same-day duplicate is not a re-referral).
    auto it = std::lower_bound(dates.begin(), dates.end(), *d);
    re.AppendInt(it != dates.begin() && *std::prev(it) >= AddMonths(*d, -12));
  }
  std::vector<Derived> out;
  out.push_back({"re_referral", re.Finish()});
  return out;
}

std::vector<Derived> AdoptionColumns(const Table& t) {
  const Column* decision = t.ColumnByName("decision_date");
  const Column* placed = t.ColumnByName("placed_date");
  ColumnBuilder within(ColumnType::Bool, t.num_rows());
  for (size_t r = 0; r < t.num_rows(); ++r) {
    const auto d = DateAt(decision, r), p = DateAt(placed, r);
    if (d && p) within.AppendInt(*p <= AddMonths(*d, 12));
    else within.AppendNull();
  }
  std::vector<Derived> out;
  out.push_back({"placed_within_12_months", within.Finish()});
  return out;
}

}  // namespace

TablePtr AddDerivedColumns(DatasetKind kind, TablePtr table, std::vector<std::string>* notes,
                           const HolidayCalendar* calendar) {
  if (DerivedLayout(kind).empty() || !table) return table;
  std::vector<Derived> derived;
  if (kind == DatasetKind::Assessments) {
    static const HolidayCalendar kNoCalendar;
    if (!calendar) {
      try {
        calendar = &EnglandWalesBankHolidays();
      } catch (const std::exception& e) {
        if (notes) notes->push_back(std::string("working days unknown: ") + e.what());
        calendar = &kNoCalendar;
      }
    }
    derived = AssessmentColumns(*table, *calendar, notes);
  } else if (kind == DatasetKind::Adoptions) {
    derived = AdoptionColumns(*table);
  } else if (kind == DatasetKind::LacEpisodes) {
    for (DerivedColumn& d : PlacementColumns(*table, notes)) derived.push_back({d.name, std::move(d.column)});
  } else {
    derived = ReferralColumns(*table);
  }
  TableBuilder tb;
  for (size_t c = 0; c < table->num_columns(); ++c) {
    const std::string& name = table->column_name(c);
    const bool replaced = std::any_of(derived.begin(), derived.end(), [&](const Derived& d) { return d.name == name; });
    if (replaced) {
      if (notes) notes->push_back("column " + name + " recomputed from the dates (the file's values are not used)");
      continue;
    }
    tb.AddColumn(name, CopyColumn(table->column(c)));
  }
  for (Derived& d : derived) tb.AddColumn(d.name, std::move(d.column));
  Provenance p = table->provenance();
  return tb.Finish(std::move(p));
}

TablePtr WithDerivedColumns(TablePtr table, std::vector<std::string>* notes) {
  if (!table) return table;
  const Recognition r = RecogniseHeader(table->column_names());
  if (r.format != SourceFormat::Canonical || DerivedLayout(r.kind).empty()) return table;
  return AddDerivedColumns(r.kind, std::move(table), notes);
}

}  // namespace csc
