#pragma once
// Strings interned once per column and referred to by small integer codes, in order of
// first appearance. Immutable once built; value -> code lookup builds its index lazily
// (only the query parser needs it), so a loaded table does not pay for a hash table.
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace csc {

class StringDictionary {
 public:
  StringDictionary() = default;
  StringDictionary(std::string blob, std::vector<uint32_t> offsets);
  // A dictionary read in place from memory owned elsewhere (a mapped snapshot): `count`
  // strings, `offsets` has count+1 entries, non-decreasing, the last within `blob`.
  StringDictionary(std::string_view blob, const uint32_t* offsets, uint32_t count, std::shared_ptr<const void> owner);

  uint32_t size() const { return m_count; }
  std::string_view Get(uint32_t code) const {
    return std::string_view(m_chars + m_offs[code], m_offs[code + 1] - m_offs[code]);
  }
  std::optional<uint32_t> Find(std::string_view value) const;
  size_t MemoryBytes() const;
  // The strings back to back, and where each starts (size()+1 entries): what a snapshot saves.
  std::string_view blob() const { return {m_chars, m_count ? m_offs[m_count] : 0}; }
  const uint32_t* offsets() const { return m_offs; }

 private:
  std::string m_blob;
  std::vector<uint32_t> m_offsets;  // size()+1 entries
  // What Get reads: m_blob / m_offsets, or the owner's memory.
  const char* m_chars = nullptr;
  const uint32_t* m_offs = nullptr;
  uint32_t m_count = 0;
  std::shared_ptr<const void> m_owner;
  mutable std::once_flag m_index_once;
  mutable std::vector<uint32_t> m_index;  // open addressing, code+1, 0 = empty
};

using DictionaryPtr = std::shared_ptr<const StringDictionary>;

// Interns strings; Intern() returns the existing code for a value seen before.
class StringDictionaryBuilder {
 public:
  uint32_t Intern(std::string_view value);
  // Adds `value` as a new entry even if present (a list with repeats; see ChunkColumn).
  uint32_t Append(std::string_view value);
  std::optional<uint32_t> Find(std::string_view value) const;
  uint32_t size() const { return static_cast<uint32_t>(m_offsets.size() - 1); }
  std::string_view Get(uint32_t code) const {
    return std::string_view(m_blob.data() + m_offsets[code], m_offsets[code + 1] - m_offsets[code]);
  }
  DictionaryPtr Finish();
  // Interns every value of `other` in its code order: remap[k] = code of other.Get(k).
  // Equivalent to calling Intern() for each, but overlaps the cache misses of a large
  // dictionary (the loader's merge of chunk-local dictionaries of ids).
  void InternAll(const StringDictionaryBuilder& other, std::vector<uint32_t>& remap);
  // Empties the builder but keeps its memory, for reuse on the next chunk.
  void Clear();

 private:
  void Rehash(size_t slots);
  std::string m_blob;
  std::vector<uint32_t> m_offsets{0};
  std::vector<uint64_t> m_slots;  // (hash high 32 bits << 32) | (code + 1); 0 = empty
};

// Short strings (codes, wards, ids: nearly every cell) hash with two overlapping loads and
// one 128-bit multiply; longer ones with XXH3.
uint64_t HashLongString(std::string_view s);
inline uint64_t HashString(std::string_view s) {
  const size_t n = s.size();
  if (n > 16) return HashLongString(s);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  auto load8 = [](const unsigned char* q) {
    uint64_t v;
    std::memcpy(&v, q, 8);
    return v;
  };
  auto load4 = [](const unsigned char* q) {
    uint32_t v;
    std::memcpy(&v, q, 4);
    return uint64_t{v};
  };
  uint64_t a, b;
  if (n >= 8) {
    a = load8(p);
    b = load8(p + n - 8);
  } else if (n >= 4) {
    a = load4(p);
    b = load4(p + n - 4);
  } else if (n > 0) {
    a = (uint64_t{p[0]} << 16) | (uint64_t{p[n >> 1]} << 8) | p[n - 1];
    b = 0;
  } else {
    a = b = 0;
  }
  __extension__ typedef unsigned __int128 U128;  // GCC and clang; pedantic-clean
  const U128 m = static_cast<U128>(a ^ 0xA0761D6478BD642Full ^ n) * static_cast<U128>(b ^ 0xE7037ED1A0B428DBull);
  return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
}

}  // namespace csc
