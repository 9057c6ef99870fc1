#include "ingest/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "ingest/load_options.hpp"

namespace csc {

MappedFile::MappedFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) throw LoadError(path, 0, 0, "no such file");
    if (err == EACCES) throw LoadError(path, 0, 0, "permission denied (file is not readable)");
    throw LoadError(path, 0, 0, std::string("cannot open: ") + std::strerror(err));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    throw LoadError(path, 0, 0, std::string("cannot read file status: ") + std::strerror(err));
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw LoadError(path, 0, 0, "is a directory, not a CSV file");
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    throw LoadError(path, 0, 0, "is not a regular file");
  }
  m_size = static_cast<size_t>(st.st_size);
  if (m_size > 0) {
    m_data = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m_data == MAP_FAILED) {
      const int err = errno;
      m_data = nullptr;
      ::close(fd);
      throw LoadError(path, 0, 0, std::string("cannot read: ") + std::strerror(err));
    }
    ::madvise(m_data, m_size, MADV_SEQUENTIAL);
  }
  ::close(fd);  // the mapping keeps the file's pages
}

MappedFile::~MappedFile() {
  if (m_data) ::munmap(m_data, m_size);
}

uint64_t AvailableMemoryBytes() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  uint64_t value = 0;
  std::string unit;
  while (meminfo >> key >> value >> unit) {
    if (key == "MemAvailable:") return value * 1024;
  }
  return 0;
}

}  // namespace csc
