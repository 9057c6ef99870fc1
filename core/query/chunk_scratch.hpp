#pragma once
// Per-worker buffers for one scan chunk of the query executor, reused across chunks and
// queries through a small pool.
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "query/compiled_query.hpp"

namespace csc::detail {

// Per-worker buffers for one chunk, reused across chunks and queries (fresh pages are slow).
struct ChunkScratch {
  std::vector<uint32_t> sel;
  std::vector<uint8_t> mask;
  std::vector<int32_t> start, end, dob;
  std::vector<uint32_t> child;
  std::vector<uint32_t> dim_keys[kMaxDimensions];
  std::vector<std::vector<double>> numbers;  // per numeric slot
  std::vector<std::vector<uint8_t>> number_valid;
  // Units (row, period) of the batch being processed.
  std::vector<uint32_t> unit_row, unit_period;
  std::vector<int32_t> unit_ref, unit_age, unit_duration_end;
  std::vector<uint64_t> unit_group;
  std::vector<uint32_t> histogram;  // four copies of the episode counts (CountEpisodes)
  std::vector<uint32_t> vector_keys;  // the vector scan's kept rows' group keys (children go to `child`)
  size_t capacity = 0;
  void Reserve(size_t n) {
    if (capacity >= n) return;
    capacity = n;
    for (auto* v : {&sel, &unit_row, &unit_period}) v->resize(n);
    for (auto* v : {&child, &vector_keys}) v->resize(n + 64);  // whole vector stores past the last kept row
    sel.resize(n + 16);  // MaskToSelection stores whole vector registers
    mask.resize(n);
    for (auto* v : {&start, &end, &dob, &unit_ref, &unit_age, &unit_duration_end}) v->resize(n);
    unit_group.resize(n);
    for (auto& v : dim_keys) v.resize(n);
  }
};

class ScratchPool {
 public:
  std::unique_ptr<ChunkScratch> Acquire() {
    std::lock_guard lock(m_mutex);
    if (m_free.empty()) return std::make_unique<ChunkScratch>();
    auto s = std::move(m_free.back());
    m_free.pop_back();
    return s;
  }
  void Release(std::unique_ptr<ChunkScratch> s) {
    std::lock_guard lock(m_mutex);
    if (m_free.size() < 8) m_free.push_back(std::move(s));
  }

 private:
  std::mutex m_mutex;
  std::vector<std::unique_ptr<ChunkScratch>> m_free;
};

ScratchPool& Scratches();

}  // namespace csc::detail
