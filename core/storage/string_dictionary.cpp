#include "storage/string_dictionary.hpp"

#include <xxhash.h>

#include <stdexcept>

namespace csc {

uint64_t HashString(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

StringDictionary::StringDictionary(std::string blob, std::vector<uint32_t> offsets)
    : m_blob(std::move(blob)), m_offsets(std::move(offsets)) {}

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
  return m_blob.capacity() + m_offsets.capacity() * sizeof(uint32_t) + m_index.capacity() * sizeof(uint32_t);
}

uint32_t StringDictionaryBuilder::Intern(std::string_view value) {
  if (m_slots.empty()) Rehash(64);
  const uint64_t h = HashString(value);
  const uint64_t tag = h & 0xFFFFFFFF00000000ull;
  const size_t mask = m_slots.size() - 1;
  size_t i = h & mask;
  for (; m_slots[i]; i = (i + 1) & mask) {
    if ((m_slots[i] & 0xFFFFFFFF00000000ull) == tag) {
      const uint32_t code = static_cast<uint32_t>(m_slots[i]) - 1;
      if (Get(code) == value) return code;
    }
  }
  const uint32_t code = size();
  if (code == UINT32_MAX - 1) throw std::length_error("string dictionary exceeds 4 billion entries");
  m_blob.append(value);
  if (m_blob.size() > UINT32_MAX) throw std::length_error("string dictionary exceeds 4 GiB of text");
  m_offsets.push_back(static_cast<uint32_t>(m_blob.size()));
  m_slots[i] = tag | (code + 1ull);
  if (size_t{size()} * 2 > m_slots.size()) Rehash(m_slots.size() * 2);
  return code;
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
