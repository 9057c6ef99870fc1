#pragma once
// Per-thread partial aggregates over dense group keys, in the init / update / merge /
// finalize shape: each worker fills its own Partial, the partials are merged, then
// finalized into a QueryResult. Distinct children are counted with one bitmap over child
// codes per touched group (blocks recycled between queries, so a warm query touches no
// fresh pages), or, when groups x children would be too large, with sorted
// (group, child) pairs. When the bitmaps outgrow the cache, children wait in per-group
// buffers and are set in their group's bitmap one group at a time, at the merge.
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "query/compiled_query.hpp"

namespace csc {

class DistinctStore {
 public:
  DistinctStore() = default;
  DistinctStore(uint64_t groups, uint32_t children, bool use_bitmaps);
  DistinctStore(DistinctStore&&) noexcept = default;
  DistinctStore& operator=(DistinctStore&&) noexcept = default;
  ~DistinctStore();

  void Add(uint64_t group, uint32_t child) {
    if (m_buffer_cap) {
      uint32_t* next = m_next[group];
      if (!next) next = TouchBuffer(group);
      *next++ = child;
      m_next[group] = next;
      if (next == m_buffers[group] + m_buffer_cap) BufferFull(group);
    } else if (m_bitmaps) {
      uint64_t* block = m_blocks[group];
      if (!block) block = Touch(group);
      block[child >> 6] |= uint64_t{1} << (child & 63);
    } else {
      m_pairs.push_back(group << m_child_bits | child);
      m_pairs_sorted = false;
    }
  }
  // Add for each i with children[i] != UINT32_MAX (no child), in one loop that keeps the
  // store's arrays in registers.
  void AddBatch(const uint32_t* groups, const uint32_t* children, size_t n);
  // With cell keys the vector scan's keys carry the row's record key in their low `shift`
  // bits: AddBatch for groups[i] >> shift that also counts every unit (with a child or not)
  // in counts[group] and adds its record key to key_sums[group], in the loop that already
  // waits on each group's buffer pointer.
  void AddBatchCounting(const uint32_t* groups, const uint32_t* children, size_t n, int shift, uint64_t* counts,
                        uint64_t* key_sums);
  // Starts loading the word Add(group, child) will touch (unbuffered bitmaps only).
  void Prefetch(uint64_t group, uint32_t child) const {
    if (!m_buffer_cap && m_bitmaps && m_blocks[group]) __builtin_prefetch(m_blocks[group] + (child >> 6), 1);
  }
  bool buffered() const { return m_buffer_cap != 0; }
  // Empties the per-group buffers into the bitmaps, or sorts the pairs (each worker at the
  // end of its scan, so the sorting runs in parallel).
  void Flush();
  void Merge(DistinctStore& other);  // leaves `other` empty
  // Bitmaps only, for workers merging disjoint groups in parallel: one group of `other`
  // (its bitmap and buffered children) into this; then counts per group, read by Count
  // once MarkCounted.
  void MergeGroup(DistinctStore& other, uint64_t group);
  void PrepareCounts();  // before the parallel CountGroup calls
  void CountGroup(uint64_t group);
  // With keys (SetKeys): merges these groups of `others` into this store and counts them
  // with their key sums, in tiles of words, so a tile of keys stays in L1 across the groups
  // and each tile of a group's bitmap is read once for the merge, the popcount and the sums
  // together; each worker its own groups (as MergeGroup and CountGroup for each group).
  void MergeAndCountGroups(const std::vector<DistinctStore*>& others, const std::vector<uint64_t>& groups);
  void MarkCounted();
  // Gives the blocks back (after its groups were merged into another store); Merge then
  // takes nothing from it.
  void Drop();
  uint64_t groups() const { return m_groups; }
  void Finish();                     // before Count / Project
  uint64_t Count(uint64_t group) const;
  // A store over new_groups where old group g becomes map[g] (UINT64_MAX drops it).
  DistinctStore Project(const std::vector<uint64_t>& map, uint64_t new_groups) const;
  bool uses_bitmaps() const { return m_bitmaps; }
  // Cell keys: each child's record key (query/record_keys.hpp, one per child code), so the
  // parallel count sums them per group as it counts (MergeAndCountGroups).
  void SetKeys(const uint8_t* keys) { m_keys = keys; }
  const uint8_t* keys() const { return m_keys; }
  // Per group (after Finish, or after the parallel count): the sum of keys[child] over the
  // group's distinct children, for cell keys (query/record_keys.hpp).
  std::vector<uint64_t> KeySums(const uint8_t* keys) const;

  // Whether groups x children bitmaps fit the memory budget for one worker.
  static bool BitmapsFit(uint64_t groups, uint32_t children);

 private:
  uint64_t* Touch(uint64_t group);
  uint32_t* TouchBuffer(uint64_t group);
  void BufferFull(uint64_t group);
  // Sets the children of `from`'s buffers for the group in this store's bitmap and gives
  // the buffers back (`from` may be this store).
  void DrainGroup(DistinctStore& from, uint64_t group);
  uint64_t BitmapCount(uint64_t group) const;
  void Release();

  bool m_bitmaps = true;
  uint64_t m_groups = 0;
  size_t m_words = 0;
  std::vector<uint64_t*> m_blocks;  // per group, null until touched
  // Children waiting to be set in their group's bitmap. Setting bits one group at a time
  // keeps that bitmap in cache; setting them in arrival order misses on nearly every bit
  // once the groups' bitmaps together outgrow the cache.
  uint32_t m_buffer_cap = 0;
  std::vector<uint32_t*> m_buffers;  // per group, null until touched
  std::vector<uint32_t*> m_next;     // per group: where the next child goes
  // Full buffers kept for the merge (per group), up to a memory budget; past it a full
  // buffer is set in the bitmap at once.
  std::vector<std::vector<uint32_t*>> m_full;
  uint64_t m_full_bytes = 0;
  // group << m_child_bits | child: as few bits as the codes need, so the radix sort makes
  // as few passes as it can.
  std::vector<uint64_t> m_pairs;
  int m_child_bits = 32;
  bool m_pairs_sorted = true;       // ascending, without repeats
  std::vector<uint64_t> m_counts;   // per group after Finish (pairs), or counted in parallel (bitmaps)
  bool m_finished = false;
  bool m_counted = false;           // bitmaps: m_counts holds every group's count
  const uint8_t* m_keys = nullptr;  // SetKeys
  std::vector<uint64_t> m_key_sums;  // per group, when MergeAndCountGroups summed keys
};

struct Partial {
  uint64_t groups = 0;
  std::vector<uint64_t> episodes;
  std::vector<DistinctStore> distinct;
  std::vector<std::vector<int64_t>> isum;  // per numeric slot (integral sources)
  std::vector<std::vector<double>> dsum;   // per numeric slot (decimal sources)
  std::vector<std::vector<uint64_t>> nvalues;
  std::vector<std::vector<std::pair<uint64_t, double>>> values;  // median slots: (group, value)
  std::vector<std::vector<uint64_t>> ratio_num, ratio_den;       // per ratio slot (episode ratios)
  // Cell keys (CompiledQuery::row_keys): per group, the sum of the counted units' row keys;
  // per ratio slot likewise for the numerator's and denominator's units. Empty otherwise.
  std::vector<uint64_t> episode_keys;
  std::vector<std::vector<uint64_t>> ratio_num_keys, ratio_den_keys;

  void Init(const CompiledQuery& cq, bool force_pairs);
  void Merge(Partial& other);
  void Finish();
  Partial Project(const CompiledQuery& cq, const std::vector<uint64_t>& map, uint64_t new_groups) const;
};

}  // namespace csc
