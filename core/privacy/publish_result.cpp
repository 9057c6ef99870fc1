#include "privacy/publish_result.hpp"
#include "util/text.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace csc {

namespace {

std::optional<double> Perturbed(double count, uint32_t key, const DisclosureOptions& options) {
  const auto p = PerturbCount(std::llround(count), key, options);
  if (!p) return std::nullopt;
  return static_cast<double>(*p);
}

bool Small(double count, const DisclosureOptions& options) {
  const int64_t n = std::llround(count);
  return n >= 1 && n <= options.threshold;
}

bool Withheld(const Measure& m, const CellCounts& c, const DisclosureOptions& options) {
  switch (m.kind) {
    case MeasureKind::Sum: return true;
    case MeasureKind::Share:
    case MeasureKind::Ratio: return Small(c.count, options) || Small(c.other, options);
    default: return Small(c.count, options);
  }
}

}  // namespace

size_t PrepareForPublication(Query& query, uint64_t seed) {
  if (query.measures.empty()) query.measures.push_back(MeasureOf(MeasureKind::Episodes));
  query.cell_key_seed = seed;
  return query.measures.size();
}

std::optional<double> PublishedValue(const Measure& m, const std::optional<double>& exact, const CellCounts& c,
                                     const DisclosureOptions& options) {
  const std::optional<double> count = Perturbed(c.count, c.key, options);
  switch (m.kind) {
    case MeasureKind::Episodes:
    case MeasureKind::Children: return count;
    case MeasureKind::Sum: return std::nullopt;
    case MeasureKind::Mean:
    case MeasureKind::Median: return count ? exact : std::nullopt;
    case MeasureKind::Share: {
      const std::optional<double> total = Perturbed(c.other, c.other_key, options);
      if (!count || !total || *total <= 0) return std::nullopt;
      return 100.0 * *count / *total;
    }
    case MeasureKind::Rate10k:
      if (!count || c.other <= 0) return std::nullopt;
      return *count * 10000.0 / c.other;
    default: {
      const std::optional<double> den = Perturbed(c.other, c.other_key, options);
      if (!count || !den || *den <= 0) return std::nullopt;
      return 100.0 * *count / *den;
    }
  }
}

PublishedResult PublishResult(const QueryResult& r, const Query& query, const DisclosureOptions& options) {
  if (!query.cell_key_seed) throw std::logic_error("PublishResult: the query was not prepared for publication");
  PublishedResult out;
  out.threshold = options.threshold;
  out.round_to = options.round_to;
  out.dimensions = r.dimensions;
  out.measures = r.measures;
  const auto& ms = query.measures;
  if (r.cells.size() != r.rows.size() || ms.size() != r.measures.size())
    throw std::logic_error("PublishResult: the result carries no cell keys");
  for (size_t i = 0; i < r.rows.size(); ++i) {
    const auto& in = r.rows[i];
    const auto& cells = r.cells[i];
    if (cells.size() != ms.size()) throw std::logic_error("PublishResult: the result carries no cell keys");
    PublishedResult::Row row;
    row.keys = in.keys;
    for (size_t m = 0; m < ms.size(); ++m) {
      const std::optional<double> v = PublishedValue(ms[m], in.values[m], cells[m], options);
      // "c" when a count it rests on is withheld; blank when there is nothing to compute
      // (no population, a total or denominator of 0, no values to average), as unprotected.
      const bool withheld = Withheld(ms[m], cells[m], options);
      row.cells.push_back(withheld ? "c" : v ? FormatMeasureValue(v) : "");
      out.hidden += withheld;
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::string PublicationFootnote(const DisclosureOptions& o) {
  return "Publication-safe (cell-key method): counts 1-" + std::to_string(o.threshold) +
         " shown as c, other counts perturbed by a few" +
         (o.round_to > 1 ? ", then rounded to the nearest " + std::to_string(o.round_to) : std::string()) +
         "; rates and shares from the perturbed counts; " + kProtectedFootnote;
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
  out += PublicationFootnote({r.threshold, r.round_to}) + "\n";
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
  out += "# " + PublicationFootnote({r.threshold, r.round_to}) + "\n";
  return out;
}

std::string FormatPublishedJson(const PublishedResult& r) {
  nlohmann::ordered_json j;
  j["dimensions"] = r.dimensions;
  j["measures"] = r.measures;
  auto rows = nlohmann::ordered_json::array();
  for (const auto& row : r.rows) rows.push_back({{"keys", row.keys}, {"cells", row.cells}});
  j["rows"] = rows;
  j["withheld_cells"] = r.hidden;
  j["method"] = "cell-key";
  j["threshold"] = r.threshold;
  j["round_to"] = r.round_to;
  j["footnote"] = PublicationFootnote({r.threshold, r.round_to});
  return j.dump(2) + "\n";
}

}  // namespace csc
