#pragma once
// Runs f(i) for i in [0, n) on up to `threads` threads (work-stealing by an atomic
// counter). The first exception thrown by any f stops the remaining work and is rethrown
// on the calling thread once every worker has finished.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace csc {

inline unsigned DefaultThreadCount() { return std::max(1u, std::thread::hardware_concurrency()); }

template <class F>
void ParallelFor(size_t n, unsigned threads, F&& f) {
  if (threads == 0) threads = DefaultThreadCount();
  threads = static_cast<unsigned>(std::min<size_t>(threads, n));
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    for (;;) {
      const size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= n || failed.load(std::memory_order_relaxed)) return;
      try {
        f(i);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!error) error = std::current_exception();
        failed = true;
        return;
      }
    }
  };
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace csc
