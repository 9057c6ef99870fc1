#include "query/period_compare.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace csc {

namespace {

constexpr const char* kPeriod = "period";

// Counts are 0 where the engine emitted no group; other measures have no value there.
bool CountsZeroWhenAbsent(const std::string& measure) {
  return measure == "episodes" || measure == "children" || measure.rfind("sum ", 0) == 0;
}

struct Cell {
  std::optional<double> value;
  bool withheld = false;
};

}  // namespace

std::vector<std::string> PeriodsOf(const QueryResult& r) {
  const auto it = std::find(r.dimensions.begin(), r.dimensions.end(), kPeriod);
  if (it == r.dimensions.end()) return {};
  const size_t p = static_cast<size_t>(it - r.dimensions.begin());
  std::vector<std::string> periods;
  for (const auto& row : r.rows)
    if (p < row.keys.size() && std::find(periods.begin(), periods.end(), row.keys[p]) == periods.end())
      periods.push_back(row.keys[p]);
  return periods;
}

std::optional<PeriodComparison> ComparePeriods(const QueryResult& r, size_t measure, const std::string& base_period,
                                               const std::string& current_period,
                                               const std::vector<std::vector<bool>>* withheld) {
  const auto it = std::find(r.dimensions.begin(), r.dimensions.end(), kPeriod);
  if (it == r.dimensions.end() || measure >= r.measures.size()) return std::nullopt;
  const std::vector<std::string> periods = PeriodsOf(r);
  const auto has = [&](const std::string& p) { return std::find(periods.begin(), periods.end(), p) != periods.end(); };
  if (!has(base_period) || !has(current_period)) return std::nullopt;
  const size_t p = static_cast<size_t>(it - r.dimensions.begin());

  PeriodComparison out;
  out.measure = r.measures[measure];
  out.base_period = base_period;
  out.current_period = current_period;
  for (size_t d = 0; d < r.dimensions.size(); ++d)
    if (d != p) out.dimensions.push_back(r.dimensions[d]);

  // Each group of the other dimensions, in the order first met, with its two cells.
  std::map<std::vector<std::string>, size_t> index;
  std::vector<std::vector<std::string>> groups;
  std::vector<std::pair<std::optional<Cell>, std::optional<Cell>>> cells;
  for (size_t i = 0; i < r.rows.size(); ++i) {
    const auto& row = r.rows[i];
    if (p >= row.keys.size()) continue;
    const std::string& period = row.keys[p];
    if (period != base_period && period != current_period) continue;
    std::vector<std::string> keys;
    for (size_t d = 0; d < row.keys.size(); ++d)
      if (d != p) keys.push_back(row.keys[d]);
    auto [at, added] = index.emplace(keys, groups.size());
    if (added) groups.push_back(keys), cells.emplace_back();
    Cell cell;
    cell.value = measure < row.values.size() ? row.values[measure] : std::nullopt;
    cell.withheld = withheld && i < withheld->size() && measure < (*withheld)[i].size() && (*withheld)[i][measure];
    if (cell.withheld) cell.value.reset();  // never carried, whatever the caller left in it
    (period == base_period ? cells[at->second].first : cells[at->second].second) = cell;
  }
  const bool zero = CountsZeroWhenAbsent(out.measure);
  for (size_t g = 0; g < groups.size(); ++g) {
    PeriodComparisonRow row;
    row.keys = groups[g];
    auto fill = [&](const std::optional<Cell>& c, std::optional<double>& value, bool& hidden) {
      if (c) value = c->value, hidden = c->withheld;
      else if (zero) value = 0.0;  // the period has rows, this group none: nothing counted
    };
    fill(cells[g].first, row.base, row.base_withheld);
    fill(cells[g].second, row.current, row.current_withheld);
    if (!row.withheld() && row.base && row.current) {
      row.change = *row.current - *row.base;
      if (*row.base != 0) row.percent = *row.change / std::fabs(*row.base) * 100.0;
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::string FormatComparisonCsv(const PeriodComparison& c) {
  auto field = [](const std::string& v) {
    if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
    std::string q = "\"";
    for (const char ch : v) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
  };
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + field(cells[i]);
    return out + "\n";
  };
  std::vector<std::string> header = c.dimensions;
  header.insert(header.end(), {c.base_period, c.current_period, "change", "% change"});
  std::string out = line(header);
  for (const auto& row : c.rows) {
    std::vector<std::string> cells = row.keys;
    cells.push_back(row.base_withheld ? "c" : FormatMeasureValue(row.base));
    cells.push_back(row.current_withheld ? "c" : FormatMeasureValue(row.current));
    cells.push_back(row.withheld() ? "c" : FormatMeasureValue(row.change));
    cells.push_back(row.withheld() ? "c" : FormatMeasureValue(row.percent));
    out += line(cells);
  }
  return out;
}

}  // namespace csc
