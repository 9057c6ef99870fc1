#pragma once
// Runs queries off the caller's thread. Each caller (a view, keyed by any string) has at
// most one live request: submitting again supersedes the previous request, and a
// superseded query that is already running is cancelled between chunks. Results are
// cached by (catalog generation, query). Nothing here blocks on query work: the GUI
// calls Submit() when its filters change and Poll() once a frame.
//
//   service.SetCatalog(catalog);                       // after loading data
//   service.Submit("cp_trend", query);                 // on a click
//   if (auto reply = service.Poll("cp_trend")) ...     // each frame: swap in reply->result
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

#include "async/progress.hpp"
#include "query/catalog.hpp"
#include "query/executor.hpp"
#include "query/query.hpp"
#include "query/query_result.hpp"

namespace csc {

struct QueryReply {
  uint64_t ticket = 0;    // as returned by Submit
  Query query;
  QueryResultPtr result;  // null when `error` is set
  std::string error;      // QueryError text: names the offending part
  bool from_cache = false;
  uint64_t answered = 0;  // this service's answers so far, this one included: the order they came in
  uint64_t generation = 0;  // the catalog generation the answer was computed against
};

struct QueryServiceStats {
  uint64_t submitted = 0, executed = 0, cache_hits = 0, cancelled = 0, superseded = 0, failed = 0;
};

class QueryService {
 public:
  struct Options {
    unsigned threads_per_query = 0;  // 0 = all cores
    size_t chunk_rows = 16384;
    size_t cache_entries = 128;
  };
  QueryService();
  explicit QueryService(Options options);
  ~QueryService();  // cancels running work and joins the worker
  QueryService(const QueryService&) = delete;
  QueryService& operator=(const QueryService&) = delete;

  // Swaps the tables queries run against; clears the cache. Requests already submitted
  // run against the catalog current when they were submitted.
  void SetCatalog(CatalogPtr catalog);
  // Bumped by every SetCatalog: views key their requests by (generation, query) so an answer
  // computed on the data before a reload is never taken for one on the data after it.
  uint64_t generation() const;
  // Called on the worker thread whenever a reply is ready (e.g. to wake the GUI loop).
  void SetOnReady(std::function<void()> on_ready);

  // Returns the ticket. A cached answer is ready for Poll() at once.
  uint64_t Submit(const std::string& caller, Query query);
  // The caller's newest reply not yet taken, if any. Never blocks on query work.
  std::optional<QueryReply> Poll(const std::string& caller);
  // Submitted and not finished (the GUI shows the old result marked stale meanwhile).
  bool Busy(const std::string& caller) const;
  // Drops the caller's request, cancelling it if it is running.
  void Cancel(const std::string& caller);
  QueryServiceStats stats() const;

 private:
  struct Request {
    uint64_t ticket = 0;
    Query query;
    CatalogPtr catalog;
    uint64_t generation = 0;
  };
  struct Slot {
    std::optional<Request> pending;
    uint64_t latest_ticket = 0;
    uint64_t running_ticket = 0;
    std::shared_ptr<CancelToken> running_cancel;
    std::optional<QueryReply> done;
  };
  struct CacheEntry {
    Query query;
    QueryResultPtr result;
  };

  void WorkerLoop();
  QueryResultPtr CacheFind(const Query& q);  // under m_mutex
  void CachePut(const Query& q, QueryResultPtr r);
  void Notify();

  Options m_options;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::map<std::string, Slot> m_slots;
  std::deque<std::string> m_queue;  // callers with a pending request, oldest first
  CatalogPtr m_catalog;
  uint64_t m_generation = 0;
  uint64_t m_next_ticket = 0;
  std::list<CacheEntry> m_cache;  // most recent first
  std::unordered_multimap<uint64_t, std::list<CacheEntry>::iterator> m_cache_index;
  std::function<void()> m_on_ready;
  QueryServiceStats m_stats;
  uint64_t m_answered = 0;  // replies made (QueryReply::answered)
  bool m_stop = false;
  std::thread m_worker;
};

}  // namespace csc
