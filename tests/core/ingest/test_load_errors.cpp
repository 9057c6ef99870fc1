#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "ingest/csv_loader.hpp"

using namespace csc;

namespace {
std::string Message(const std::string& text, LoadOptions options = {}) {
  try {
    LoadCsvBytes(text, "bad.csv", options);
  } catch (const LoadError& e) {
    return e.what();
  }
  return "(loaded)";
}
std::string FileMessage(const std::string& path) {
  try {
    LoadCsvFile(path);
  } catch (const LoadError& e) {
    return e.what();
  }
  return "(loaded)";
}
std::string TempFile(const std::string& name, const std::string& contents) {
  const std::string path = "/tmp/csc_test_" + name;
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}
}  // namespace

TEST_CASE("files that cannot be loaded give one line naming the file", "[ingest][errors]") {
  CHECK(Message("") == "bad.csv: file is empty");
  CHECK(Message("\n\r\n  \n") == "bad.csv: file is empty");
  CHECK(Message("a,b,c\n") == "bad.csv:1: has a header but no data rows");
  CHECK(Message("\na,b,c\n\n\n") == "bad.csv:2: has a header but no data rows");
  CHECK(Message(std::string("a,b\n1,2\n3,\0\x01\x02,4\n", 16)) == "bad.csv:3: binary or non-text file (contains NUL bytes)");
  CHECK(Message("PK\x03\x04rest-of-a-zip") ==
        "bad.csv: is a ZIP archive (an Excel .xlsx workbook?), not CSV text; save it as CSV first");
  CHECK(Message("\"a,b\n1,2\n") == "bad.csv:1: the header has an unterminated quoted field");
  LoadOptions small;
  small.memory_limit_bytes = 8;
  CHECK(Message("a,b\n1,2\n3,4\n", small) ==
        "bad.csv: file is larger than the memory available to load it (0 MB > 0 MB)");
}

TEST_CASE("missing, unreadable and directory paths are reported, never crash", "[ingest][errors]") {
  CHECK(FileMessage("/tmp/csc_test_does_not_exist.csv") == "/tmp/csc_test_does_not_exist.csv: no such file");
  CHECK(FileMessage("/tmp") == "/tmp: is a directory, not a CSV file");
  CHECK(FileMessage(TempFile("empty.csv", "")) == "/tmp/csc_test_empty.csv: file is empty");
  const std::string locked = TempFile("locked.csv", "a\n1\n");
  ::chmod(locked.c_str(), 0);
  if (::geteuid() != 0)  // root reads anything; the check only means something for users
    CHECK(FileMessage(locked) == locked + ": permission denied (file is not readable)");
  ::chmod(locked.c_str(), 0644);
  const auto ok = LoadCsvFile(locked);
  CHECK(ok.table->num_rows() == 1);
  CHECK(ok.table->provenance().file_bytes == 4);
}
