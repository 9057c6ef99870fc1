#pragma once
// One live query per view. A view asks, every frame, for (data generation, query) and gets
// exactly one of:
//   - Ready:    the answer to that query on that data;
//   - Updating: the answer to an earlier ask, kept on screen marked stale while the new one
//               runs (null on the first ask);
//   - Failed:   an error in plain words and no answer at all, so a failed query never leaves
//               the previous chart under the new title.
// Submit, poll, cancel and keying live here once for the chart, the slicers, the pivot totals
// and presentation mode: their copies had drifted (a slicer kept its counts after a file
// reload because its key ignored the data).
#include <cstdint>
#include <functional>
#include <string>

#include "query/query_parser.hpp"
#include "query/query_service.hpp"

namespace csc::app {

enum class LiveStatus { Idle, Updating, Ready, Failed };

class LiveQuery {
 public:
  LiveQuery() = default;
  explicit LiveQuery(std::string caller) : m_caller(std::move(caller)) {}
  void SetCaller(std::string caller) { m_caller = std::move(caller); }
  const std::string& caller() const { return m_caller; }

  // Asks for what `text` parses to, against the service's current data. Submits only when
  // the data generation or the text changed; takes the reply when it lands. Once a frame.
  void Ask(QueryService& service, const QueryText& text);
  // The same for a query built by `make` (which may throw a parse error), named by `key`.
  void Ask(QueryService& service, const std::string& key, const std::function<Query()>& make);
  // The view is not on screen or asks nothing: cancels what runs and forgets the answer.
  void Stop(QueryService& service);
  // Ask again on the next call even if nothing changed.
  void Invalidate() { m_key.clear(); }

  LiveStatus status() const { return m_status; }
  bool updating() const { return m_status == LiveStatus::Updating; }
  bool failed() const { return m_status == LiveStatus::Failed; }
  // What the view draws: the answer (Ready) or the previous answer (Updating, stale); null
  // when Failed or before any answer.
  const QueryResultPtr& result() const { return m_result; }
  // The query that produced result() (not necessarily the one asked while updating).
  const Query& answered_query() const { return m_answered_query; }
  uint64_t answered_generation() const { return m_answered_generation; }
  // Failed: the parser's or the engine's message (names the offending part of the query).
  const std::string& error() const { return m_error; }
  bool from_cache() const { return m_from_cache; }

 private:
  std::string m_caller;
  std::string m_key;  // "<generation>\n<query key>" of the last ask
  uint64_t m_ticket = 0;
  LiveStatus m_status = LiveStatus::Idle;
  QueryResultPtr m_result;
  Query m_answered_query;
  uint64_t m_answered_generation = 0;
  std::string m_error;
  bool m_from_cache = false;
};

// An engine or parser error as a board member may read it: what went wrong in plain words,
// no query syntax, column names or values ("This view cannot be shown: ...").
std::string PresentationError(const std::string& engine_error);

}  // namespace csc::app
