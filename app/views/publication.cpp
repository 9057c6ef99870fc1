#include "views/publication.hpp"

#include "privacy/cell_key_secret.hpp"

namespace csc::app {

namespace {

// The installation's record-key seed, read (or made) once per run: the `csc` tool reads
// the same file, so the explorer and the CLI publish the same figure for the same cell.
const uint64_t* CellKeySeed(std::string& error) {
  static std::string failure;
  static const std::optional<uint64_t> seed = []() -> std::optional<uint64_t> {
    try {
      return LoadOrCreateCellKeySeed();
    } catch (const std::exception& e) {
      failure = e.what();
      return std::nullopt;
    }
  }();
  if (!seed) error = failure;
  return seed ? &*seed : nullptr;
}

}  // namespace

void SubmitPublished(QueryService& service, const std::string& caller, const QueryText& text, PublishedQuery& s) {
  const std::string key = QueryTextKey(text);
  if (key != s.submitted) {
    s.submitted = key;
    s.raw.reset();
    try {
      s.query = ParseQueryText(text);
      const uint64_t* seed = CellKeySeed(s.error);
      if (seed) {
        s.shown = PrepareForPublication(s.query, *seed);
        service.Submit(caller, s.query);
        s.error.clear();
      }
    } catch (const std::exception& e) {
      s.error = e.what();
    }
  }
  if (auto reply = service.Poll(caller)) {
    s.raw = reply->result;
    s.error = reply->error;
  }
}

std::optional<QueryResult> PublishedForChart(const PublishedQuery& s, int threshold, size_t* hidden) {
  if (!s.raw || !s.query.cell_key_seed) return std::nullopt;
  const PublishedResult p = PublishResult(*s.raw, s.query, {threshold, 0});
  QueryResult r;
  r.dimensions = p.dimensions;
  r.measures = p.measures;
  for (const auto& row : p.rows) {
    QueryResult::Row out;
    out.keys = row.keys;
    for (const auto& cell : row.cells) {
      std::optional<double> v;
      if (!cell.empty() && cell != "c") {
        try {
          v = std::stod(cell);
        } catch (const std::exception&) {
          v.reset();
        }
      }
      out.values.push_back(v);
    }
    r.rows.push_back(std::move(out));
  }
  if (hidden) *hidden = p.hidden;
  return r;
}

std::string PublishedCsv(const PublishedQuery& s, int threshold) {
  if (!s.raw || !s.query.cell_key_seed) return "";
  return FormatPublishedCsv(PublishResult(*s.raw, s.query, {threshold, 0}));
}

std::string PublishedFootnote(int threshold) { return PublicationFootnote({threshold, 0}); }

}  // namespace csc::app
