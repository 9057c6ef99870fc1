#pragma once
// A read-only memory map of an input file. The loader parses straight out of the page
// cache, so the only copy of the data it ever makes is the typed table itself (plus one
// transcoded copy for non-UTF-8 files).
//
// A mapped file can change under the loader: truncated (reading past the new end raises
// SIGBUS) or overwritten in place (the pages change as we read them). A process-wide SIGBUS
// handler (installed on first use) maps a zero page over a faulting page of a registered
// mapping and marks it changed, and `Changed()` also compares the file's status now with
// the one taken when it was mapped; the loader then fails with one clear line instead of
// crashing or returning a torn table.
#include <sys/types.h>

#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>

namespace csc {

class MappedFile {
 public:
  // Throws LoadError naming the file: missing, a directory, a FIFO or device, unreadable.
  // Never blocks: the file type is checked before it is opened.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {static_cast<const char*>(m_data), m_size}; }
  uint64_t size() const { return m_size; }

  // True when a read faulted past the file's end (it was truncated while mapped), or when
  // the file's size, modification or status-change time, or inode differ from when it was
  // mapped (written in place or replaced).
  bool Changed() const;
  // True when a read of this mapping faulted (SIGBUS) and was given zeros instead.
  bool ReadFaulted() const;

 private:
  std::string m_path;
  void* m_data = nullptr;
  size_t m_size = 0;
  int m_fd = -1;
  int m_slot = -1;  // index in the SIGBUS registry, -1 when not registered
  dev_t m_dev = 0;
  ino_t m_ino = 0;
  off_t m_stat_size = 0;
  timespec m_mtime{}, m_ctime{};
};

// Bytes of memory the machine can still hand out (MemAvailable), or 0 if unknown.
uint64_t AvailableMemoryBytes();

}  // namespace csc
