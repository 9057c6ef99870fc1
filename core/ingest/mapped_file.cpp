#include "ingest/mapped_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>

#include "ingest/load_options.hpp"

namespace csc {

namespace {

// Mappings the SIGBUS handler may repair. A fixed array of atomics: the handler may only
// touch async-signal-safe state.
struct MappingSlot {
  std::atomic<bool> claimed{false};
  std::atomic<uintptr_t> begin{0};
  std::atomic<size_t> size{0};
  std::atomic<bool> faulted{false};
};
constexpr int kSlots = 64;
MappingSlot g_slots[kSlots];
struct sigaction g_previous {};
std::once_flag g_install_once;
uintptr_t g_page_size = 4096;  // read once at install: sysconf is not async-signal-safe

void OnSigbus(int sig, siginfo_t* info, void* context) {
  const auto addr = reinterpret_cast<uintptr_t>(info->si_addr);
  for (auto& slot : g_slots) {
    const uintptr_t begin = slot.begin.load(std::memory_order_acquire);
    if (!begin || addr < begin || addr >= begin + slot.size.load(std::memory_order_acquire)) continue;
    // The file shrank under us: give the reader zeros for this page and let the loader
    // report the change. MAP_FIXED replaces the file page atomically.
    const uintptr_t page = g_page_size;
    void* at = reinterpret_cast<void*>(addr & ~(page - 1));
    if (::mmap(at, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
      slot.faulted.store(true, std::memory_order_release);
      return;
    }
    break;
  }
  // Not one of ours: behave as if we were never here.
  if (g_previous.sa_flags & SA_SIGINFO) {
    if (g_previous.sa_sigaction) return g_previous.sa_sigaction(sig, info, context);
  } else if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN) {
    return g_previous.sa_handler(sig);
  }
  ::signal(SIGBUS, SIG_DFL);  // returning re-runs the faulting access, which now kills us
}

void InstallSigbusHandler() {
  std::call_once(g_install_once, [] {
    if (const long page = ::sysconf(_SC_PAGESIZE); page > 0) g_page_size = static_cast<uintptr_t>(page);
    struct sigaction action {};
    action.sa_sigaction = OnSigbus;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGBUS, &action, &g_previous);
  });
}

int Register(void* data, size_t size) {
  InstallSigbusHandler();
  for (int i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (!g_slots[i].claimed.compare_exchange_strong(expected, true, std::memory_order_acq_rel)) continue;
    g_slots[i].faulted.store(false, std::memory_order_relaxed);
    g_slots[i].size.store(size, std::memory_order_relaxed);
    // begin last (release): the handler only reads a slot whose begin is set
    g_slots[i].begin.store(reinterpret_cast<uintptr_t>(data), std::memory_order_release);
    return i;
  }
  return -1;  // more than 64 files mapped at once: still loads, only without the repair
}

bool SameTime(const timespec& a, const timespec& b) { return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec; }

}  // namespace

MappedFile::MappedFile(const std::string& path) : m_path(path) {
  // stat first: open() on a FIFO with no writer would block forever.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    if (err == ENOENT) throw LoadError(path, 0, 0, "no such file");
    if (err == EACCES) throw LoadError(path, 0, 0, "permission denied (file is not readable)");
    throw LoadError(path, 0, 0, std::string("cannot read file status: ") + std::strerror(err));
  }
  if (S_ISDIR(st.st_mode)) throw LoadError(path, 0, 0, "is a directory, not a CSV file");
  if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))
    throw LoadError(path, 0, 0, "is a pipe or socket, not a regular file; save the data to a file first");
  if (!S_ISREG(st.st_mode)) throw LoadError(path, 0, 0, "is not a regular file (a device?)");
  // O_NONBLOCK too, in case the path was swapped for a FIFO between stat and open.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) throw LoadError(path, 0, 0, "no such file");
    if (err == EACCES) throw LoadError(path, 0, 0, "permission denied (file is not readable)");
    throw LoadError(path, 0, 0, std::string("cannot open: ") + std::strerror(err));
  }
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    throw LoadError(path, 0, 0, std::string("cannot read file status: ") + std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    throw LoadError(path, 0, 0, "is not a regular file");
  }
  m_fd = fd;  // kept open so Changed() can fstat the very inode that is mapped
  m_dev = st.st_dev;
  m_ino = st.st_ino;
  m_stat_size = st.st_size;
  m_mtime = st.st_mtim;
  m_ctime = st.st_ctim;
  m_size = static_cast<size_t>(st.st_size);
  if (m_size > 0) {
    m_data = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m_data == MAP_FAILED) {
      const int err = errno;
      m_data = nullptr;
      ::close(fd);
      m_fd = -1;
      throw LoadError(path, 0, 0, std::string("cannot read: ") + std::strerror(err));
    }
    ::madvise(m_data, m_size, MADV_SEQUENTIAL);
    m_slot = Register(m_data, m_size);
  }
}

MappedFile::~MappedFile() {
  if (m_slot >= 0) g_slots[m_slot].begin.store(0, std::memory_order_release);
  if (m_data) ::munmap(m_data, m_size);
  if (m_slot >= 0) g_slots[m_slot].claimed.store(false, std::memory_order_release);
  if (m_fd >= 0) ::close(m_fd);
}

bool MappedFile::ReadFaulted() const {
  return m_slot >= 0 && g_slots[m_slot].faulted.load(std::memory_order_acquire);
}

bool MappedFile::Changed() const {
  if (ReadFaulted()) return true;
  struct stat now {};
  if (m_fd >= 0 && ::fstat(m_fd, &now) == 0) {
    if (now.st_size != m_stat_size || !SameTime(now.st_mtim, m_mtime) || !SameTime(now.st_ctim, m_ctime)) return true;
  }
  // Replaced (renamed over or deleted): the table no longer describes the file at this path.
  if (::stat(m_path.c_str(), &now) != 0) return true;
  return now.st_dev != m_dev || now.st_ino != m_ino;
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
