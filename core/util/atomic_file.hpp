#pragma once
// Exports and saved state are written to a temporary file beside the target, flushed and
// renamed over it, so a crash or a full disk never leaves a half-written file behind.
#include <cstdint>
#include <string>
#include <string_view>

namespace csc {

// Throws std::runtime_error naming the path on failure; the target is then untouched.
void WriteFileAtomically(const std::string& path, std::string_view contents);

// The same for a file too large to assemble in memory (a snapshot): written piece by piece
// into the temporary file, then Commit() flushes and renames it over `path`. Destroyed
// without Commit(), the temporary file is removed and the target is untouched.
class AtomicFileWriter {
 public:
  explicit AtomicFileWriter(std::string path);  // throws std::runtime_error naming the path
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  void Write(const void* data, size_t bytes);                 // at the end
  void WriteAt(uint64_t offset, const void* data, size_t bytes);  // over bytes already written
  uint64_t size() const { return m_size; }
  void Commit();

 private:
  [[noreturn]] void Fail(const char* what, int err);
  std::string m_path, m_tmp;
  int m_fd = -1;
  uint64_t m_size = 0;
};

}  // namespace csc
