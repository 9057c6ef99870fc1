#include "query/query_result.hpp"
#include "util/text.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace csc {

std::string FormatMeasureValue(const std::optional<double>& v) {
  if (!v) return "";
  if (std::isfinite(*v) && *v == std::floor(*v) && std::fabs(*v) < 1e15) return std::to_string(static_cast<int64_t>(*v));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4g", *v);
  // %.4g prints 123456.7 as 1.235e+05: use fixed notation for ordinary magnitudes.
  if (std::fabs(*v) >= 1000 && std::fabs(*v) < 1e15) std::snprintf(buf, sizeof buf, "%.1f", *v);
  return buf;
}

std::string FormatAlignedColumns(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& lines,
                                 size_t left_aligned) {
  std::vector<size_t> width(header.size());
  for (size_t c = 0; c < header.size(); ++c) {
    width[c] = header[c].size();
    for (const auto& line : lines) width[c] = std::max(width[c], line[c].size());
  }
  auto emit = [&](const std::vector<std::string>& line) {
    std::string out;
    for (size_t c = 0; c < line.size(); ++c) {
      const std::string pad(width[c] - line[c].size(), ' ');
      out += (c ? "  " : "") + (c < left_aligned ? line[c] + pad : pad + line[c]);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = emit(header);
  for (const auto& line : lines) out += emit(line);
  return out;
}

std::string FormatResultTable(const QueryResult& r) {
  std::vector<std::string> header = r.dimensions;
  header.insert(header.end(), r.measures.begin(), r.measures.end());
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : r.rows) {
    std::vector<std::string> line = row.keys;
    // An answer for a period the data does not cover is "no data", never a blank or a zero.
    for (const auto& v : row.values) line.push_back(r.no_data ? "no data" : FormatMeasureValue(v));
    cells.push_back(std::move(line));
  }
  std::string out = FormatAlignedColumns(header, cells, r.dimensions.size());
  for (const std::string& n : r.notes) out += "note: " + n + "\n";
  return out;
}

std::string FormatResultCsv(const QueryResult& r) {
  std::vector<std::string> header = r.dimensions;
  header.insert(header.end(), r.measures.begin(), r.measures.end());
  std::string out = CsvLine(header);
  for (const auto& row : r.rows) {
    std::vector<std::string> line = row.keys;
    for (const auto& v : row.values) line.push_back(FormatMeasureValue(v));
    out += CsvLine(line);
  }
  return out;
}

std::string FormatResultJson(const QueryResult& r) {
  nlohmann::ordered_json j;
  j["dimensions"] = r.dimensions;
  j["measures"] = r.measures;
  auto rows = nlohmann::ordered_json::array();
  for (const auto& row : r.rows) {
    nlohmann::ordered_json o;
    o["keys"] = row.keys;
    auto values = nlohmann::ordered_json::array();
    for (const auto& v : row.values) values.push_back(v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr));
    o["values"] = values;
    rows.push_back(o);
  }
  j["rows"] = rows;
  j["no_data"] = r.no_data;
  j["notes"] = r.notes;
  j["rows_scanned"] = r.rows_scanned;
  j["units_counted"] = r.units_counted;
  j["seconds"] = r.seconds;
  if (!r.notes.empty()) j["notes"] = r.notes;
  return j.dump(2) + "\n";
}

}  // namespace csc
