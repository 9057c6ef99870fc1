#pragma once
// Strings interned once per column and referred to by small integer codes, in order of
// first appearance. Immutable once built; value -> code lookup builds its index lazily
// (only the query parser needs it), so a loaded table does not pay for a hash table.
#include <cstdint>
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

  uint32_t size() const { return static_cast<uint32_t>(m_offsets.empty() ? 0 : m_offsets.size() - 1); }
  std::string_view Get(uint32_t code) const {
    return std::string_view(m_blob.data() + m_offsets[code], m_offsets[code + 1] - m_offsets[code]);
  }
  std::optional<uint32_t> Find(std::string_view value) const;
  size_t MemoryBytes() const;

 private:
  std::string m_blob;
  std::vector<uint32_t> m_offsets;  // size()+1 entries
  mutable std::once_flag m_index_once;
  mutable std::vector<uint32_t> m_index;  // open addressing, code+1, 0 = empty
};

using DictionaryPtr = std::shared_ptr<const StringDictionary>;

// Interns strings; Intern() returns the existing code for a value seen before.
class StringDictionaryBuilder {
 public:
  uint32_t Intern(std::string_view value);
  std::optional<uint32_t> Find(std::string_view value) const;
  uint32_t size() const { return static_cast<uint32_t>(m_offsets.size() - 1); }
  std::string_view Get(uint32_t code) const {
    return std::string_view(m_blob.data() + m_offsets[code], m_offsets[code + 1] - m_offsets[code]);
  }
  DictionaryPtr Finish();

 private:
  void Rehash(size_t slots);
  std::string m_blob;
  std::vector<uint32_t> m_offsets{0};
  std::vector<uint64_t> m_slots;  // (hash high 32 bits << 32) | (code + 1); 0 = empty
};

uint64_t HashString(std::string_view s);

}  // namespace csc
