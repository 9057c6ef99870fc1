#pragma once
// Shared between a worker and the thread watching it: the worker advances the counters,
// the watcher reads them every frame and may request cancellation. Lock-free.
#include <atomic>
#include <cstdint>
#include <stdexcept>

namespace csc {

class CancelToken {
 public:
  void Cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
  bool IsCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

 private:
  std::atomic<bool> m_cancelled{false};
};

struct Cancelled : std::runtime_error {
  Cancelled() : std::runtime_error("cancelled") {}
};

struct Progress {
  std::atomic<uint64_t> bytes_total{0};
  std::atomic<uint64_t> bytes_done{0};
  std::atomic<uint64_t> rows_done{0};
  double Fraction() const {
    const uint64_t total = bytes_total.load(std::memory_order_relaxed);
    return total ? static_cast<double>(bytes_done.load(std::memory_order_relaxed)) / static_cast<double>(total) : 0.0;
  }
};

}  // namespace csc
