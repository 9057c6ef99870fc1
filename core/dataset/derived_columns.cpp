#include "dataset/derived_columns.hpp"

#include <algorithm>
#include <map>

#include "dataset/placements.hpp"
#include "dataset/recognise.hpp"
#include "storage/column_builder.hpp"
#include "time/anniversary.hpp"
#include "time/civil_date.hpp"

namespace csc {

namespace {

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

std::vector<Derived> S47Columns(const Table& t, const HolidayCalendar& calendar, std::vector<std::string>* notes) {
  const Column* start = t.ColumnByName("s47_start");
  const Column* icpc = t.ColumnByName("icpc_date");
  ColumnBuilder days(ColumnType::Int, t.num_rows()), within(ColumnType::Bool, t.num_rows());
  size_t no_start = 0, outside = 0, backwards = 0;
  for (size_t r = 0; r < t.num_rows(); ++r) {
    const auto from = DateAt(start, r), to = DateAt(icpc, r);
    std::optional<int32_t> n;
    if (to && !from) ++no_start;
    else if (from && to && !(n = calendar.WorkingDaysBetween(*from, *to))) ++outside;
    if (n && *n < 0) n.reset(), ++backwards;
    if (n) days.AppendInt(*n), within.AppendInt(*n <= kIcpcDays);
    else days.AppendNull(), within.AppendNull();
  }
  if (notes) {
    if (no_start) notes->push_back(std::to_string(no_start) + " conferences without the start of their section 47 enquiry: timeliness unknown");
    if (backwards) notes->push_back(std::to_string(backwards) + " conferences dated before their section 47 enquiry began: timeliness unknown");
    if (outside)
      notes->push_back(std::to_string(outside) + " enquiries dated outside the bank-holiday calendar (" +
                       std::to_string(calendar.first_year()) + "-" + std::to_string(calendar.last_year()) +
                       "): working days unknown");
  }
  std::vector<Derived> out;
  out.push_back({"icpc_working_days", days.Finish()});
  out.push_back({"icpc_within_15_days", within.Finish()});
  return out;
}

// Reviews numbered within their plan (cp_reviews: child_id + plan_start) or period of care
// (lac_reviews: child_id + period_start) in date order; each due by its rule (header).
std::vector<Derived> ReviewColumns(DatasetKind kind, const Table& t, const HolidayCalendar& calendar,
                                   std::vector<std::string>* notes) {
  const bool cp = kind == DatasetKind::CpReviews;
  const Column* child = t.ColumnByName("child_id");
  const Column* from = t.ColumnByName(cp ? "plan_start" : "period_start");
  const Column* held = t.ColumnByName("review_date");
  std::map<std::pair<std::string, int32_t>, std::vector<std::pair<int32_t, size_t>>> sequences;
  size_t unplaced = 0;
  for (size_t r = 0; r < t.num_rows(); ++r) {
    const auto f = DateAt(from, r), d = DateAt(held, r);
    if (f && d && child && child->IsValid(r)) sequences[{Text(child, r), *f}].push_back({*d, r});
    else ++unplaced;
  }
  std::vector<std::optional<int32_t>> number(t.num_rows()), due(t.num_rows());
  size_t before_start = 0, outside = 0;
  for (auto& [key, reviews] : sequences) {
    std::sort(reviews.begin(), reviews.end());
    std::optional<int32_t> previous;  // the last review held, the clock for the next one
    int n = 0;
    for (const auto& [day, row] : reviews) {
      if (day < key.second) {  // held before the plan or period began: a data error
        ++before_start;
        continue;
      }
      ++n;
      number[row] = n;
      if (!previous) {
        due[row] = cp ? std::optional<int32_t>(AddMonths(key.second, kCpFirstReviewMonths))
                      : calendar.LastDayWithin(key.second, kLacFirstReviewWorkingDays);
        if (!due[row]) ++outside;
      } else {
        due[row] = AddMonths(*previous, !cp && n == 2 ? kLacSecondReviewMonths : kLaterReviewMonths);
      }
      previous = day;
    }
  }
  ColumnBuilder nb(ColumnType::Int, t.num_rows()), db(ColumnType::Date, t.num_rows()), ob(ColumnType::Bool, t.num_rows());
  for (size_t r = 0; r < t.num_rows(); ++r) {
    if (number[r]) nb.AppendInt(*number[r]);
    else nb.AppendNull();
    if (due[r]) {
      db.AppendInt(*due[r]);
      ob.AppendInt(*DateAt(held, r) <= *due[r]);
    } else {
      db.AppendNull();
      ob.AppendNull();
    }
  }
  if (notes) {
    const char* of = cp ? "plan" : "period of care";
    if (unplaced)
      notes->push_back(std::to_string(unplaced) + " reviews without a child, a review date or the start of their " + of +
                       ": timeliness unknown");
    if (before_start) notes->push_back(std::to_string(before_start) + " reviews dated before their " + of + " began: timeliness unknown");
    if (outside)
      notes->push_back(std::to_string(outside) + " first reviews of a period of care outside the bank-holiday calendar (" +
                       std::to_string(calendar.first_year()) + "-" + std::to_string(calendar.last_year()) +
                       "): timeliness unknown");
  }
  std::vector<Derived> out;
  out.push_back({"review_number", nb.Finish()});
  out.push_back({"due_date", db.Finish()});
  out.push_back({"on_time", ob.Finish()});
  return out;
}

const HolidayCalendar& CalendarOrNone(const HolidayCalendar* calendar, std::vector<std::string>* notes) {
  static const HolidayCalendar kNoCalendar;
  if (calendar) return *calendar;
  try {
    return EnglandWalesBankHolidays();
  } catch (const std::exception& e) {
    if (notes) notes->push_back(std::string("working days unknown: ") + e.what());
    return kNoCalendar;
  }
}

}  // namespace

TablePtr AddDerivedColumns(DatasetKind kind, TablePtr table, std::vector<std::string>* notes,
                           const HolidayCalendar* calendar) {
  if (DerivedLayout(kind).empty() || !table) return table;
  std::vector<Derived> derived;
  if (kind == DatasetKind::Assessments) {
    derived = AssessmentColumns(*table, CalendarOrNone(calendar, notes), notes);
  } else if (kind == DatasetKind::S47Enquiries) {
    derived = S47Columns(*table, CalendarOrNone(calendar, notes), notes);
  } else if (kind == DatasetKind::CpReviews) {
    static const HolidayCalendar kNotNeeded;  // CP review timescales are in months
    derived = ReviewColumns(kind, *table, kNotNeeded, notes);
  } else if (kind == DatasetKind::LacReviews) {
    derived = ReviewColumns(kind, *table, CalendarOrNone(calendar, notes), notes);
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

std::optional<std::string> DerivePreviousPlans(TablePtr& table) {
  if (!table) return std::nullopt;
  const Column* given = table->ColumnByName("previous_plans");
  if (given && given->null_count() < given->size()) return std::nullopt;
  const Column* child = table->ColumnByName("child_id");
  const Column* start = table->ColumnByName("plan_start");
  std::map<std::string, std::vector<int32_t>> starts;
  std::optional<int32_t> first;
  for (size_t r = 0; r < table->num_rows(); ++r)
    if (const auto d = DateAt(start, r)) {
      first = std::min(first.value_or(*d), *d);
      if (child && child->IsValid(r)) starts[Text(child, r)].push_back(*d);
    }
  for (auto& [id, days] : starts) std::sort(days.begin(), days.end());
  ColumnBuilder previous(ColumnType::Int, table->num_rows());
  // Plans before this may follow one the extract does not hold (no row dated means no plan counted).
  const int32_t seen_from = first ? AddYears(*first, 2) : INT32_MIN;
  size_t uncertain = 0;
  for (size_t r = 0; r < table->num_rows(); ++r) {
    const auto d = DateAt(start, r);
    if (!d || !child || !child->IsValid(r)) {
      previous.AppendNull();
      continue;
    }
    const auto& days = starts[Text(child, r)];
    const auto earlier = std::lower_bound(days.begin(), days.end(), *d) - days.begin();
    previous.AppendInt(earlier);
    uncertain += earlier == 0 && *d < seen_from;
  }
  TableBuilder tb;
  for (size_t c = 0; c < table->num_columns(); ++c)
    if (table->column_name(c) != "previous_plans") tb.AddColumn(table->column_name(c), CopyColumn(table->column(c)));
  tb.AddColumn("previous_plans", previous.Finish());
  Provenance p = table->provenance();
  table = tb.Finish(std::move(p));
  if (!first) return "previous_plans counted from each child's plans in this extract (it has no number of previous plans)";
  return "previous_plans counted from each child's plans in this extract (it has no number of previous plans): the history "
         "goes back to " + FormatIsoDate(*first) + "; " + std::to_string(uncertain) + " plans starting before " +
         FormatIsoDate(seen_from) + " are counted as first plans but may follow a plan the extract does not hold";
}

TablePtr WithDerivedColumns(TablePtr table, std::vector<std::string>* notes) {
  if (!table) return table;
  const Recognition r = RecogniseHeader(table->column_names());
  if (r.format != SourceFormat::Canonical || DerivedLayout(r.kind).empty()) return table;
  return AddDerivedColumns(r.kind, std::move(table), notes);
}

}  // namespace csc
