#include "query/query_service.hpp"

#include <algorithm>

namespace csc {

QueryService::QueryService() : QueryService(Options{}) {}

QueryService::QueryService(Options options) : m_options(options) {
  m_worker = std::thread([this] { WorkerLoop(); });
}

QueryService::~QueryService() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
    for (auto& [caller, slot] : m_slots)
      if (slot.running_cancel) slot.running_cancel->Cancel();
  }
  m_wake.notify_all();
  m_worker.join();
}

void QueryService::SetCatalog(CatalogPtr catalog) {
  std::lock_guard lock(m_mutex);
  m_catalog = std::move(catalog);
  ++m_generation;
  m_cache.clear();
  m_cache_index.clear();
}

uint64_t QueryService::generation() const {
  std::lock_guard lock(m_mutex);
  return m_generation;
}

void QueryService::SetOnReady(std::function<void()> on_ready) {
  std::lock_guard lock(m_mutex);
  m_on_ready = std::move(on_ready);
}

QueryResultPtr QueryService::CacheFind(const Query& q) {
  const auto [a, b] = m_cache_index.equal_range(HashQuery(q));
  for (auto it = a; it != b; ++it) {
    if (!(it->second->query == q)) continue;
    m_cache.splice(m_cache.begin(), m_cache, it->second);  // most recently used first
    return m_cache.front().result;
  }
  return nullptr;
}

void QueryService::CachePut(const Query& q, QueryResultPtr r) {
  if (CacheFind(q)) return;
  m_cache.push_front({q, std::move(r)});
  m_cache_index.emplace(HashQuery(q), m_cache.begin());
  while (m_cache.size() > m_options.cache_entries) {
    const auto last = std::prev(m_cache.end());
    const auto [a, b] = m_cache_index.equal_range(HashQuery(last->query));
    for (auto it = a; it != b; ++it)
      if (it->second == last) {
        m_cache_index.erase(it);
        break;
      }
    m_cache.pop_back();
  }
}

uint64_t QueryService::Submit(const std::string& caller, Query query) {
  std::function<void()> notify;
  uint64_t ticket;
  {
    std::lock_guard lock(m_mutex);
    ticket = ++m_next_ticket;
    ++m_stats.submitted;
    Slot& slot = m_slots[caller];
    slot.latest_ticket = ticket;
    slot.done.reset();  // an answer to an older request is stale now
    if (slot.pending) ++m_stats.superseded;
    slot.pending.reset();
    if (slot.running_cancel) {
      slot.running_cancel->Cancel();
      ++m_stats.superseded;
    }
    if (QueryResultPtr hit = CacheFind(query)) {
      ++m_stats.cache_hits;
      slot.done = QueryReply{ticket, std::move(query), std::move(hit), {}, true, ++m_answered, m_generation};
      notify = m_on_ready;
    } else {
      slot.pending = Request{ticket, std::move(query), m_catalog, m_generation};
      // Queued by this request's time, not the caller's first: a view submitted first in a
      // frame (the chart) runs before views that re-submit after it (the slicers' counts).
      m_queue.erase(std::remove(m_queue.begin(), m_queue.end(), caller), m_queue.end());
      m_queue.push_back(caller);
    }
  }
  if (notify) notify();
  else m_wake.notify_one();
  return ticket;
}

std::optional<QueryReply> QueryService::Poll(const std::string& caller) {
  std::lock_guard lock(m_mutex);
  const auto it = m_slots.find(caller);
  if (it == m_slots.end() || !it->second.done) return std::nullopt;
  std::optional<QueryReply> out = std::move(it->second.done);
  it->second.done.reset();
  return out;
}

bool QueryService::Busy(const std::string& caller) const {
  std::lock_guard lock(m_mutex);
  const auto it = m_slots.find(caller);
  return it != m_slots.end() && (it->second.pending || it->second.running_ticket == it->second.latest_ticket);
}

void QueryService::Cancel(const std::string& caller) {
  std::lock_guard lock(m_mutex);
  const auto it = m_slots.find(caller);
  if (it == m_slots.end()) return;
  it->second.pending.reset();
  it->second.latest_ticket = ++m_next_ticket;  // whatever is running is now stale
  if (it->second.running_cancel) it->second.running_cancel->Cancel();
}

QueryServiceStats QueryService::stats() const {
  std::lock_guard lock(m_mutex);
  return m_stats;
}

void QueryService::WorkerLoop() {
  for (;;) {
    Request request;
    std::string caller;
    std::shared_ptr<CancelToken> cancel = std::make_shared<CancelToken>();
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [&] { return m_stop || !m_queue.empty(); });
      if (m_stop) return;
      caller = m_queue.front();
      m_queue.pop_front();
      Slot& slot = m_slots[caller];
      if (!slot.pending) continue;
      request = std::move(*slot.pending);
      slot.pending.reset();
      slot.running_ticket = request.ticket;
      slot.running_cancel = cancel;
    }
    QueryReply reply{request.ticket, request.query, nullptr, {}, false, 0, request.generation};
    bool cancelled = false;
    try {
      if (!request.catalog) throw QueryError("no data loaded");
      ExecuteOptions options;
      options.threads = m_options.threads_per_query;
      options.chunk_rows = m_options.chunk_rows;
      reply.result = std::make_shared<const QueryResult>(RunQuery(*request.catalog, request.query, options, cancel.get()));
    } catch (const Cancelled&) {
      cancelled = true;
    } catch (const std::exception& e) {
      reply.error = e.what();
    }
    std::function<void()> notify;
    {
      std::lock_guard lock(m_mutex);
      Slot& slot = m_slots[caller];
      slot.running_ticket = 0;
      slot.running_cancel.reset();
      if (cancelled) {
        ++m_stats.cancelled;
      } else {
        ++m_stats.executed;
        if (!reply.error.empty()) ++m_stats.failed;
        if (reply.result && request.generation == m_generation) CachePut(request.query, reply.result);
        if (slot.latest_ticket == request.ticket) {
          reply.answered = ++m_answered;
          slot.done = std::move(reply);
          notify = m_on_ready;
        }
      }
    }
    if (notify) notify();
  }
}

}  // namespace csc
