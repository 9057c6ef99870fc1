#include "views/publication.hpp"

namespace csc::app {

void SubmitPublished(QueryService& service, const std::string& caller, const QueryText& text, PublishedQuery& s) {
  const std::string key = QueryTextKey(text);
  if (key != s.submitted) {
    s.submitted = key;
    s.raw.reset();
    try {
      s.query = ParseQueryText(text);
      s.shown = AddBaseCounts(s.query);
      service.Submit(caller, s.query);
      s.error.clear();
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
  if (!s.raw) return std::nullopt;
  const PublishedResult p = PublishResult(*s.raw, s.query, s.shown, {threshold, 0});
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
  if (!s.raw) return "";
  return FormatPublishedCsv(PublishResult(*s.raw, s.query, s.shown, {threshold, 0}));
}

}  // namespace csc::app
