#include "storage/buffer.hpp"

#include <sys/mman.h>

#include <cstdlib>
#include <new>
#include <stdexcept>

namespace csc {

namespace {
constexpr size_t kHugePageAdviceBytes = 8u << 20;
}

Buffer Buffer::View(const std::byte* data, size_t bytes, std::shared_ptr<const void> owner) {
  Buffer b;
  // Never written through: a view only backs an immutable Column.
  b.m_data = const_cast<std::byte*>(data);
  b.m_size = b.m_capacity = bytes;
  b.m_owner = owner ? std::move(owner) : std::make_shared<int>(0);
  return b;
}

void Buffer::Reserve(size_t bytes) {
  if (bytes <= m_capacity) return;
  if (m_owner) throw std::logic_error("Buffer: a view of mapped memory cannot grow");
  void* p = std::realloc(m_data, bytes);
  if (!p) throw std::bad_alloc();
  m_data = static_cast<std::byte*>(p);
  m_capacity = bytes;
#ifdef MADV_HUGEPAGE
  // Large column arrays: fewer page faults when first written (THP is in madvise mode here).
  if (bytes >= kHugePageAdviceBytes) {
    const auto addr = reinterpret_cast<uintptr_t>(m_data);
    const uintptr_t aligned = (addr + 4095) & ~uintptr_t{4095};
    const size_t len = (bytes - (aligned - addr)) & ~size_t{4095};
    if (len) madvise(reinterpret_cast<void*>(aligned), len, MADV_HUGEPAGE);
  }
#endif
}

void Buffer::ShrinkToFit() {
  if (m_size == m_capacity || m_owner) return;
  if (m_size == 0) {
    Release();
    return;
  }
  if (void* p = std::realloc(m_data, m_size)) {
    m_data = static_cast<std::byte*>(p);
    m_capacity = m_size;
  }
}

void Buffer::Release() {
  if (m_owner) m_owner.reset();
  else std::free(m_data);
  m_data = nullptr;
  m_size = m_capacity = 0;
}

}  // namespace csc
