#pragma once
// An untyped, uninitialised, growable byte buffer. Unlike std::vector it never zero-fills,
// so a column's pages are touched once, by the values written into them (a first touch
// costs ~10 us per 4 KiB page on these machines). A buffer may instead view memory owned
// elsewhere (a memory-mapped snapshot), kept alive by a shared owner: the column then reads
// the mapping in place, without copying.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>

namespace csc {

class Buffer {
 public:
  Buffer() = default;
  explicit Buffer(size_t capacity_bytes) { Reserve(capacity_bytes); }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  Buffer(Buffer&& o) noexcept
      : m_data(std::exchange(o.m_data, nullptr)),
        m_size(std::exchange(o.m_size, 0)),
        m_capacity(std::exchange(o.m_capacity, 0)),
        m_owner(std::move(o.m_owner)) {}
  Buffer& operator=(Buffer&& o) noexcept {
    if (this != &o) {
      Release();
      m_data = std::exchange(o.m_data, nullptr);
      m_size = std::exchange(o.m_size, 0);
      m_capacity = std::exchange(o.m_capacity, 0);
      m_owner = std::move(o.m_owner);
    }
    return *this;
  }
  ~Buffer() { Release(); }

  // `bytes` at `data`, read in place; `owner` keeps them alive. Such a buffer is read-only:
  // growing it throws std::logic_error.
  static Buffer View(const std::byte* data, size_t bytes, std::shared_ptr<const void> owner);
  bool is_view() const { return m_owner != nullptr; }

  std::byte* data() { return m_data; }
  const std::byte* data() const { return m_data; }
  size_t size() const { return m_size; }
  size_t capacity() const { return m_capacity; }

  void Reserve(size_t bytes);
  // Sets the size; new bytes are uninitialised.
  void Resize(size_t bytes) {
    if (bytes > m_capacity) Reserve(bytes > 2 * m_capacity ? bytes : 2 * m_capacity);
    m_size = bytes;
  }
  void Append(const void* src, size_t bytes) {
    const size_t at = m_size;
    Resize(m_size + bytes);
    if (bytes) std::memcpy(m_data + at, src, bytes);
  }
  // Returns unused capacity to the allocator.
  void ShrinkToFit();

 private:
  void Release();
  std::byte* m_data = nullptr;
  size_t m_size = 0;
  size_t m_capacity = 0;
  std::shared_ptr<const void> m_owner;  // set for a view: m_data is not ours to free
};

}  // namespace csc
