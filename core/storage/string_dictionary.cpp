#include "storage/string_dictionary.hpp"

#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace csc {

uint64_t HashLongString(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

namespace {
constexpr uint32_t kNoOffsets[1] = {0};
}

StringDictionary::StringDictionary(std::string blob, std::vector<uint32_t> offsets)
    : m_blob(std::move(blob)), m_offsets(std::move(offsets)) {
  m_chars = m_blob.data();
  m_offs = m_offsets.empty() ? kNoOffsets : m_offsets.data();
  m_count = static_cast<uint32_t>(m_offsets.empty() ? 0 : m_offsets.size() - 1);
}

StringDictionary::StringDictionary(std::string_view blob, const uint32_t* offsets, uint32_t count,
                                   std::shared_ptr<const void> owner)
    : m_chars(blob.data()), m_offs(offsets), m_count(count), m_owner(std::move(owner)) {}

std::optional<uint32_t> StringDictionary::Find(std::string_view value) const {
  std::call_once(m_index_once, [this] {
    size_t slots = 16;
    while (slots < size_t{size()} * 2) slots <<= 1;
    m_index.assign(slots, 0);
    for (uint32_t code = 0; code < size(); ++code) {
      size_t i = HashString(Get(code)) & (slots - 1);
      while (m_index[i]) i = (i + 1) & (slots - 1);
      m_index[i] = code + 1;
    }
  });
  const size_t mask = m_index.size() - 1;
  for (size_t i = HashString(value) & mask; m_index[i]; i = (i + 1) & mask)
    if (Get(m_index[i] - 1) == value) return m_index[i] - 1;
  return std::nullopt;
}

size_t StringDictionary::MemoryBytes() const {
  const size_t stored = m_owner ? blob().size() + (size_t{m_count} + 1) * sizeof(uint32_t)
                                : m_blob.capacity() + m_offsets.capacity() * sizeof(uint32_t);
  return stored + m_index.capacity() * sizeof(uint32_t);
}

namespace {
// Equality for the short strings that make up nearly every dictionary, without a call
// to memcmp: overlapping word loads, all within both strings' bounds.
inline bool SameBytes(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  if (n > 16) return std::memcmp(a.data(), b.data(), n) == 0;
  auto word = [](const char* p, size_t k) {
    uint64_t v = 0;
    std::memcpy(&v, p, k);
    return v;
  };
  if (n >= 8) return word(a.data(), 8) == word(b.data(), 8) && word(a.data() + n - 8, 8) == word(b.data() + n - 8, 8);
  if (n >= 4) return word(a.data(), 4) == word(b.data(), 4) && word(a.data() + n - 4, 4) == word(b.data() + n - 4, 4);
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}
}  // namespace

uint32_t StringDictionaryBuilder::Intern(std::string_view value) {
  if (m_slots.empty()) Rehash(64);
  const uint64_t h = HashString(value);
  const uint64_t tag = h & 0xFFFFFFFF00000000ull;
  const size_t mask = m_slots.size() - 1;
  size_t i = h & mask;
  for (; m_slots[i]; i = (i + 1) & mask) {
    if ((m_slots[i] & 0xFFFFFFFF00000000ull) == tag) {
      const uint32_t code = static_cast<uint32_t>(m_slots[i]) - 1;
      if (SameBytes(Get(code), value)) return code;
    }
  }
  const uint32_t code = Append(value);
  m_slots[i] = tag | (code + 1ull);
  if (size_t{size()} * 2 > m_slots.size()) Rehash(m_slots.size() * 2);
  return code;
}

uint32_t StringDictionaryBuilder::Append(std::string_view value) {
  const uint32_t code = size();
  if (code == UINT32_MAX - 1) throw std::length_error("string dictionary exceeds 4 billion entries");
  m_blob.append(value);
  if (m_blob.size() > UINT32_MAX) throw std::length_error("string dictionary exceeds 4 GiB of text");
  m_offsets.push_back(static_cast<uint32_t>(m_blob.size()));
  return code;
}

void StringDictionaryBuilder::InternAll(const StringDictionaryBuilder& other, std::vector<uint32_t>& remap) {
  constexpr uint32_t kBatch = 32;
  const uint32_t n = other.size();
  remap.resize(n);
  if (m_slots.empty()) Rehash(64);
  uint64_t hashes[kBatch];
  uint32_t candidates[kBatch];
  for (uint32_t base = 0; base < n; base += kBatch) {
    const uint32_t count = std::min(kBatch, n - base);
    const size_t mask = m_slots.size() - 1;
    // Stage 1: hash, and start loading each value's first slot.
    for (uint32_t j = 0; j < count; ++j) {
      hashes[j] = HashString(other.Get(base + j));
      __builtin_prefetch(&m_slots[hashes[j] & mask]);
    }
    // Stage 2: read the slots; where the tag matches, start loading the entry's text.
    for (uint32_t j = 0; j < count; ++j) {
      const uint64_t slot = m_slots[hashes[j] & mask];
      candidates[j] = UINT32_MAX;
      if (slot && (slot & 0xFFFFFFFF00000000ull) == (hashes[j] & 0xFFFFFFFF00000000ull)) {
        candidates[j] = static_cast<uint32_t>(slot) - 1;
        __builtin_prefetch(&m_offsets[candidates[j]]);
      }
    }
    for (uint32_t j = 0; j < count; ++j)
      if (candidates[j] != UINT32_MAX) __builtin_prefetch(m_blob.data() + m_offsets[candidates[j]]);
    // Stage 3: confirm hits; anything else takes the ordinary path (which may insert).
    for (uint32_t j = 0; j < count; ++j) {
      const std::string_view value = other.Get(base + j);
      if (candidates[j] != UINT32_MAX && SameBytes(Get(candidates[j]), value)) remap[base + j] = candidates[j];
      else remap[base + j] = Intern(value);
    }
  }
}

std::optional<uint32_t> StringDictionaryBuilder::Find(std::string_view value) const {
  if (m_slots.empty()) return std::nullopt;
  const uint64_t h = HashString(value);
  const size_t mask = m_slots.size() - 1;
  for (size_t i = h & mask; m_slots[i]; i = (i + 1) & mask) {
    const uint32_t code = static_cast<uint32_t>(m_slots[i]) - 1;
    if (Get(code) == value) return code;
  }
  return std::nullopt;
}

void StringDictionaryBuilder::Rehash(size_t slots) {
  std::vector<uint64_t> fresh(slots, 0);
  const size_t mask = slots - 1;
  for (uint32_t code = 0; code < size(); ++code) {
    const uint64_t h = HashString(Get(code));
    size_t i = h & mask;
    while (fresh[i]) i = (i + 1) & mask;
    fresh[i] = (h & 0xFFFFFFFF00000000ull) | (code + 1ull);
  }
  m_slots.swap(fresh);
}

void StringDictionaryBuilder::Clear() {
  m_blob.clear();
  m_offsets.assign(1, 0);
  std::fill(m_slots.begin(), m_slots.end(), 0);
}

DictionaryPtr StringDictionaryBuilder::Finish() {
  m_blob.shrink_to_fit();
  m_offsets.shrink_to_fit();
  auto dict = std::make_shared<const StringDictionary>(std::move(m_blob), std::move(m_offsets));
  m_blob.clear();
  m_offsets.assign(1, 0);
  m_slots.clear();
  return dict;
}

}  // namespace csc
