#include "query/pivot.hpp"

#include <map>
#include <stdexcept>

namespace csc {

namespace {

std::optional<double> ValueOf(const QueryResult::Row& row, size_t measure) {
  return measure < row.values.size() ? row.values[measure] : std::nullopt;
}

// Looks up the single-dimension total for each key.
std::vector<std::optional<double>> TotalsFor(const std::vector<std::string>& keys, const QueryResult* totals, size_t measure) {
  std::vector<std::optional<double>> out(keys.size());
  if (!totals || totals->dimensions.size() != 1) return out;
  std::map<std::string, std::optional<double>> by_key;
  for (const auto& row : totals->rows) by_key[row.keys[0]] = ValueOf(row, measure);
  for (size_t i = 0; i < keys.size(); ++i)
    if (auto it = by_key.find(keys[i]); it != by_key.end()) out[i] = it->second;
  return out;
}

}  // namespace

Pivot BuildPivot(const QueryResult& cells, const QueryResult* by_rows, const QueryResult* by_columns,
                 const QueryResult* overall, size_t measure, const std::vector<std::string>* column_order) {
  if (cells.dimensions.size() != 2) throw std::invalid_argument("a pivot needs a result grouped by two dimensions");
  Pivot p;
  p.row_dimension = cells.dimensions[0];
  p.column_dimension = cells.dimensions[1];
  p.measure = measure < cells.measures.size() ? cells.measures[measure] : "";
  std::map<std::string, size_t> row_index, column_index;
  if (column_order)
    for (const auto& key : *column_order)
      if (column_index.emplace(key, p.column_keys.size()).second) p.column_keys.push_back(key);
  for (const auto& row : cells.rows) {
    if (column_order && !column_index.count(row.keys[1])) continue;
    if (row_index.emplace(row.keys[0], p.row_keys.size()).second) p.row_keys.push_back(row.keys[0]);
    if (column_index.emplace(row.keys[1], p.column_keys.size()).second) p.column_keys.push_back(row.keys[1]);
  }
  p.cells.assign(p.row_keys.size(), std::vector<std::optional<double>>(p.column_keys.size()));
  for (const auto& row : cells.rows)
    if (row_index.count(row.keys[0]) && column_index.count(row.keys[1]))
      p.cells[row_index[row.keys[0]]][column_index[row.keys[1]]] = ValueOf(row, measure);
  p.row_totals = TotalsFor(p.row_keys, by_rows, measure);
  p.column_totals = TotalsFor(p.column_keys, by_columns, measure);
  if (overall && overall->dimensions.empty() && overall->rows.size() == 1) p.grand_total = ValueOf(overall->rows[0], measure);
  return p;
}

std::optional<double> PivotShareOf(const Pivot& p, size_t row, size_t column, PivotShare share) {
  const auto& v = p.cells[row][column];
  const auto& total = share == PivotShare::OfRow ? p.row_totals[row] : p.column_totals[column];
  if (share == PivotShare::None || !v || !total || *total == 0) return std::nullopt;
  return 100.0 * *v / *total;
}

std::string FormatPivotTsv(const Pivot& p) {
  std::string s = p.row_dimension + " \\ " + p.column_dimension;
  for (const auto& c : p.column_keys) s += "\t" + c;
  s += "\tTotal\n";
  for (size_t r = 0; r < p.row_keys.size(); ++r) {
    s += p.row_keys[r];
    for (const auto& v : p.cells[r]) s += "\t" + FormatMeasureValue(v);
    s += "\t" + FormatMeasureValue(p.row_totals[r]) + "\n";
  }
  s += "Total";
  for (const auto& v : p.column_totals) s += "\t" + FormatMeasureValue(v);
  s += "\t" + FormatMeasureValue(p.grand_total) + "\n";
  return s;
}

}  // namespace csc
