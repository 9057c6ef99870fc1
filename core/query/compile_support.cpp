#include "query/compile_support.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

#include "time/periods.hpp"

namespace csc::detail {

namespace {

const std::vector<std::vector<std::string>> kRoleNames = {
    {"child_id", "child", "child unique id", "childid"},
    // assessment_start before referral_date: an assessment row carries its referral's date too;
    // review_date before plan_start: a CP review row carries its plan's start too.
    {"review_date", "s47_start", "plan_start", "episode_start", "assessment_start", "referral_date", "missing_start", "decision_date", "start_date",
     "start", "decom", "mis_start"},
    {"plan_end", "episode_end", "assessment_end", "resolved_date", "closure_date", "missing_end", "adoption_date",
     "icpc_date", "end_date", "end", "dec", "mis_end"},
    {"dob", "date_of_birth", "date of birth"},
    {"sex", "gender"},
    {"ward"},
    {"ethnicity", "ethnic"},
};

std::string* RoleField(EventColumns& c, size_t i) {
  std::string* fields[] = {&c.child, &c.start, &c.end, &c.dob, &c.sex, &c.ward, &c.ethnicity};
  return fields[i];
}

std::optional<int64_t> ParseIntValue(const Column& col, const std::string& v) {
  if (col.type() == ColumnType::Date) {
    const auto d = ParseIsoDate(v);
    return d ? std::optional<int64_t>(*d) : std::nullopt;
  }
  if (col.type() == ColumnType::Bool) {
    const std::string l = Lower(v);
    if (l == "y" || l == "yes" || l == "true" || l == "1") return 1;
    if (l == "n" || l == "no" || l == "false" || l == "0") return 0;
    return std::nullopt;
  }
  int64_t x = 0;
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || ptr != v.data() + v.size()) return std::nullopt;
  return x;
}

}  // namespace

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string ListValid(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::string out;
  const size_t shown = std::min<size_t>(values.size(), 30);
  for (size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + values[i];
  if (values.size() > shown) out += " ... and " + std::to_string(values.size() - shown) + " more";
  return out.empty() ? "(none)" : out;
}

std::string Describe(const Filter& f) {
  auto list = [&] {
    std::string s;
    for (const auto& v : f.values) s += (s.empty() ? "" : ",") + v;
    if (f.match_null) s += std::string(s.empty() ? "" : ",") + "null";
    return "(" + s + ")";
  };
  auto num = [](const std::optional<double>& v) {
    if (!v) return std::string();
    return *v == std::floor(*v) && std::fabs(*v) < 1e15 ? std::to_string(static_cast<int64_t>(*v)) : std::to_string(*v);
  };
  switch (f.kind) {
    case FilterKind::In: return f.column + " in " + list();
    case FilterKind::NotIn: return f.column + " not in " + list();
    case FilterKind::Range: return f.column + " " + num(f.lo) + ".." + num(f.hi);
    case FilterKind::Age: return "age " + num(f.lo) + ".." + num(f.hi);
    default: return "age in " + list();
  }
}

EventColumns ResolveRoles(const Table& table, const EventColumns& given) {
  EventColumns out = given;
  for (size_t i = 0; i < kRoleNames.size(); ++i) {
    std::string* field = RoleField(out, i);
    if (!field->empty()) continue;
    for (const std::string& candidate : kRoleNames[i]) {
      if (const auto idx = table.FindColumn(candidate)) {
        *field = table.column_name(*idx);
        break;
      }
    }
  }
  return out;
}

size_t ResolveColumnIndex(const Table& table, const std::string& table_name, const EventColumns& roles,
                          const std::string& column, const std::string& part) {
  if (const auto idx = table.FindColumn(column)) return *idx;
  const std::string l = Lower(column);
  const char* role_names[] = {"child", "start", "end", "dob", "sex", "ward", "ethnicity"};
  EventColumns copy = roles;
  for (size_t i = 0; i < 7; ++i)
    if (l == role_names[i] && !RoleField(copy, i)->empty())
      if (const auto idx = table.FindColumn(*RoleField(copy, i))) return *idx;
  if (const auto idx = table.FindColumn("latest_" + column)) return *idx;
  throw QueryError(part + ": unknown column '" + column + "' in " + table_name +
                   "; valid columns: " + ListValid(table.column_names()));
}

const Column& ResolveColumn(const Table& table, const std::string& table_name, const EventColumns& roles,
                            const std::string& column, const std::string& part) {
  return table.column(ResolveColumnIndex(table, table_name, roles, column, part));
}

std::string ResolvedName(const Table& table, const EventColumns& roles, const std::string& column) {
  return table.column_name(ResolveColumnIndex(table, "", roles, column, ""));
}

const Column& RoleColumn(const Table& table, const std::string& table_name, const std::string& column,
                         const std::string& role_title, const std::string& role_name) {
  if (!column.empty())
    if (const Column* c = table.ColumnByName(column)) return *c;
  throw QueryError("no " + role_title + " column in " + table_name +
                   (column.empty() ? std::string() : " (looked for '" + column + "')") + "; set the " + role_name +
                   " role to one of: " + ListValid(table.column_names()));
}

const Column* OptionalRoleColumn(const Table& table, const std::string& column) {
  return column.empty() ? nullptr : table.ColumnByName(column);
}

RowPredicate CompilePredicate(const Column& col, const Filter& f, const std::string& part) {
  RowPredicate p;
  p.column = &col;
  if (f.kind == FilterKind::Range) {
    p.null_passes = false;
    if (col.dictionary())
      throw QueryError(part + ": '" + f.column + "' holds text; filter it with in (...) instead of a range");
    if (col.type() == ColumnType::Decimal) {
      p.kind = RowPredicate::Kind::DoubleRange;
      p.dlo = f.lo ? *f.lo : -std::numeric_limits<double>::infinity();
      p.dhi = f.hi ? *f.hi : std::numeric_limits<double>::infinity();
    } else {
      p.kind = RowPredicate::Kind::IntRange;
      // A bound beyond int64 cannot be cast (undefined; in practice INT64_MIN, so '>= 1e30'
      // selected every row): such a lower bound admits nothing, such an upper bound everything.
      constexpr double kTwo63 = 9223372036854775808.0;
      constexpr int64_t kMin = std::numeric_limits<int64_t>::min(), kMax = std::numeric_limits<int64_t>::max();
      auto lower = [&](double v) {
        const double c = std::ceil(v);
        return c >= kTwo63 ? kMax : c < -kTwo63 ? kMin : static_cast<int64_t>(c);
      };
      auto upper = [&](double v) {
        const double c = std::floor(v);
        return c >= kTwo63 ? kMax : c < -kTwo63 ? kMin : static_cast<int64_t>(c);
      };
      p.lo = f.lo ? lower(*f.lo) : kMin;
      p.hi = f.hi ? upper(*f.hi) : kMax;
      if (f.lo && std::ceil(*f.lo) >= kTwo63) p.lo = kMax, p.hi = kMin;  // nothing is that large
      if (f.hi && std::floor(*f.hi) < -kTwo63) p.lo = kMax, p.hi = kMin;  // nothing is that small
    }
    return p;
  }
  const bool in = f.kind == FilterKind::In;
  p.null_passes = in ? f.match_null : !f.match_null;
  if (const StringDictionary* dict = col.dictionary()) {
    p.kind = RowPredicate::Kind::CodeLut;
    p.lut.assign(dict->size(), in ? 0 : 1);
    for (const std::string& v : f.values) {
      const auto code = dict->Find(v);
      if (!code) {
        std::vector<std::string> valid;
        for (uint32_t c = 0; c < dict->size(); ++c) valid.emplace_back(dict->Get(c));
        valid.emplace_back("null");
        throw QueryError(part + ": unknown value '" + v + "' for column '" + f.column + "'; valid values: " + ListValid(valid));
      }
      p.lut[*code] = in ? 1 : 0;
    }
    if (p.lut.empty()) p.lut.push_back(0);  // an all-null column: code 0 is never tested, but keep it addressable
    return p;
  }
  if (col.type() == ColumnType::Decimal || col.type() == ColumnType::DateTime)
    throw QueryError(part + ": '" + f.column + "' holds " + std::string(ToString(col.type())) +
                     " values; filter it with a range (lo..hi) instead of in (...)");
  std::vector<int64_t> values;
  for (const std::string& v : f.values) {
    const auto x = ParseIntValue(col, v);
    if (!x)
      throw QueryError(part + ": '" + v + "' is not a valid " + std::string(ToString(col.type())) + " value for column '" +
                       f.column + "'" + (col.type() == ColumnType::Date ? " (dates are yyyy-mm-dd)" : col.type() == ColumnType::Bool ? " (use Y or N)" : ""));
    values.push_back(*x);
  }
  p.kind = RowPredicate::Kind::IntLut;
  p.outside_passes = !in;
  if (values.empty()) return p;
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  if (*hi - *lo > 1'000'000) throw QueryError(part + ": the listed values are too far apart; use ranges");
  p.base = *lo;
  p.lut.assign(static_cast<size_t>(*hi - *lo + 1), in ? 0 : 1);
  for (int64_t v : values) p.lut[static_cast<size_t>(v - p.base)] = in ? 1 : 0;
  return p;
}

std::vector<std::string> EthnicityGroupLabels() {
  return {"White", "Mixed", "Asian", "Black", "Chinese", "Other", "Refused", "Not obtained", "Unknown"};
}

uint32_t EthnicityGroupOf(std::string_view code) {
  std::string c;
  for (char ch : code)
    if (ch != ' ') c.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
  if (c == "CHNE") return 4;
  if (c == "OOTH") return 5;
  if (c == "REFU") return 6;
  if (c == "NOBT") return 7;
  if (c.size() == 4) {
    switch (c[0]) {
      case 'W': return 0;
      case 'M': return 1;
      case 'A': return 2;
      case 'B': return 3;
      default: break;
    }
  }
  return 8;
}

LinkIndex BuildLinkIndex(const CompiledQuery& cq, const Table& other, const Link& link, const std::string& part) {
  LinkIndex index;
  index.when = link.when;
  index.present = link.present;
  const EventColumns roles = ResolveRoles(other, link.columns);
  const Column& child = RoleColumn(other, link.table, roles.child, "child id", "child");
  if (!child.dictionary()) throw QueryError(part + ": the child id column must be text");
  const Column* start = link.when == LinkWhen::Ever ? OptionalRoleColumn(other, roles.start)
                                                    : &RoleColumn(other, link.table, roles.start, "start date", "start");
  const Column* end = OptionalRoleColumn(other, roles.end);
  std::vector<RowPredicate> preds;
  for (const Filter& f : link.filters) {
    if (f.kind == FilterKind::Age || f.kind == FilterKind::AgeBand)
      throw QueryError(part + ": age filters are not supported on a linked table");
    preds.push_back(CompilePredicate(ResolveColumn(other, link.table, roles, f.column, part), f, part + " filter"));
  }
  // The other table's child codes -> this table's child codes, once per dictionary entry.
  const StringDictionary& mine = *cq.child->dictionary();
  const StringDictionary& theirs = *child.dictionary();
  std::vector<uint32_t> translate(theirs.size());
  for (uint32_t c = 0; c < theirs.size(); ++c) translate[c] = mine.Find(theirs.Get(c)).value_or(UINT32_MAX);
  std::vector<uint32_t> row_child(other.num_rows(), UINT32_MAX);
  index.offsets.assign(static_cast<size_t>(cq.child_count) + 1, 0);
  for (size_t r = 0; r < other.num_rows(); ++r) {
    if (!child.IsValid(r)) continue;
    const uint32_t c = translate[child.GetCode(r)];
    if (c == UINT32_MAX) continue;
    if (!std::all_of(preds.begin(), preds.end(), [&](const RowPredicate& p) { return p.Test(r); })) continue;
    row_child[r] = c;
    ++index.offsets[c + 1];
  }
  for (size_t c = 0; c < cq.child_count; ++c) index.offsets[c + 1] += index.offsets[c];
  index.starts.resize(index.offsets.back());
  index.ends.resize(index.offsets.back());
  std::vector<uint32_t> fill(index.offsets.begin(), index.offsets.end() - 1);
  for (size_t r = 0; r < other.num_rows(); ++r) {
    if (row_child[r] == UINT32_MAX) continue;
    const uint32_t at = fill[row_child[r]]++;
    index.starts[at] = start && start->IsValid(r) ? static_cast<int32_t>(start->GetInt(r)) : kNoDate;
    index.ends[at] = end && end->IsValid(r) ? static_cast<int32_t>(end->GetInt(r)) : kNoDate;
  }
  return index;
}

void LoadPopulation(CompiledQuery& cq, const Catalog& catalog) {
  const PopulationColumns& pc = cq.query.population;
  const Table* pop = catalog.Find(pc.table);
  if (!pop)
    throw QueryError("measure 'rate10k': needs a population table named '" + pc.table +
                     "' (columns year, ward, age, sex, population); loaded tables: " + catalog.Names());
  auto need = [&](const std::string& name) -> const Column& {
    const Column* c = pop->ColumnByName(name);
    if (!c) throw QueryError("population table: no column '" + name + "'; columns: " + ListValid(pop->column_names()));
    return *c;
  };
  const Column& year = need(pc.year);
  const Column& age = need(pc.age);
  const Column& count = need(pc.count);
  const Column* ward = pop->ColumnByName(pc.ward);
  const Column* sex = pop->ColumnByName(pc.sex);
  bool by_period = false;
  for (const auto& d : cq.dims) {
    by_period |= d.kind == DimensionKind::Period;
    if (d.is_ward && !ward) throw QueryError("measure 'rate10k': grouping by ward needs a ward column in the population table");
    if (d.is_sex && !sex) throw QueryError("measure 'rate10k': grouping by sex needs a sex column in the population table");
  }
  if (!by_period && cq.periods.size() != 1)
    throw QueryError("measure 'rate10k': needs exactly one period, or 'period' in the group-by, to pick the population year");
  for (size_t r = 0; r < pop->num_rows(); ++r) {
    if (!year.IsValid(r) || !age.IsValid(r) || !count.IsValid(r)) continue;
    cq.population.push_back({static_cast<int>(year.GetInt(r)), static_cast<int>(age.GetInt(r)),
                             ward ? ward->FormatCell(r) : std::string(), sex ? sex->FormatCell(r) : std::string(),
                             count.GetDouble(r)});
  }
  // Filters on the sex and ward roles narrow the denominator as they narrow the count.
  for (const Filter& f : cq.query.filters) {
    if (f.kind != FilterKind::In && f.kind != FilterKind::NotIn) continue;
    const std::string name = ResolvedName(*cq.table, cq.query.columns, f.column);
    if (name == cq.query.columns.sex) cq.sex_filters.push_back(f);
    if (name == cq.query.columns.ward) cq.ward_filters.push_back(f);
  }
}

}  // namespace csc::detail

namespace csc {

bool RowPredicate::Test(size_t row) const {
  if (!column->IsValid(row)) return null_passes;
  switch (kind) {
    case Kind::CodeLut: return lut[column->GetCode(row)] != 0;
    case Kind::IntLut: {
      const int64_t v = column->GetInt(row) - base;
      return v >= 0 && static_cast<size_t>(v) < lut.size() ? lut[static_cast<size_t>(v)] != 0 : outside_passes;
    }
    case Kind::IntRange: {
      const int64_t v = column->GetInt(row);
      return v >= lo && v <= hi;
    }
    default: {
      const double v = column->GetDouble(row);
      return v >= dlo && v <= dhi;
    }
  }
}

}  // namespace csc
