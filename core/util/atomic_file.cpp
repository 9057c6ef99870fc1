#include "util/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace csc {

void WriteFileAtomically(const std::string& path, std::string_view contents) {
  AtomicFileWriter out(path);
  out.Write(contents.data(), contents.size());
  out.Commit();
}

AtomicFileWriter::AtomicFileWriter(std::string path) : m_path(std::move(path)) {
  m_tmp = m_path + ".tmp-" + std::to_string(::getpid());
  m_fd = ::open(m_tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (m_fd < 0) throw std::runtime_error(m_path + ": cannot write: " + std::strerror(errno));
}

AtomicFileWriter::~AtomicFileWriter() {
  if (m_fd >= 0) {
    ::close(m_fd);
    ::unlink(m_tmp.c_str());
  }
}

void AtomicFileWriter::Fail(const char* what, int err) {
  ::close(m_fd);
  m_fd = -1;
  ::unlink(m_tmp.c_str());
  throw std::runtime_error(m_path + ": " + what + ": " + std::strerror(err));
}

void AtomicFileWriter::WriteAt(uint64_t offset, const void* data, size_t bytes) {
  const char* p = static_cast<const char*>(data);
  size_t done = 0;
  while (done < bytes) {
    const ssize_t n = ::pwrite(m_fd, p + done, bytes - done, static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      Fail("cannot write", errno);
    }
    done += static_cast<size_t>(n);
  }
  if (offset + bytes > m_size) m_size = offset + bytes;
}

void AtomicFileWriter::Write(const void* data, size_t bytes) { WriteAt(m_size, data, bytes); }

void AtomicFileWriter::Commit() {
  if (::fsync(m_fd) != 0) Fail("cannot write", errno);
  const int fd = m_fd;
  m_fd = -1;
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(m_tmp.c_str());
    throw std::runtime_error(m_path + ": cannot write: " + std::strerror(err));
  }
  if (std::rename(m_tmp.c_str(), m_path.c_str()) != 0) {
    const int err = errno;
    ::unlink(m_tmp.c_str());
    throw std::runtime_error(m_path + ": cannot replace: " + std::strerror(err));
  }
}

}  // namespace csc
