#include "privacy/publish_result.hpp"
#include "util/text.hpp"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

namespace csc {

namespace {

bool IsCount(const Measure& m) { return m.kind == MeasureKind::Episodes || m.kind == MeasureKind::Children; }

// The count a derived measure rests on.
MeasureKind BaseOf(const Measure& m) {
  return (m.kind == MeasureKind::Share || m.kind == MeasureKind::Rate10k || m.kind == MeasureKind::Ratio) && m.of_children
             ? MeasureKind::Children
             : MeasureKind::Episodes;
}

std::optional<size_t> FindCount(const std::vector<Measure>& ms, MeasureKind kind) {
  for (size_t i = 0; i < ms.size(); ++i)
    if (ms[i].kind == kind) return i;
  return std::nullopt;
}

// Hidden flags for one count measure over the given result rows.
void ProtectCounts(const QueryResult& r, const std::vector<size_t>& rows, size_t measure, size_t dims,
                   const DisclosureOptions& options, std::vector<std::vector<bool>>& hidden,
                   std::vector<std::vector<std::string>>& text) {
  auto count = [&](size_t row) {
    const auto& v = r.rows[row].values[measure];
    return static_cast<int64_t>(std::llround(v.value_or(0)));
  };
  auto mark = [&](size_t row, const ProtectedTable& t, size_t tr, size_t tc) {
    hidden[row][measure] = t.hidden(tr, tc);
    text[row][measure] = t.Text(tr, tc);
  };
  if (dims == 0) {  // one figure, no total to subtract from
    for (size_t row : rows) mark(row, ProtectList({count(row)}, options), 0, 0);
    return;
  }
  if (dims == 1) {
    std::vector<int64_t> cells;
    for (size_t row : rows) cells.push_back(count(row));
    const ProtectedTable t = ProtectList(cells, options);
    for (size_t i = 0; i < rows.size(); ++i) mark(rows[i], t, 0, i);
    return;
  }
  // The last two keys form the table (the first of three selects the slice).
  std::map<std::string, size_t> row_index, col_index;
  std::vector<std::string> row_keys, col_keys;
  for (size_t row : rows) {
    const auto& k = r.rows[row].keys;
    const std::string& a = k[k.size() - 2];
    const std::string& b = k[k.size() - 1];
    if (row_index.emplace(a, row_keys.size()).second) row_keys.push_back(a);
    if (col_index.emplace(b, col_keys.size()).second) col_keys.push_back(b);
  }
  std::vector<std::vector<int64_t>> cells(row_keys.size(), std::vector<int64_t>(col_keys.size(), 0));
  for (size_t row : rows) {
    const auto& k = r.rows[row].keys;
    cells[row_index[k[k.size() - 2]]][col_index[k[k.size() - 1]]] = count(row);
  }
  const ProtectedTable t = ProtectTable2D(cells, options);
  for (size_t row : rows) {
    const auto& k = r.rows[row].keys;
    mark(row, t, row_index[k[k.size() - 2]], col_index[k[k.size() - 1]]);
  }
}

}  // namespace

size_t AddBaseCounts(Query& query) {
  if (query.measures.empty()) query.measures.push_back(MeasureOf(MeasureKind::Episodes));
  const size_t asked = query.measures.size();
  for (size_t i = 0; i < asked; ++i) {
    if (IsCount(query.measures[i])) continue;
    const MeasureKind base = BaseOf(query.measures[i]);
    if (!FindCount(query.measures, base)) query.measures.push_back(MeasureOf(base));
  }
  return asked;
}

PublishedResult PublishResult(const QueryResult& r, const Query& query, size_t shown_measures,
                              const DisclosureOptions& options) {
  PublishedResult out;
  out.threshold = options.threshold;
  out.round_to = options.round_to;
  out.dimensions = r.dimensions;
  const auto& ms = query.measures.empty() ? std::vector<Measure>{MeasureOf(MeasureKind::Episodes)} : query.measures;
  const size_t n_measures = r.measures.size();
  const size_t dims = r.dimensions.size();
  std::vector<std::vector<bool>> hidden(r.rows.size(), std::vector<bool>(n_measures, false));
  std::vector<std::vector<std::string>> text(r.rows.size(), std::vector<std::string>(n_measures));
  // Slices: all rows, or one per first key when there are three dimensions.
  std::map<std::string, std::vector<size_t>> slices;
  for (size_t i = 0; i < r.rows.size(); ++i) slices[dims == 3 ? r.rows[i].keys[0] : ""].push_back(i);
  for (size_t m = 0; m < n_measures && m < ms.size(); ++m) {
    if (!IsCount(ms[m])) continue;
    for (const auto& [key, rows] : slices) ProtectCounts(r, rows, m, dims, options, hidden, text);
  }
  for (size_t m = 0; m < n_measures && m < ms.size(); ++m) {
    if (IsCount(ms[m])) continue;
    const auto base = FindCount(ms, BaseOf(ms[m]));
    for (size_t i = 0; i < r.rows.size(); ++i) {
      hidden[i][m] = base && hidden[i][*base];
      text[i][m] = hidden[i][m] ? "c" : FormatMeasureValue(r.rows[i].values[m]);
    }
  }
  const size_t shown = std::min(shown_measures, n_measures);
  out.measures.assign(r.measures.begin(), r.measures.begin() + static_cast<long>(shown));
  for (size_t i = 0; i < r.rows.size(); ++i) {
    PublishedResult::Row row;
    row.keys = r.rows[i].keys;
    for (size_t m = 0; m < shown; ++m) {
      row.cells.push_back(text[i][m]);
      out.hidden += hidden[i][m];
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::string FormatPublishedTable(const PublishedResult& r) {
  std::vector<std::string> header = r.dimensions;
  header.insert(header.end(), r.measures.begin(), r.measures.end());
  std::vector<std::vector<std::string>> lines;
  for (const auto& row : r.rows) {
    std::vector<std::string> line = row.keys;
    line.insert(line.end(), row.cells.begin(), row.cells.end());
    lines.push_back(std::move(line));
  }
  std::string out = FormatAlignedColumns(header, lines, r.dimensions.size());
  out += "Publication-safe: counts 1-" + std::to_string(r.threshold) + " and cells that would reveal them shown as c" +
         (r.round_to > 1 ? "; counts rounded to the nearest " + std::to_string(r.round_to) : std::string()) + "\n";
  return out;
}

std::string FormatPublishedCsv(const PublishedResult& r) {
  std::vector<std::string> header = r.dimensions;
  header.insert(header.end(), r.measures.begin(), r.measures.end());
  std::string out = CsvLine(header);
  for (const auto& row : r.rows) {
    std::vector<std::string> line = row.keys;
    line.insert(line.end(), row.cells.begin(), row.cells.end());
    out += CsvLine(line);
  }
  return out;
}

std::string FormatPublishedJson(const PublishedResult& r) {
  nlohmann::ordered_json j;
  j["dimensions"] = r.dimensions;
  j["measures"] = r.measures;
  auto rows = nlohmann::ordered_json::array();
  for (const auto& row : r.rows) rows.push_back({{"keys", row.keys}, {"cells", row.cells}});
  j["rows"] = rows;
  j["suppressed_cells"] = r.hidden;
  j["threshold"] = r.threshold;
  j["round_to"] = r.round_to;
  return j.dump(2) + "\n";
}

}  // namespace csc
