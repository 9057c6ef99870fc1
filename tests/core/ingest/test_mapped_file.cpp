// A file that is a FIFO, or that changes while it is mapped and loaded, fails with one line
// naming the file: never a hang, a SIGBUS or a torn table.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "ingest/csv_loader.hpp"
#include "ingest/mapped_file.hpp"

using namespace csc;

namespace {

std::string TempPath(const std::string& name) { return "/tmp/csc_test_mapped_" + std::to_string(::getpid()) + "_" + name; }

// Written with a modification time in 2001, so a rewrite later in the same clock tick
// (file times are only as fine as the kernel's coarse clock) still changes it.
void Write(const std::string& path, const std::string& contents) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << contents;
  const timespec times[2] = {{1000000000, 0}, {1000000000, 0}};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

// rows "i,x\n" for i = 1..n: a file several pages long
std::string Rows(int n) {
  std::string s = "id,value\n";
  for (int i = 1; i <= n; ++i) s += std::to_string(i) + ",x" + std::to_string(i % 7) + "\n";
  return s;
}

std::string LoadMessage(const std::string& path, const LoadOptions& options) {
  try {
    LoadCsvFile(path, options);
  } catch (const LoadError& e) {
    return e.what();
  }
  return "(loaded)";
}

const std::string kChanged =
    ": file changed while it was being read (truncated, rewritten or replaced); load it again once whatever is "
    "writing it has finished";

}  // namespace

TEST_CASE("a FIFO is refused at once, never opened for reading", "[ingest][errors][mapped]") {
  const std::string fifo = TempPath("fifo.csv");
  ::unlink(fifo.c_str());
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // No writer: an open() for reading would block forever, and this test with it.
  CHECK(LoadMessage(fifo, {}) == fifo + ": is a pipe or socket, not a regular file; save the data to a file first");
  CHECK_THROWS_AS(MappedFile(fifo), LoadError);
  ::unlink(fifo.c_str());
  CHECK(LoadMessage("/dev/null", {}) == "/dev/null: is not a regular file (a device?)");
}

TEST_CASE("reading past the end of a file truncated while mapped gives zeros, not SIGBUS", "[ingest][mapped]") {
  const std::string path = TempPath("truncate.csv");
  const std::string contents = Rows(5000);  // ~40 KB: ten pages
  Write(path, contents);
  MappedFile file(path);
  REQUIRE(file.size() == contents.size());
  CHECK_FALSE(file.Changed());
  CHECK_FALSE(file.ReadFaulted());
  REQUIRE(::truncate(path.c_str(), 0) == 0);
  // Without the handler this read kills the process with SIGBUS.
  const std::string_view bytes = file.bytes();
  const volatile char last = bytes[bytes.size() - 1];
  CHECK(last == 0);
  const volatile char middle = bytes[bytes.size() / 2];
  CHECK(middle == 0);
  CHECK(file.ReadFaulted());
  CHECK(file.Changed());
  ::unlink(path.c_str());
}

TEST_CASE("a file rewritten in place or replaced after mapping counts as changed", "[ingest][mapped]") {
  const std::string path = TempPath("rewrite.csv");
  Write(path, Rows(100));
  {
    MappedFile file(path);
    CHECK_FALSE(file.Changed());
    // Same size, other bytes, written into the same inode: only the times tell.
    const int fd = ::open(path.c_str(), O_WRONLY);
    REQUIRE(fd >= 0);
    REQUIRE(::pwrite(fd, "9", 1, 9) == 1);
    ::close(fd);
    CHECK(file.Changed());
    CHECK_FALSE(file.ReadFaulted());
  }
  {
    MappedFile file(path);
    const std::string other = TempPath("other.csv");
    Write(other, Rows(100));
    REQUIRE(::rename(other.c_str(), path.c_str()) == 0);  // an editor's atomic save
    CHECK(file.Changed());
  }
  ::unlink(path.c_str());
}

TEST_CASE("a load whose file is truncated or rewritten mid-way fails cleanly", "[ingest][errors][mapped]") {
  const std::string path = TempPath("midload.csv");
  const std::string contents = Rows(20000);
  Write(path, contents);
  LoadOptions options;
  options.chunk_bytes = 4096;
  SECTION("truncated") {
    options.on_mapped = [&] { REQUIRE(::truncate(path.c_str(), 1000) == 0); };
    CHECK(LoadMessage(path, options) == path + kChanged);
  }
  SECTION("rewritten in place with other rows of the same size") {
    options.on_mapped = [&] {
      std::string other = contents;
      for (size_t i = 9; i < other.size(); ++i)
        if (other[i] == 'x') other[i] = 'y';
      const int fd = ::open(path.c_str(), O_WRONLY);
      REQUIRE(fd >= 0);
      REQUIRE(::pwrite(fd, other.data(), other.size(), 0) == static_cast<ssize_t>(other.size()));
      ::close(fd);
    };
    CHECK(LoadMessage(path, options) == path + kChanged);
  }
  SECTION("untouched, the same file loads") {
    const LoadResult r = LoadCsvFile(path, options);
    CHECK(r.report.rows_loaded == 20000);
  }
  ::unlink(path.c_str());
}
