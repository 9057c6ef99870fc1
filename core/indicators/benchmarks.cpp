#include "indicators/benchmarks.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "indicators/rag.hpp"
#include "ingest/csv_loader.hpp"
#include "util/text.hpp"

namespace csc {

std::string FormatComparator(const ComparatorValue& v, int decimals) {
  if (!v.value) return v.status.empty() ? "missing" : v.status;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, RoundTo(*v.value, decimals));
  return buf;
}

const BenchmarkRow* BenchmarkYear::England() const {
  for (const auto& r : rows)
    if (r.level == "National") return &r;
  return nullptr;
}

const BenchmarkRow* BenchmarkYear::Region(const std::string& region_code) const {
  for (const auto& r : rows)
    if (r.level == "Regional" && r.region_code == region_code) return &r;
  return nullptr;
}

const BenchmarkRow* BenchmarkYear::La(const std::string& code_or_name) const {
  for (const auto& r : rows)
    if (r.level == "Local authority" &&
        (r.la_code == code_or_name || r.new_la_code == code_or_name || EqualsIgnoreCase(r.la_name, code_or_name)))
      return &r;
  return nullptr;
}

std::vector<const BenchmarkRow*> BenchmarkYear::Las() const {
  std::vector<const BenchmarkRow*> out;
  for (const auto& r : rows)
    if (r.level == "Local authority") out.push_back(&r);
  return out;
}

BenchmarkStore::BenchmarkStore(std::string ees_dir) : m_dir(std::move(ees_dir)) {}

TablePtr BenchmarkStore::LoadTable(const std::string& file) {
  std::lock_guard lock(m_mutex);
  auto it = m_tables.find(file);
  if (it != m_tables.end()) return it->second;
  try {
    TablePtr t = LoadCsvFile(m_dir + "/" + file).table;
    m_tables[file] = t;
    return t;
  } catch (const std::exception& e) {
    throw BenchmarkError(std::string("benchmark file ") + file + ": " + e.what());
  }
}

namespace {

const Column& Need(const Table& t, const std::string& file, const std::string& name) {
  const Column* c = t.ColumnByName(name);
  if (!c) {
    std::string names;
    for (const auto& n : t.column_names()) names += (names.empty() ? "" : ", ") + n;
    throw BenchmarkError("benchmark file " + file + ": no column '" + name + "'; columns: " + names);
  }
  return *c;
}

std::string Cell(const Column* c, size_t row) { return c ? c->FormatCell(row) : std::string(); }

}  // namespace

BenchmarkYear BenchmarkStore::Get(const BenchmarkSpec& spec, int time_period) {
  if (spec.per_10k_of) return GetRate(spec, time_period);
  return GetValues(spec, time_period);
}

BenchmarkYear BenchmarkStore::GetRate(const BenchmarkSpec& spec, int time_period) {
  BenchmarkSpec counts = spec;
  counts.per_10k_of.reset();
  BenchmarkSpec pop;
  pop.file = spec.per_10k_of->file;
  pop.column = spec.per_10k_of->column;
  pop.where = spec.per_10k_of->where;
  BenchmarkYear out = GetValues(counts, time_period);
  const BenchmarkYear people = GetValues(pop, time_period + spec.per_10k_of->year_offset);
  for (BenchmarkRow& row : out.rows) {
    const BenchmarkRow* p = nullptr;
    if (row.level == "National") p = people.England();
    else if (row.level == "Regional") p = people.Region(row.region_code);
    else if (row.level == "Local authority") p = people.La(row.la_code.empty() ? row.la_name : row.la_code);
    if (!row.value.value) continue;  // a suppressed count keeps its status
    if (!p || !p->value.value || *p->value.value <= 0) {
      row.value = {std::nullopt, "missing"};
      continue;
    }
    row.value.value = *row.value.value / *p->value.value * 10000;
  }
  return out;
}

BenchmarkYear BenchmarkStore::GetValues(const BenchmarkSpec& spec, int time_period) {
  const TablePtr table = LoadTable(spec.file);
  const Table& t = *table;
  const Column& period = Need(t, spec.file, "time_period");
  const Column& level = Need(t, spec.file, "geographic_level");
  const Column& value = Need(t, spec.file, spec.column);
  std::vector<std::pair<const Column*, std::string>> filters;
  for (const auto& [col, want] : spec.where) filters.push_back({&Need(t, spec.file, col), want});
  const Column* region_code = t.ColumnByName("region_code");
  const Column* region_name = t.ColumnByName("region_name");
  const Column* old_code = t.ColumnByName("old_la_code");
  const Column* new_code = t.ColumnByName("new_la_code");
  const Column* la_name = t.ColumnByName("la_name");
  BenchmarkYear out;
  out.time_period = time_period;
  for (size_t r = 0; r < t.num_rows(); ++r) {
    if (!period.IsValid(r) || period.GetInt(r) != time_period) continue;
    bool keep = true;
    for (const auto& [col, want] : filters) keep = keep && col->FormatCell(r) == want;
    if (!keep) continue;
    BenchmarkRow row;
    row.level = level.FormatCell(r);
    row.region_code = Cell(region_code, r);
    row.region_name = Cell(region_name, r);
    row.la_code = Cell(old_code, r);
    row.new_la_code = Cell(new_code, r);
    row.la_name = Cell(la_name, r);
    if (value.IsValid(r)) row.value.value = value.GetDouble(r);
    else row.value.status = value.StatusSymbol(r).empty() ? "missing" : std::string(value.StatusSymbol(r));
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::vector<int> BenchmarkStore::Years(const BenchmarkSpec& spec) {
  const TablePtr table = LoadTable(spec.file);
  const Column& period = Need(*table, spec.file, "time_period");
  std::set<int> years;
  for (size_t r = 0; r < table->num_rows(); ++r)
    if (period.IsValid(r)) years.insert(static_cast<int>(period.GetInt(r)));
  return {years.begin(), years.end()};
}

std::vector<std::string> SnVintages() { return {"2021", "2025"}; }

SnGrouping LoadSnGrouping(const std::string& reference_dir, const std::string& vintage) {
  // The two DfE releases name their columns differently (2021: "LA num", SN1..SN10;
  // 2025: old_la_code, SN_1..SN_10).
  SnGrouping g;
  g.vintage = vintage;
  std::string code_col, prefix;
  if (vintage == "2021") {
    g.source = reference_dir + "/New_Statistical_Neighbour_Groupings_April_2021.csv";
    code_col = "LA num";
    prefix = "SN";
  } else if (vintage == "2025") {
    g.source = reference_dir + "/sn_model_2025_wide.csv";
    code_col = "old_la_code";
    prefix = "SN_";
  } else {
    throw BenchmarkError("statistical neighbours: unknown vintage '" + vintage + "'; valid: 2021, 2025");
  }
  TablePtr t;
  try {
    t = LoadCsvFile(g.source).table;
  } catch (const std::exception& e) {
    throw BenchmarkError(std::string("statistical neighbours: ") + e.what());
  }
  const Column& code = Need(*t, g.source, code_col);
  std::vector<const Column*> sn;
  for (int i = 1; i <= 10; ++i) sn.push_back(&Need(*t, g.source, prefix + std::to_string(i)));
  for (size_t r = 0; r < t->num_rows(); ++r) {
    auto& list = g.neighbours[code.FormatCell(r)];
    for (const Column* c : sn)
      if (c->IsValid(r)) list.push_back(c->FormatCell(r));
  }
  return g;
}

RankBand RankAmongLas(const BenchmarkYear& year, const std::string& la_code, double value, Polarity polarity) {
  const BenchmarkRow* own = year.La(la_code);
  RankBand out;
  int better = 0, n = 1;
  for (const BenchmarkRow* r : year.Las()) {
    if (r == own || !r->value.value) continue;
    ++n;
    const double v = *r->value.value;
    better += polarity == Polarity::LowerIsBetter ? v < value : v > value;
  }
  out.rank = better + 1;
  out.of = n;
  // A band reads as "best" to "worst": an indicator with no better direction gets none.
  if (polarity != Polarity::None) out.quartile = static_cast<char>('A' + std::min(3, (better * 4) / n));
  return out;
}

Comparison Compare(const BenchmarkYear& year, const SnGrouping& sn, const std::string& la_code, Polarity polarity,
                   std::optional<double> own_value) {
  Comparison c;
  c.time_period = year.time_period;
  c.sn_vintage = sn.vintage;
  c.england = year.England() ? year.England()->value : ComparatorValue{std::nullopt, "missing"};
  const BenchmarkRow* own = year.La(la_code);
  c.la = own ? own->value : ComparatorValue{std::nullopt, "missing"};
  c.region = {std::nullopt, "missing"};
  if (own) {
    c.la_name = own->la_name;
    if (const BenchmarkRow* reg = year.Region(own->region_code)) {
      c.region = reg->value;
      c.region_name = reg->region_name;
    }
  }
  const std::string code = own ? own->la_code : la_code;
  std::vector<double> values;
  if (auto it = sn.neighbours.find(code); it != sn.neighbours.end()) {
    for (const std::string& n : it->second) {
      const BenchmarkRow* r = year.La(n);
      c.neighbours.push_back({r ? r->la_name : n, r ? r->value : ComparatorValue{std::nullopt, "missing"}});
      if (r && r->value.value) values.push_back(*r->value.value);
    }
  }
  c.sn_with_data = static_cast<int>(values.size());
  if (!values.empty()) {
    double sum = 0;
    for (double v : values) sum += v;
    c.sn_mean = sum / static_cast<double>(values.size());
    std::sort(values.begin(), values.end());
    const size_t m = values.size() / 2;
    c.sn_median = values.size() % 2 ? values[m] : (values[m - 1] + values[m]) / 2;
  }
  const std::optional<double> ranked = own_value ? own_value : c.la.value;
  if (ranked) c.rank = RankAmongLas(year, code, *ranked, polarity);
  return c;
}

}  // namespace csc
