#include "query/aggregate.hpp"

#include "query/bitmap_tally.hpp"
#include "util/radix_sort.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <mutex>

namespace csc {

namespace {

constexpr uint64_t kBitmapBudgetBytes = uint64_t{192} << 20;  // per store
constexpr uint64_t kPoolKeepBytes = uint64_t{512} << 20;
constexpr uint64_t kBufferBudgetBytes = uint64_t{16} << 20;  // per store, the buffers being filled
constexpr uint64_t kFullBufferBudgetBytes = uint64_t{256} << 20;  // per store, full buffers kept for the merge
constexpr uint32_t kMinBuffer = 1024;

// Bitmap blocks outlive queries: a fresh page costs about 10 us on these machines, more
// than the whole scan of a small slice, so blocks are recycled by size.
class BlockPool {
 public:
  uint64_t* Acquire(size_t words, bool zeroed = true) {
    {
      std::unique_lock lock(m_mutex);
      for (size_t i = m_free.size(); i-- > 0;) {
        if (m_free[i].second != words) continue;
        uint64_t* block = m_free[i].first;
        m_free.erase(m_free.begin() + static_cast<std::ptrdiff_t>(i));
        m_kept -= words * 8;
        lock.unlock();  // the other workers take blocks meanwhile
        if (zeroed) std::memset(block, 0, words * 8);
        return block;
      }
    }
    auto* block = new uint64_t[words];
    std::memset(block, 0, words * 8);  // a fresh page is touched now, not in the scan
    return block;
  }
  void Release(uint64_t* block, size_t words) {
    std::lock_guard lock(m_mutex);
    if (m_kept + words * 8 > kPoolKeepBytes) {
      delete[] block;
      return;
    }
    m_free.emplace_back(block, words);
    m_kept += words * 8;
  }

 private:
  std::mutex m_mutex;
  std::vector<std::pair<uint64_t*, size_t>> m_free;
  uint64_t m_kept = 0;
};

BlockPool& Pool() {
  static BlockPool* pool = new BlockPool;  // never destroyed: workers may release during exit
  return *pool;
}

}  // namespace

bool DistinctStore::BitmapsFit(uint64_t groups, uint32_t children) {
  const uint64_t words = (uint64_t{children} + 64) / 64;
  return groups * words * 8 <= kBitmapBudgetBytes;
}

DistinctStore::DistinctStore(uint64_t groups, uint32_t children, bool use_bitmaps)
    : m_bitmaps(use_bitmaps), m_groups(groups), m_words((size_t{children} + 64) / 64),
      m_child_bits(static_cast<int>(std::bit_width(children))) {
  if (!m_bitmaps) return;
  m_blocks.assign(groups, nullptr);
  // A buffer of about four children per cache line of bitmap makes each line fetched once
  // per flush serve several bits; small bitmaps stay in cache anyway and need none.
  const uint64_t lines = (m_words + 7) / 8;
  if (lines * 64 <= (uint64_t{256} << 10) / std::max<uint64_t>(groups, 1)) return;
  const uint64_t cap = std::min<uint64_t>(lines * 4, kBufferBudgetBytes / 4 / std::max<uint64_t>(groups, 1)) & ~uint64_t{1};
  if (cap < kMinBuffer) return;
  m_buffer_cap = static_cast<uint32_t>(cap);
  m_buffers.assign(groups, nullptr);
  m_next.assign(groups, nullptr);
  m_full.assign(groups, {});
}

DistinctStore::~DistinctStore() { Release(); }

void DistinctStore::Release() {
  for (uint64_t*& b : m_blocks)
    if (b) {
      Pool().Release(b, m_words);
      b = nullptr;
    }
  for (uint32_t*& b : m_buffers)
    if (b) {
      Pool().Release(reinterpret_cast<uint64_t*>(b), m_buffer_cap / 2);
      b = nullptr;
    }
  for (auto& list : m_full) {
    for (uint32_t* b : list) Pool().Release(reinterpret_cast<uint64_t*>(b), m_buffer_cap / 2);
    list.clear();
  }
  m_full_bytes = 0;
  std::fill(m_next.begin(), m_next.end(), nullptr);
}

uint64_t* DistinctStore::Touch(uint64_t group) { return m_blocks[group] = Pool().Acquire(m_words); }

uint32_t* DistinctStore::TouchBuffer(uint64_t group) {
  // Pooled like the bitmaps (unzeroed: every entry is written before it is read).
  return m_next[group] = m_buffers[group] = reinterpret_cast<uint32_t*>(Pool().Acquire(m_buffer_cap / 2, false));
}

void DistinctStore::AddBatch(const uint32_t* groups, const uint32_t* children, size_t n) {
  if (!m_buffer_cap) {
    for (size_t i = 0; i < n; ++i)
      if (children[i] != UINT32_MAX) Add(groups[i], children[i]);
    return;
  }
  uint32_t** next = m_next.data();
  uint32_t* const* start = m_buffers.data();
  const uint32_t cap = m_buffer_cap;
  for (size_t i = 0; i < n; ++i) {
    const uint32_t c = children[i], g = groups[i];
    if (c == UINT32_MAX) continue;
    uint32_t* p = next[g];
    if (!p) p = TouchBuffer(g);
    *p++ = c;
    next[g] = p;
    if (p == start[g] + cap) BufferFull(g);
  }
}

void DistinctStore::AddBatchCounting(const uint32_t* groups, const uint32_t* children, size_t n, int shift, uint64_t* counts,
                                     uint64_t* key_sums) {
  const uint32_t low = (uint32_t{1} << shift) - 1;
  if (!m_buffer_cap) {
    for (size_t i = 0; i < n; ++i) {
      const uint32_t g = groups[i] >> shift;
      ++counts[g];
      key_sums[g] += groups[i] & low;
      if (children[i] != UINT32_MAX) Add(g, children[i]);
    }
    return;
  }
  uint32_t** next = m_next.data();
  uint32_t* const* start = m_buffers.data();
  const uint32_t cap = m_buffer_cap;
  for (size_t i = 0; i < n; ++i) {
    const uint32_t c = children[i], g = groups[i] >> shift;
    ++counts[g];
    key_sums[g] += groups[i] & low;
    if (c == UINT32_MAX) continue;
    uint32_t* p = next[g];
    if (!p) p = TouchBuffer(g);
    *p++ = c;
    next[g] = p;
    if (p == start[g] + cap) BufferFull(g);
  }
}

namespace {

void SetBits(uint64_t* block, const uint32_t* children, uint32_t n) {
  constexpr uint32_t kAhead = 16;  // several first touches of bitmap lines in flight
  for (uint32_t i = 0; i < n; ++i) {
    if (i + kAhead < n) __builtin_prefetch(block + (children[i + kAhead] >> 6), 1);
    block[children[i] >> 6] |= uint64_t{1} << (children[i] & 63);
  }
}

// Counts (when `counts`) and key sums of the groups' bitmaps mine[g], tile by tile, first
// OR-ing into them the same groups' bitmaps of each of `theirs` (per-group pointers, null
// for none). 256 words: 16 KiB of keys, read from memory once per tile rather than once
// per group, and each tile of a bitmap read once for the merge, popcount and sums.
void TallyTiles(uint64_t* const* mine, const std::vector<uint64_t* const*>& theirs, size_t words,
                const std::vector<uint64_t>& groups, const uint8_t* keys, uint64_t* counts, uint64_t* sums) {
  constexpr size_t kTileWords = 256;
  for (size_t w0 = 0; w0 < words; w0 += kTileWords) {
    const size_t w1 = std::min(words, w0 + kTileWords);
    for (uint64_t g : groups) {
      uint64_t* block = mine[g];
      if (!block) continue;
      for (uint64_t* const* other : theirs)
        if (const uint64_t* their = other[g])
          for (size_t w = w0; w < w1; ++w) block[w] |= their[w];
      const BitmapTally t = TallyBitmap(block, w0, w1, keys);
      if (counts) counts[g] += t.count;
      sums[g] += t.key_sum;
    }
  }
}

}  // namespace

void DistinctStore::BufferFull(uint64_t group) {
  const uint64_t bytes = uint64_t{m_buffer_cap} * 4;
  if (m_full_bytes + bytes <= kFullBufferBudgetBytes) {
    m_full[group].push_back(m_buffers[group]);
    m_full_bytes += bytes;
    TouchBuffer(group);
  } else {
    uint64_t* block = m_blocks[group] ? m_blocks[group] : Touch(group);
    SetBits(block, m_buffers[group], m_buffer_cap);
    m_next[group] = m_buffers[group];
  }
}

void DistinctStore::DrainGroup(DistinctStore& from, uint64_t group) {
  if (!from.m_buffer_cap) return;
  const auto fill = static_cast<uint32_t>(from.m_next[group] - from.m_buffers[group]);  // 0 when untouched
  if (fill == 0 && from.m_full[group].empty()) return;
  uint64_t* block = m_blocks[group] ? m_blocks[group] : Touch(group);
  for (uint32_t* b : from.m_full[group]) {
    SetBits(block, b, from.m_buffer_cap);
    Pool().Release(reinterpret_cast<uint64_t*>(b), from.m_buffer_cap / 2);
  }
  from.m_full[group].clear();
  SetBits(block, from.m_buffers[group], fill);
  from.m_next[group] = from.m_buffers[group];
}

void DistinctStore::Flush() {
  if (!m_bitmaps && !m_pairs_sorted) {
    std::vector<uint64_t> scratch;
    RadixSortUnique(m_pairs, scratch);
    m_pairs_sorted = true;
  }
  if (!m_buffer_cap) return;
  for (uint64_t g = 0; g < m_groups; ++g) DrainGroup(*this, g);
}

void DistinctStore::Merge(DistinctStore& other) {
  if (other.m_groups == 0) return;  // nothing, or already merged group by group
  Flush();
  other.Flush();
  if (m_bitmaps) {
    for (uint64_t g = 0; g < m_groups; ++g) MergeGroup(other, g);
    other.Release();
  } else {
    // Both sorted by Flush: one linear merge, repeats (a child in both workers' rows) dropped.
    std::vector<uint64_t> merged(m_pairs.size() + other.m_pairs.size());
    merged.erase(std::set_union(m_pairs.begin(), m_pairs.end(), other.m_pairs.begin(), other.m_pairs.end(), merged.begin()),
                 merged.end());
    m_pairs.swap(merged);
    other.m_pairs = {};
  }
}

void DistinctStore::MergeGroup(DistinctStore& other, uint64_t g) {
  DrainGroup(*this, g);  // this group's bitmap is about to be in cache for the rest
  DrainGroup(other, g);
  uint64_t* theirs = other.m_blocks[g];
  if (!theirs) return;
  if (!m_blocks[g]) {
    m_blocks[g] = theirs;
    other.m_blocks[g] = nullptr;
    return;
  }
  uint64_t* mine = m_blocks[g];
  for (size_t w = 0; w < m_words; ++w) mine[w] |= theirs[w];
}

void DistinctStore::CountGroup(uint64_t g) {
  DrainGroup(*this, g);
  m_counts[g] = BitmapCount(g);
}

void DistinctStore::PrepareCounts() {
  m_counts.assign(m_groups, 0);
  if (m_keys) m_key_sums.assign(m_groups, 0);
}

void DistinctStore::MergeAndCountGroups(const std::vector<DistinctStore*>& others, const std::vector<uint64_t>& groups) {
  // Buffered children into this store's bitmaps first (as MergeGroup); a group only another
  // store has a bitmap for takes that bitmap over.
  std::vector<uint64_t* const*> theirs;
  for (DistinctStore* o : others) theirs.push_back(o->m_blocks.data());
  for (uint64_t g : groups) {
    DrainGroup(*this, g);
    for (DistinctStore* o : others) {
      DrainGroup(*o, g);
      if (!m_blocks[g] && o->m_blocks[g]) std::swap(m_blocks[g], o->m_blocks[g]);
    }
  }
  TallyTiles(m_blocks.data(), theirs, m_words, groups, m_keys, m_counts.data(), m_key_sums.data());
}

void DistinctStore::MarkCounted() { m_counted = true; }

void DistinctStore::Drop() {
  Release();
  m_groups = 0;
}

void DistinctStore::Finish() {
  Flush();
  if (m_bitmaps || m_finished) return;  // Flush sorted the pairs
  m_counts.assign(m_groups, 0);
  for (uint64_t p : m_pairs) ++m_counts[p >> m_child_bits];
  m_finished = true;
}

uint64_t DistinctStore::Count(uint64_t group) const {
  if (!m_bitmaps || m_counted) return m_counts[group];
  return BitmapCount(group);
}

uint64_t DistinctStore::BitmapCount(uint64_t group) const {
  const uint64_t* block = m_blocks[group];
  if (!block) return 0;
  // SWAR popcount: without -mpopcnt std::popcount is a library call per word; this loop
  // vectorizes instead.
  uint64_t n = 0;
  for (size_t w = 0; w < m_words; ++w) {
    uint64_t x = block[w];
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    n += (x * 0x0101010101010101ull) >> 56;
  }
  return n;
}

std::vector<uint64_t> DistinctStore::KeySums(const uint8_t* keys) const {
  if (m_counted && keys == m_keys && m_key_sums.size() == m_groups) return m_key_sums;  // summed as counted
  std::vector<uint64_t> sums(m_groups, 0);
  if (m_bitmaps) {
    std::vector<uint64_t> all(m_groups);
    for (uint64_t g = 0; g < m_groups; ++g) all[g] = g;
    TallyTiles(m_blocks.data(), {}, m_words, all, keys, nullptr, sums.data());  // with nothing to merge it only reads
  } else {
    const uint64_t mask = (uint64_t{1} << m_child_bits) - 1;
    for (uint64_t p : m_pairs) sums[p >> m_child_bits] += keys[p & mask];
  }
  return sums;
}

DistinctStore DistinctStore::Project(const std::vector<uint64_t>& map, uint64_t new_groups) const {
  DistinctStore out;
  out.m_bitmaps = m_bitmaps;
  out.m_groups = new_groups;
  out.m_words = m_words;
  out.m_child_bits = m_child_bits;
  if (m_bitmaps) {
    out.m_blocks.assign(new_groups, nullptr);
    for (uint64_t g = 0; g < m_groups; ++g) {
      if (!m_blocks[g] || map[g] == UINT64_MAX) continue;
      uint64_t* dest = out.m_blocks[map[g]];
      if (!dest) dest = out.Touch(map[g]);
      for (size_t w = 0; w < m_words; ++w) dest[w] |= m_blocks[g][w];
    }
  } else {
    out.m_pairs.reserve(m_pairs.size());
    for (uint64_t p : m_pairs)
      if (map[p >> m_child_bits] != UINT64_MAX)
        out.m_pairs.push_back(map[p >> m_child_bits] << m_child_bits | (p & ((uint64_t{1} << m_child_bits) - 1)));
    out.m_pairs_sorted = false;  // folded groups interleave
    out.Finish();
  }
  return out;
}

void Partial::Init(const CompiledQuery& cq, bool force_pairs) {
  groups = cq.group_count;
  episodes.assign(groups, 0);
  const bool bitmaps = !force_pairs && DistinctStore::BitmapsFit(groups, cq.child_count);
  distinct.clear();
  for (int i = 0; i < cq.distinct_slots; ++i) {
    distinct.emplace_back(groups, cq.child_count, bitmaps);
    if (cq.child_keys) distinct.back().SetKeys(cq.child_keys->data());
  }
  isum.assign(cq.numeric_slots, {});
  dsum.assign(cq.numeric_slots, {});
  nvalues.assign(cq.numeric_slots, {});
  values.assign(cq.numeric_slots, {});
  for (const CompiledMeasure& m : cq.measures) {
    if (m.numeric_slot < 0) continue;
    if (m.source.integral) isum[m.numeric_slot].assign(groups, 0);
    else dsum[m.numeric_slot].assign(groups, 0);
    nvalues[m.numeric_slot].assign(groups, 0);
  }
  ratio_num.assign(cq.ratio_slots, std::vector<uint64_t>(groups, 0));
  ratio_den.assign(cq.ratio_slots, std::vector<uint64_t>(groups, 0));
  const bool keys = cq.row_keys != nullptr;
  episode_keys.assign(keys ? groups : 0, 0);
  ratio_num_keys.assign(keys ? cq.ratio_slots : 0, std::vector<uint64_t>(groups, 0));
  ratio_den_keys.assign(keys ? cq.ratio_slots : 0, std::vector<uint64_t>(groups, 0));
}

namespace {
template <class T>
void AddInto(std::vector<T>& a, const std::vector<T>& b) {
  for (size_t i = 0; i < b.size(); ++i) a[i] += b[i];
}
}  // namespace

void Partial::Merge(Partial& other) {
  AddInto(episodes, other.episodes);
  for (size_t i = 0; i < distinct.size(); ++i) distinct[i].Merge(other.distinct[i]);
  for (size_t i = 0; i < isum.size(); ++i) {
    AddInto(isum[i], other.isum[i]);
    AddInto(dsum[i], other.dsum[i]);
    AddInto(nvalues[i], other.nvalues[i]);
    values[i].insert(values[i].end(), other.values[i].begin(), other.values[i].end());
  }
  for (size_t i = 0; i < ratio_num.size(); ++i) {
    AddInto(ratio_num[i], other.ratio_num[i]);
    AddInto(ratio_den[i], other.ratio_den[i]);
  }
  AddInto(episode_keys, other.episode_keys);
  for (size_t i = 0; i < ratio_num_keys.size(); ++i) {
    AddInto(ratio_num_keys[i], other.ratio_num_keys[i]);
    AddInto(ratio_den_keys[i], other.ratio_den_keys[i]);
  }
}

void Partial::Finish() {
  for (auto& d : distinct) d.Finish();
  for (auto& v : values) std::sort(v.begin(), v.end());
}

Partial Partial::Project(const CompiledQuery& cq, const std::vector<uint64_t>& map, uint64_t new_groups) const {
  Partial out;
  out.groups = new_groups;
  auto project = [&](const auto& src) {
    std::remove_cvref_t<decltype(src)> dst(src.empty() ? 0 : new_groups, 0);
    for (size_t g = 0; g < src.size(); ++g)
      if (map[g] != UINT64_MAX) dst[map[g]] += src[g];
    return dst;
  };
  out.episodes = project(episodes);
  for (const auto& d : distinct) out.distinct.push_back(d.Project(map, new_groups));
  for (size_t i = 0; i < isum.size(); ++i) {
    out.isum.push_back(project(isum[i]));
    out.dsum.push_back(project(dsum[i]));
    out.nvalues.push_back(project(nvalues[i]));
    std::vector<std::pair<uint64_t, double>> v;
    for (const auto& [g, x] : values[i])
      if (map[g] != UINT64_MAX) v.emplace_back(map[g], x);
    std::sort(v.begin(), v.end());
    out.values.push_back(std::move(v));
  }
  for (size_t i = 0; i < ratio_num.size(); ++i) {
    out.ratio_num.push_back(project(ratio_num[i]));
    out.ratio_den.push_back(project(ratio_den[i]));
  }
  out.episode_keys = project(episode_keys);
  for (size_t i = 0; i < ratio_num_keys.size(); ++i) {
    out.ratio_num_keys.push_back(project(ratio_num_keys[i]));
    out.ratio_den_keys.push_back(project(ratio_den_keys[i]));
  }
  (void)cq;
  return out;
}

}  // namespace csc
