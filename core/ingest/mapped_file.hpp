#pragma once
// A read-only memory map of an input file. The loader parses straight out of the page
// cache, so the only copy of the data it ever makes is the typed table itself (plus one
// transcoded copy for non-UTF-8 files).
#include <cstdint>
#include <string>
#include <string_view>

namespace csc {

class MappedFile {
 public:
  // Throws LoadError naming the file: missing, a directory, unreadable.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {static_cast<const char*>(m_data), m_size}; }
  uint64_t size() const { return m_size; }

 private:
  void* m_data = nullptr;
  size_t m_size = 0;
};

// Bytes of memory the machine can still hand out (MemAvailable), or 0 if unknown.
uint64_t AvailableMemoryBytes();

}  // namespace csc
