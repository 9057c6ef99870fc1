#include "views/publication.hpp"

namespace csc::app {

void SubmitPublished(QueryService& service, const std::string& caller, const QueryText& text, PublishedQuery& s) {
  s.live.SetCaller(caller);
  s.live.Ask(service, QueryTextKey(text), [&] {
    Query q = ParseQueryText(text);
    s.asked_shown = AddBaseCounts(q);
    return q;
  });
  if (s.live.result() != s.raw) {  // a new answer: its query is the one last asked
    s.raw = s.live.result();
    s.query = s.live.answered_query();
    s.shown = s.asked_shown;
  }
  s.error = s.live.error();
}

std::optional<QueryResult> PublishedForChart(const PublishedQuery& s, int threshold, size_t* hidden,
                                             std::vector<std::vector<bool>>* withheld) {
  if (!s.raw) return std::nullopt;
  const PublishedResult p = PublishResult(*s.raw, s.query, s.shown, {threshold, 0});
  QueryResult r;
  r.dimensions = p.dimensions;
  r.measures = p.measures;
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

std::string PublishedCsv(const PublishedQuery& s, int threshold) {
  if (!s.raw) return "";
  return FormatPublishedCsv(PublishResult(*s.raw, s.query, s.shown, {threshold, 0}));
}

}  // namespace csc::app
