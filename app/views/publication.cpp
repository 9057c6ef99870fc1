#include "views/publication.hpp"

#include "privacy/cell_key_secret.hpp"

namespace csc::app {

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

void SubmitPublished(QueryService& service, const std::string& caller, const QueryText& text, PublishedQuery& s) {
  s.live.SetCaller(caller);
  std::string seed_error;
  const uint64_t* seed = CellKeySeed(seed_error);
  if (!seed) {  // without the installation's key nothing can be published: say so, draw nothing
    s.raw.reset();
    s.error = "publication-safe figures are unavailable: " + seed_error;
    return;
  }
  s.live.Ask(service, QueryTextKey(text), [&] {
    Query q = ParseQueryText(text);
    s.asked_shown = PrepareForPublication(q, *seed);
    return q;
  });
  if (s.live.result() != s.raw) {  // a new answer: its query is the one last asked
    s.raw = s.live.result();
    s.query = s.live.answered_query();
    s.shown = s.asked_shown;
  }
  s.error = s.live.error();
}

QueryResult PublishedAsResult(const QueryResult& raw, const Query& query, int threshold, size_t* hidden,
                              std::vector<std::vector<bool>>* withheld) {
  const PublishedResult p = PublishResult(raw, query, {threshold, 0});
  QueryResult r;
  r.dimensions = p.dimensions;
  r.measures = p.measures;
  r.notes = raw.notes;
  r.no_data = raw.no_data;
  if (withheld) withheld->clear();
  for (const auto& row : p.rows) {
    QueryResult::Row out;
    out.keys = row.keys;
    if (withheld) withheld->emplace_back();
    for (const auto& cell : row.cells) {
      if (withheld) withheld->back().push_back(cell == "c");
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

std::optional<QueryResult> PublishedForChart(const PublishedQuery& s, int threshold, size_t* hidden,
                                             std::vector<std::vector<bool>>* withheld) {
  if (!s.raw || !s.query.cell_key_seed) return std::nullopt;
  return PublishedAsResult(*s.raw, s.query, threshold, hidden, withheld);
}

std::string PublishedCsv(const PublishedQuery& s, int threshold) {
  if (!s.raw || !s.query.cell_key_seed) return "";
  return FormatPublishedCsv(PublishResult(*s.raw, s.query, {threshold, 0}));
}

std::string PublishedFootnote(int threshold) { return PublicationFootnote({threshold, 0}); }

}  // namespace csc::app
