#include "storage/validity_bitmap.hpp"

#include <bit>

namespace csc {

size_t ValidityBitmap::CountNulls() const {
  size_t valid = 0;
  for (uint64_t w : m_words) valid += static_cast<size_t>(std::popcount(w));
  return m_size - valid;
}

}  // namespace csc
