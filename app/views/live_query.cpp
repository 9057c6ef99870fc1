#include "views/live_query.hpp"

#include <exception>

namespace csc::app {

void LiveQuery::Ask(QueryService& service, const QueryText& text) {
  Ask(service, QueryTextKey(text), [&] { return ParseQueryText(text); });
}

void LiveQuery::Ask(QueryService& service, const std::string& key, const std::function<Query()>& make) {
  const std::string full = std::to_string(service.generation()) + "\n" + key;
  if (full != m_key) {
    m_key = full;
    try {
      Query query = make();
      m_ticket = service.Submit(m_caller, std::move(query));
      m_status = LiveStatus::Updating;  // the old answer stays, marked stale, until this lands
      m_error.clear();
    } catch (const std::exception& e) {
      service.Cancel(m_caller);
      m_ticket = 0;
      m_status = LiveStatus::Failed;
      m_result.reset();
      m_error = e.what();
    }
  }
  if (auto reply = service.Poll(m_caller)) {
    if (reply->ticket != m_ticket) return;  // cannot happen (Poll gives the newest); never shown
    m_from_cache = reply->from_cache;
    m_answered_generation = reply->generation;
    if (reply->result) {
      m_status = LiveStatus::Ready;
      m_result = std::move(reply->result);
      m_answered_query = std::move(reply->query);
      m_error.clear();
    } else {
      m_status = LiveStatus::Failed;
      m_result.reset();
      m_error = reply->error.empty() ? "the query was not answered" : reply->error;
    }
  }
}

void LiveQuery::Stop(QueryService& service) {
  if (m_status == LiveStatus::Updating) service.Cancel(m_caller);
  m_key.clear();
  m_ticket = 0;
  m_status = LiveStatus::Idle;
  m_result.reset();
  m_error.clear();
}

std::string PresentationError(const std::string& e) {
  auto has = [&](const char* s) { return e.find(s) != std::string::npos; };
  std::string why = "the question it asks does not fit the data that is loaded.";
  if (has("no data loaded") || has("is not loaded")) why = "the data it needs is not loaded.";
  else if (has("unknown column") || has("no column") || has("column in")) why = "the loaded data does not have the detail it needs.";
  else if (has("unknown value") || has("not a valid")) why = "it asks for a category the loaded data does not have.";
  else if (has("period") || has("span") || has("fy:") || has("year")) why = "its time period is incomplete or not covered by the data.";
  else if (has("group")) why = "it breaks the figures down in a way the data does not support.";
  return "This view cannot be shown: " + why;
}

}  // namespace csc::app
