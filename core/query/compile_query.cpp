// Query -> CompiledQuery: name resolution, value lookup, predicate tables, dimension key
// ranges and the date lookup tables. Every error names the offending part of the query.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <set>

#include "query/compiled_query.hpp"
#include "query/record_keys.hpp"
#include "query/compile_support.hpp"
#include "query/query_result.hpp"
#include "time/anniversary.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

using detail::ListValid;
using detail::Lower;

constexpr int32_t kMaxDateSpan = 2'000'000;  // days; about 5,500 years
constexpr uint64_t kMaxGroups = 4'000'000;

uint32_t AgeBandMask(const Filter& f, const std::string& part) {
  uint32_t mask = 0;
  for (const std::string& v : f.values) {
    const auto band = ParseAgeBand(v);
    if (!band) {
      std::vector<std::string> valid;
      for (int i = 0; i < kAgeBandCount; ++i) valid.emplace_back(AgeBandLabel(static_cast<AgeBand>(i)));
      throw QueryError(part + ": unknown age band '" + v + "'; valid bands: " + ListValid(valid));
    }
    mask |= 1u << static_cast<int>(*band);
  }
  if (f.match_null) mask |= 1u << static_cast<int>(AgeBand::Unknown);
  return mask;
}

void AddAgeFilter(const Filter& f, AgePredicate& age, const std::string& part) {
  if (f.kind == FilterKind::Age) {
    age.require_known = true;
    if (f.lo) age.lo = std::max(age.lo, static_cast<int>(std::ceil(*f.lo)));
    if (f.hi) age.hi = std::min(age.hi, static_cast<int>(std::floor(*f.hi)));
  } else {
    age.band_mask &= AgeBandMask(f, part);
  }
}

// Filters -> row predicates and an age predicate; returns whether any age filter was seen.
bool CompileFilters(const Table& table, const std::string& table_name, const EventColumns& roles,
                    const std::vector<Filter>& filters, const std::string& where, std::vector<RowPredicate>& rows,
                    AgePredicate& age, bool allow_age) {
  bool has_age = false;
  for (const Filter& f : filters) {
    const std::string part = where + " '" + detail::Describe(f) + "'";
    if (f.kind == FilterKind::Age || f.kind == FilterKind::AgeBand) {
      if (!allow_age) throw QueryError(part + ": age filters are not allowed here (no reference date)");
      AddAgeFilter(f, age, part);
      has_age = true;
      continue;
    }
    const Column& col = detail::ResolveColumn(table, table_name, roles, f.column, part);
    rows.push_back(detail::CompilePredicate(col, f, part));
  }
  return has_age;
}

std::vector<std::string> AllLabels(const Column& col) {
  std::vector<std::string> out;
  for (uint32_t c = 0; c < col.dictionary()->size(); ++c) out.emplace_back(col.dictionary()->Get(c));
  return out;
}

CompiledDimension CompileDimension(const CompiledQuery& cq, const Table& table, const std::string& table_name,
                                   const EventColumns& roles, const Dimension& d) {
  CompiledDimension out;
  out.kind = d.kind;
  out.top_n = d.top_n;
  out.title = DimensionTitle(d);
  const std::string part = "group by '" + out.title + "'";
  switch (d.kind) {
    case DimensionKind::Period: {
      if (cq.periods.empty()) throw QueryError(part + ": the query has no periods; add one (e.g. fy:2012-13)");
      for (const Period& p : cq.periods) out.labels.push_back(PeriodLabel(p));
      break;
    }
    case DimensionKind::AgeBand:
      for (int i = 0; i < kAgeBandCount; ++i) out.labels.emplace_back(AgeBandLabel(static_cast<AgeBand>(i)));
      break;
    case DimensionKind::SingleAge:
      for (int i = 0; i < kSingleAgeSlots; ++i) out.labels.push_back(SingleAgeLabel(i));
      break;
    case DimensionKind::DurationBand:
      for (int i = 0; i < kDurationBandCount; ++i) out.labels.emplace_back(DurationBandLabel(static_cast<DurationBand>(i)));
      break;
    case DimensionKind::EthnicityGroup: {
      const Column& col = detail::ResolveColumn(table, table_name, roles,
                                                d.column.empty() ? roles.ethnicity : d.column, part);
      if (!col.dictionary()) throw QueryError(part + ": the ethnicity column must hold text codes");
      out.column = &col;
      out.labels = detail::EthnicityGroupLabels();
      out.code_to_key.resize(col.dictionary()->size());
      out.members.resize(out.labels.size());
      for (uint32_t c = 0; c < col.dictionary()->size(); ++c) {
        out.code_to_key[c] = detail::EthnicityGroupOf(col.dictionary()->Get(c));
        out.members[out.code_to_key[c]].emplace_back(col.dictionary()->Get(c));
      }
      out.null_key = static_cast<uint32_t>(out.labels.size() - 1);  // "Unknown"
      break;
    }
    default: {
      const Column& col = detail::ResolveColumn(table, table_name, roles, d.column, part);
      out.column = &col;
      out.title = table.column_name(*table.FindColumn(detail::ResolvedName(table, roles, d.column)));
      out.is_sex = out.title == roles.sex;
      out.is_ward = out.title == roles.ward;
      if (col.dictionary()) {
        std::vector<std::string> labels = AllLabels(col);
        std::vector<uint32_t> order(labels.size());
        for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return labels[a] < labels[b]; });
        out.code_to_key.resize(labels.size());
        for (uint32_t rank = 0; rank < order.size(); ++rank) {
          out.code_to_key[order[rank]] = rank;
          out.labels.push_back(labels[order[rank]]);
        }
      } else if (IsIntegerLike(col.type()) && col.type() != ColumnType::Date && col.type() != ColumnType::DateTime) {
        const int64_t span = col.size() == col.null_count() ? 0 : col.max_int() - col.min_int() + 1;
        if (span > 100000)
          throw QueryError(part + ": column has values from " + std::to_string(col.min_int()) + " to " +
                           std::to_string(col.max_int()) + ", too many to group by; filter it into ranges instead");
        out.int_base = col.min_int();
        for (int64_t v = 0; v < span; ++v) out.labels.push_back(col.type() == ColumnType::Bool ? (v + out.int_base ? "Y" : "N") : std::to_string(v + out.int_base));
      } else {
        throw QueryError(part + ": cannot group by a " + std::string(ToString(col.type())) +
                         " column; group dates by 'period', numbers by filtering into ranges");
      }
      out.null_key = static_cast<uint32_t>(out.labels.size());
      out.labels.emplace_back(kNullLabel);
      break;
    }
  }
  if (out.members.empty()) {
    out.members.resize(out.labels.size());
    for (size_t i = 0; i < out.labels.size(); ++i) out.members[i] = {out.labels[i]};
    if (out.column && out.null_key < out.members.size()) out.members[out.null_key].clear();
  }
  out.cardinality = static_cast<uint32_t>(out.labels.size());
  // Null rows still hold code 0 and are gathered before being overwritten with null_key.
  if (out.column && out.column->dictionary() && out.code_to_key.empty()) out.code_to_key.push_back(out.null_key);
  return out;
}

NumericSource CompileNumericSource(const Table& table, const std::string& table_name, const EventColumns& roles,
                                   const Measure& m, const std::string& part) {
  NumericSource src;
  if (Lower(m.column) == "duration") {
    src.kind = NumericSource::Kind::Duration;
    return src;
  }
  if (Lower(m.column) == "age") {
    src.kind = NumericSource::Kind::Age;
    return src;
  }
  const Column& col = detail::ResolveColumn(table, table_name, roles, m.column, part);
  if (col.type() != ColumnType::Int && col.type() != ColumnType::Decimal && col.type() != ColumnType::Bool)
    throw QueryError(part + ": column '" + m.column + "' is " + std::string(ToString(col.type())) +
                     ", not numeric; numeric measures take an int or decimal column, 'duration' or 'age'");
  src.column = &col;
  src.integral = col.type() != ColumnType::Decimal;
  return src;
}

void BuildDateTables(CompiledQuery& cq) {
  int32_t lo = INT32_MAX, hi = INT32_MIN;
  auto widen = [&](const Column* c) {
    if (!c || c->size() == c->null_count()) return;
    lo = std::min<int32_t>(lo, static_cast<int32_t>(c->min_int()));
    hi = std::max<int32_t>(hi, static_cast<int32_t>(c->max_int()));
  };
  widen(cq.start);
  widen(cq.end);
  widen(cq.dob);
  for (const Period& p : cq.periods) {
    lo = std::min(lo, p.first);
    hi = std::max(hi, p.last);
  }
  if (lo > hi) lo = hi = 0;
  if (static_cast<int64_t>(hi) - lo > kMaxDateSpan)
    throw QueryError("dates in " + cq.query.table + " span " + FormatIsoDate(lo) + " to " + FormatIsoDate(hi) +
                     ", more than 5,000 years; check the date columns for mistyped years");
  cq.date_base = lo;
  const size_t n = static_cast<size_t>(hi - lo) + 1;
  cq.year_key_ref.resize(n);
  cq.year_key_from.resize(n);
  cq.month_key_ref.resize(n);
  cq.month_key_from.resize(n);
  // Walk the calendar day by day (CivilFromDays per day would cost more than the scan of a
  // small slice).
  CivilDate c = CivilFromDays(lo);
  for (size_t i = 0; i < n; ++i) {
    const int last_day = DaysInMonth(c.year, c.month);
    // A month's last day has passed every monthly anniversary that falls in the month
    // (the month-end rule of time/anniversary.hpp), so it packs as day 31.
    const int ref_day = c.day == last_day ? 31 : c.day;
    cq.year_key_ref[i] = c.year * 512 + c.month * 32 + ref_day;
    cq.year_key_from[i] = c.year * 512 + c.month * 32 + c.day;
    cq.month_key_ref[i] = (c.year * 12 + c.month) * 64 + ref_day;
    cq.month_key_from[i] = (c.year * 12 + c.month) * 64 + c.day;
    if (++c.day > last_day) {
      c.day = 1;
      if (++c.month > 12) {
        c.month = 1;
        ++c.year;
      }
    }
  }
}

// Codes listed in `fs` that the column's code list knows but this extract does not hold
// match no row: they are dropped from the list (so "in (K3)" selects nothing and "not in
// (K3)" keeps every row), and the answer says so.
void DropAbsentListedCodes(const Table& table, const std::string& table_name, const TableRules& rules,
                           const EventColumns& roles, std::vector<Filter>& fs, std::vector<std::string>& notes) {
  if (rules.code_lists.empty()) return;
  for (Filter& f : fs) {
    if (f.kind != FilterKind::In && f.kind != FilterKind::NotIn) continue;
    // A column the table does not have is the compiler's mistake to report, with its part.
    std::string name;
    try {
      name = detail::ResolvedName(table, roles, f.column);
    } catch (const QueryError&) {
      continue;
    }
    const Column* col = table.ColumnByName(name);
    const auto list = rules.code_lists.find(name);
    if (!col || !col->dictionary() || list == rules.code_lists.end()) continue;
    for (auto it = f.values.begin(); it != f.values.end();) {
      const bool listed = std::find(list->second.begin(), list->second.end(), *it) != list->second.end();
      if (listed && !col->dictionary()->Find(*it)) {
        notes.push_back(name + " '" + *it + "' is a valid code but no row of " + table_name + " holds it: it selects nothing");
        it = f.values.erase(it);
      } else {
        ++it;
      }
    }
  }
}

// The caveats of the columns the query uses, each once.
void AddColumnNotes(const Table& table, const TableRules& rules, const EventColumns& roles, const Query& q,
                    std::vector<std::string>& notes) {
  if (rules.column_notes.empty()) return;
  std::vector<std::string> used;
  for (const Filter& f : q.filters) used.push_back(f.column);
  for (const Measure& m : q.measures) {
    used.push_back(m.column);
    for (const auto* fs : {&m.numerator, &m.denominator})
      for (const Filter& f : *fs) used.push_back(f.column);
  }
  for (const Dimension& d : q.group_by)
    if (d.kind == DimensionKind::Column) used.push_back(d.column);
  std::vector<std::string> said;
  for (const std::string& column : used) {
    if (column.empty()) continue;
    std::string name;
    try {
      name = detail::ResolvedName(table, roles, column);
    } catch (const QueryError&) {
      continue;  // the compiler reports it with its part
    }
    const auto it = rules.column_notes.find(name);
    if (it == rules.column_notes.end() || std::find(said.begin(), said.end(), name) != said.end()) continue;
    said.push_back(name);
    notes.push_back(it->second);
  }
}

Query ApplyTableRules(const Catalog& catalog, const NamedTable& entry, const EventColumns& roles, const Query& asked,
                      std::vector<std::string>& notes) {
  Query q = asked;
  const TableRules& rules = entry.rules;
  if (!q.periods.empty() && q.counting.mode == CountMode::StartedIn && !rules.started.empty()) {
    q.filters.insert(q.filters.end(), rules.started.begin(), rules.started.end());
    notes.push_back(rules.started_note);
  }
  if (!q.periods.empty() && q.counting.mode == CountMode::CeasedIn && !rules.ceased.empty()) {
    q.filters.insert(q.filters.end(), rules.ceased.begin(), rules.ceased.end());
    notes.push_back(rules.ceased_note);
  }
  DropAbsentListedCodes(*entry.table, entry.name, rules, roles, q.filters, notes);
  for (Measure& m : q.measures) {
    DropAbsentListedCodes(*entry.table, entry.name, rules, roles, m.numerator, notes);
    DropAbsentListedCodes(*entry.table, entry.name, rules, roles, m.denominator, notes);
  }
  for (Link& l : q.links)
    if (const NamedTable* other = catalog.FindEntry(l.table))
      DropAbsentListedCodes(*other->table, other->name, other->rules, detail::ResolveRoles(*other->table, l.columns),
                            l.filters, notes);
  AddColumnNotes(*entry.table, rules, roles, q, notes);
  return q;
}

}  // namespace

EventColumns ResolveEventColumns(const Table& table, const EventColumns& given) {
  return detail::ResolveRoles(table, given);
}

namespace {

// A row whose needed date could not be read is unknown, not blank (an unreadable end date is
// not an open episode): it is left out through an ordinary code filter on the column's
// unreadable flags, so the general path, the fused pass and the vector scan all agree, and
// the answer says how many rows that was.
void ExcludeUnreadable(CompiledQuery& cq, const Table& table) {
  const CountMode mode = cq.query.counting.mode;
  const bool end_needed = (!cq.periods.empty() && mode != CountMode::StartedIn) || cq.need_duration;
  const std::pair<const Column*, const char*> needed[] = {
      {cq.start, "start date"}, {end_needed ? cq.end : nullptr, "end date"}, {cq.dob, "date of birth"}};
  std::vector<const Column*> done;
  for (const auto& [column, what] : needed) {
    if (!column || !column->unreadable() || std::find(done.begin(), done.end(), column) != done.end()) continue;
    done.push_back(column);
    const UnreadableCells& cells = *column->unreadable();
    RowPredicate p;
    p.kind = RowPredicate::Kind::CodeLut;
    p.column = &cells.flags;
    p.lut.assign(cells.flags.dictionary()->size(), 1);
    p.lut[cells.unreadable_code] = 0;
    p.null_passes = false;
    cq.row_predicates.push_back(std::move(p));
    std::string name;
    for (size_t c = 0; c < table.num_columns(); ++c)
      if (&table.column(c) == column) name = table.column_name(c);
    cq.notes.push_back(WithThousands(static_cast<long long>(cells.count)) + (cells.count == 1 ? " record" : " records") +
                                 " excluded: " + what + " unreadable (" + name + ")");
  }
}

}  // namespace

std::unique_ptr<CompiledQuery> CompileQuery(const Catalog& catalog, const Query& asked) {
  auto cq = std::make_unique<CompiledQuery>();
  const NamedTable* entry = catalog.FindEntry(asked.table);
  if (!entry) throw QueryError("table '" + asked.table + "' is not loaded; loaded tables: " + catalog.Names());
  const Table* table = entry->table.get();
  const EventColumns roles = detail::ResolveRoles(*table, asked.columns);
  // The query as the table's kind defines it: every path below (general, fused, vector)
  // compiles from this one value, so a rule lives in TableRules alone.
  const Query query = ApplyTableRules(catalog, *entry, roles, asked, cq->notes);
  cq->query = query;
  cq->table = table;
  cq->query.columns = roles;
  const std::string& name = query.table;

  // Roles needed by what the query asks for.
  bool need_children = false, need_age = false;
  for (const Measure& m : query.measures)
    need_children |= m.kind == MeasureKind::Children || (m.of_children && (m.kind == MeasureKind::Share ||
                                                          m.kind == MeasureKind::Rate10k || m.kind == MeasureKind::Ratio));
  for (const Filter& f : query.filters) need_age |= f.kind == FilterKind::Age || f.kind == FilterKind::AgeBand;
  for (const Dimension& d : query.group_by)
    need_age |= d.kind == DimensionKind::AgeBand || d.kind == DimensionKind::SingleAge;
  for (const Measure& m : query.measures) {
    need_age |= Lower(m.column) == "age";
    for (const auto* fs : {&m.numerator, &m.denominator})
      for (const Filter& f : *fs) need_age |= f.kind == FilterKind::Age || f.kind == FilterKind::AgeBand;
  }
  const bool need_child = need_children || !query.links.empty();
  if (need_child) cq->child = &detail::RoleColumn(*table, name, roles.child, "child id", "child");
  if (cq->child && !cq->child->dictionary())
    throw QueryError("child id column '" + roles.child + "' in " + name + " must be text (it is " +
                     std::string(ToString(cq->child->type())) + "); reload it with the column typed as text");
  if (cq->child) cq->child_count = cq->child->dictionary()->size();
  bool need_start = !query.periods.empty() || need_age;
  for (const Dimension& d : query.group_by) need_start |= d.kind == DimensionKind::DurationBand;
  for (const Measure& m : query.measures) need_start |= Lower(m.column) == "duration";
  for (const Link& l : query.links) need_start |= l.when == LinkWhen::OpenAtStart || l.when == LinkWhen::OpenAtReference;
  if (need_start) cq->start = &detail::RoleColumn(*table, name, roles.start, "start date", "start");
  cq->end = detail::OptionalRoleColumn(*table, roles.end);
  if (!cq->end && !query.periods.empty() && query.counting.mode != CountMode::StartedIn)
    throw QueryError(std::string("counting '") + CountModeName(query.counting.mode) + "' needs an end date column in " +
                     name + "; name it with the end role; columns: " + ListValid(table->column_names()));
  if (need_age) {
    cq->dob = &detail::RoleColumn(*table, name, roles.dob, "date of birth", "dob");
    cq->need_dob = true;
  }
  for (const Column* c : {cq->start, cq->end, cq->dob})
    if (c && c->type() != ColumnType::Date)
      throw QueryError("role column holding " + std::string(ToString(c->type())) + " values where a date is needed in " +
                       name + "; check the start/end/dob roles");

  // Periods and counting.
  cq->periods = query.periods;
  for (size_t i = 0; i < cq->periods.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (cq->periods[i] == cq->periods[j])
        throw QueryError("period " + PeriodLabel(cq->periods[i]) + " is listed twice");
  if (query.counting.mode == CountMode::OpenAt) {
    for (const Period& p : cq->periods) {
      const auto d = SnapshotDate(p, query.counting.snapshot_day, query.counting.snapshot_month);
      if (!d)
        throw QueryError("count open-at " + std::to_string(query.counting.snapshot_day) + "-" +
                         std::to_string(query.counting.snapshot_month) + ": period " + PeriodLabel(p) +
                         " holds no such date; use open-at:end for the period's last day");
      cq->snapshots.push_back(*d);
    }
  }
  // Coverage: a period wholly outside the dates the table holds has no data, which is not
  // the same as a count of zero. (The whole period, not its snapshot: an extract taken on
  // 31 March may hold no event on that day.)
  if (entry->rules.covers_from && entry->rules.covers_to) {
    const int32_t from = *entry->rules.covers_from, to = *entry->rules.covers_to;
    for (size_t i = 0; i < cq->periods.size(); ++i) {
      const bool outside = cq->periods[i].last < from || cq->periods[i].first > to;
      cq->period_uncovered.push_back(outside);
      if (outside)
        cq->notes.push_back("no data for " + PeriodLabel(cq->periods[i]) + ": " + entry->name + " covers " +
                            FormatIsoDate(from) + " to " + FormatIsoDate(to));
    }
  }
  if ((query.counting.mode == CountMode::StartedIn || query.counting.mode == CountMode::CeasedIn) && !cq->periods.empty()) {
    std::vector<Period> sorted = cq->periods;
    std::sort(sorted.begin(), sorted.end(), [](const Period& a, const Period& b) { return a.first < b.first; });
    bool disjoint = cq->periods.size() < 127;
    for (size_t i = 1; i < sorted.size() && disjoint; ++i) disjoint = sorted[i].first > sorted[i - 1].last;
    const int64_t span = static_cast<int64_t>(sorted.back().last) - sorted.front().first + 1;
    if (disjoint && span <= kMaxDateSpan) {
      cq->period_lut_base = sorted.front().first;
      cq->period_of_day.assign(static_cast<size_t>(span), -1);
      for (size_t p = 0; p < cq->periods.size(); ++p)
        for (int32_t d = cq->periods[p].first; d <= cq->periods[p].last; ++d)
          cq->period_of_day[static_cast<size_t>(d - cq->period_lut_base)] = static_cast<int8_t>(p);
    }
  }

  // Filters and links.
  cq->has_age_predicate = CompileFilters(*table, name, roles, query.filters, "filter", cq->row_predicates, cq->age, true);
  // A row can only count when its start (or, for ceased, its end) falls in the span of the
  // periods: an implied range the scan applies with the other row predicates, before any
  // per-period work.
  if (!cq->periods.empty()) {
    int32_t first = INT32_MAX, last = INT32_MIN;
    for (const Period& p : cq->periods) {
      first = std::min(first, p.first);
      last = std::max(last, p.last);
    }
    for (int32_t d : cq->snapshots) last = std::max(last, d);
    RowPredicate implied;
    implied.kind = RowPredicate::Kind::IntRange;
    implied.null_passes = false;
    const CountMode mode = query.counting.mode;
    implied.column = mode == CountMode::CeasedIn ? cq->end : cq->start;
    implied.lo = mode == CountMode::StartedIn || mode == CountMode::CeasedIn ? first : INT64_MIN;
    implied.hi = mode == CountMode::OpenAt ? *std::max_element(cq->snapshots.begin(), cq->snapshots.end()) : last;
    cq->row_predicates.push_back(implied);
  }
  for (const Link& link : query.links) {
    const std::string part = std::string("link to '") + link.table + "'";
    const Table* other = catalog.Find(link.table);
    if (!other) throw QueryError(part + ": table is not loaded; loaded tables: " + catalog.Names());
    if ((link.when == LinkWhen::StartedInPeriod || link.when == LinkWhen::OpenDuringPeriod ||
         link.when == LinkWhen::OpenAtPeriodEnd) && cq->periods.empty())
      throw QueryError(part + ": '" + LinkWhenName(link.when) + "' needs the query to have periods");
    cq->links.push_back(detail::BuildLinkIndex(*cq, *other, link, part));
  }

  // Dimensions.
  if (query.group_by.size() > kMaxDimensions)
    throw QueryError("group by: at most " + std::to_string(kMaxDimensions) + " dimensions, got " +
                     std::to_string(query.group_by.size()));
  for (const Dimension& d : query.group_by) {
    cq->dims.push_back(CompileDimension(*cq, *table, name, roles, d));
    if (d.kind == DimensionKind::DurationBand) cq->need_duration = true;
  }
  cq->strides.assign(cq->dims.size(), 1);
  for (size_t i = cq->dims.size(); i-- > 0;) {
    cq->strides[i] = cq->group_count;
    cq->group_count *= cq->dims[i].cardinality;
    if (cq->group_count > kMaxGroups)
      throw QueryError("group by: " + std::to_string(cq->group_count) + " or more groups; at most " +
                       std::to_string(kMaxGroups) + " (use top-N, or fewer dimensions)");
  }

  // Measures.
  std::vector<Measure> measures = query.measures;
  if (measures.empty()) measures.push_back(Measure{});
  int base_children_slot = -1;
  for (const Measure& m : measures) {
    CompiledMeasure cm;
    cm.spec = m;
    const std::string part = "measure '" + MeasureTitle(m) + "'";
    switch (m.kind) {
      case MeasureKind::Sum:
      case MeasureKind::Mean:
      case MeasureKind::Median:
        cm.source = CompileNumericSource(*table, name, roles, m, part);
        cm.numeric_slot = cq->numeric_slots++;
        if (cm.source.kind == NumericSource::Kind::Duration) cq->need_duration = true;
        break;
      case MeasureKind::Ratio:
        if (m.of_children) {
          cm.distinct_slot = cq->distinct_slots;
          cq->distinct_slots += 2;
        }
        cm.ratio_slot = cq->ratio_slots++;
        cm.num_has_age = CompileFilters(*table, name, roles, m.numerator, part + " numerator", cm.num_rows, cm.num_age, true);
        cm.den_has_age = CompileFilters(*table, name, roles, m.denominator, part + " denominator", cm.den_rows, cm.den_age, true);
        break;
      case MeasureKind::Share:
        if (m.share_of == ShareOf::Row && cq->dims.empty())
          throw QueryError(part + ": share of row needs at least one group-by dimension");
        if (m.share_of == ShareOf::Column && cq->dims.size() < 2)
          throw QueryError(part + ": share of column needs at least two group-by dimensions");
        [[fallthrough]];
      default:
        if (m.kind == MeasureKind::Children || m.of_children) {
          if (base_children_slot < 0) base_children_slot = cq->distinct_slots++;
          cm.distinct_slot = base_children_slot;
        }
        break;
    }
    cq->measures.push_back(std::move(cm));
  }
  if (std::any_of(measures.begin(), measures.end(), [](const Measure& m) { return m.kind == MeasureKind::Rate10k; }))
    detail::LoadPopulation(*cq, catalog);

  ExcludeUnreadable(*cq, *table);
  if (query.only_flagged) {
    // Only rows the quality check flagged: an ordinary code filter on the flag column, so
    // every execution path counts them alike.
    if (!entry->rules.flagged) throw QueryError("table '" + entry->name + "' has no flagged records");
    RowPredicate p;
    p.kind = RowPredicate::Kind::CodeLut;
    p.null_passes = false;
    p.column = entry->rules.flagged.get();
    p.lut.assign(entry->rules.flagged->dictionary()->size(), 1);
    cq->row_predicates.push_back(std::move(p));
  }
  BuildDateTables(*cq);
  if (query.cell_key_seed) {
    // Only the keys the measures' counts need: episode-based counts sum row keys, distinct
    // children sum child keys (at finalize, over each group's set of children).
    bool episode_based = false;
    for (const CompiledMeasure& m : cq->measures) episode_based |= m.distinct_slot < 0;
    if (episode_based) cq->row_keys = RowKeysOf(*cq, *query.cell_key_seed);
    if (cq->distinct_slots > 0) cq->child_keys = ChildKeysOf(*cq, *query.cell_key_seed);
  }
  return cq;
}

}  // namespace csc
