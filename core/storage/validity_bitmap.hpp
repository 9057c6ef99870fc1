#pragma once
// One bit per row, 1 = value present. A column with no nulls has no bitmap at all.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace csc {

class ValidityBitmap {
 public:
  ValidityBitmap() = default;
  // All rows valid.
  explicit ValidityBitmap(size_t rows) : m_words((rows + 63) / 64, ~uint64_t{0}), m_size(rows) { ClearTail(); }

  // From words as words() gave them (a snapshot); bits past `rows` are cleared.
  static ValidityBitmap FromWords(std::vector<uint64_t> words, size_t rows) {
    ValidityBitmap b;
    b.m_words = std::move(words);
    b.m_words.resize((rows + 63) / 64);
    b.m_size = rows;
    b.ClearTail();
    return b;
  }

  size_t size() const { return m_size; }
  bool IsValid(size_t row) const { return (m_words[row >> 6] >> (row & 63)) & 1u; }
  void SetValid(size_t row) { m_words[row >> 6] |= uint64_t{1} << (row & 63); }
  void SetNull(size_t row) { m_words[row >> 6] &= ~(uint64_t{1} << (row & 63)); }
  // Grows to `rows`, new rows valid.
  void Resize(size_t rows) {
    const size_t old = m_size;
    m_words.resize((rows + 63) / 64, ~uint64_t{0});
    m_size = rows;
    if (rows > old && old % 64) m_words[old >> 6] |= ~uint64_t{0} << (old & 63);
    ClearTail();
  }
  size_t CountNulls() const;
  const std::vector<uint64_t>& words() const { return m_words; }
  size_t MemoryBytes() const { return m_words.capacity() * sizeof(uint64_t); }
  void ShrinkToFit() { m_words.shrink_to_fit(); }

 private:
  // Bits past size() stay 0 so word-level operations can ignore the tail.
  void ClearTail() {
    if (m_size % 64) m_words.back() &= (uint64_t{1} << (m_size % 64)) - 1;
  }
  std::vector<uint64_t> m_words;
  size_t m_size = 0;
};

}  // namespace csc
