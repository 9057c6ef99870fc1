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

TEST_CASE("an unterminated quote rejects only its own line, in every chunking", "[ingest][errors][resync]") {
  // Line 1 header, line 2 opens a quote it never closes, lines 3..3002 are 3,000 good rows.
  // Before the resync rule the quote swallowed the whole file: 0 rows loaded, 1 rejected.
  std::string text = "num,name,n\n1,\"broken,5\n";
  for (int i = 2; i <= 3001; ++i) text += std::to_string(i) + ",row" + std::to_string(i) + "," + std::to_string(i % 9) + "\n";
  for (size_t chunk : {size_t{0}, size_t{64}, size_t{1000}, size_t{7777}}) {
    LoadOptions options;
    options.chunk_bytes = chunk;
    options.threads = chunk ? 3 : 1;
    const auto r = LoadCsvBytes(text, "q.csv", options);
    INFO("chunk " << chunk);
    CHECK(r.report.rows_read == 3001);
    CHECK(r.report.rows_loaded == 3000);
    CHECK(r.report.rows_rejected == 1);
    REQUIRE(r.report.rejects.size() == 1);
    CHECK(r.report.rejects[0].line == 2);
    CHECK(r.report.rejects[0].text == "1,\"broken,5");
    CHECK(r.report.rejects[0].reason ==
          "unterminated quoted field: a '\"' opened on this line is not closed within 1,000 lines; this line is "
          "rejected and reading resumes on the next");
    CHECK(r.table->column(0).GetInt(0) == 2);
  }
  // Two stray quotes 1,500 lines apart: each is its own broken line, the rows between load.
  std::string two = "id,name,n\n";
  for (int i = 1; i <= 3000; ++i)
    two += std::to_string(i) + (i == 10 || i == 1510 ? ",\"stray," : ",ok,") + std::to_string(i % 9) + "\n";
  const auto r = LoadCsvBytes(two, "two.csv");
  CHECK(r.report.rows_loaded == 2998);
  REQUIRE(r.report.rejects.size() == 2);
  CHECK(r.report.rejects[0].line == 11);
  CHECK(r.report.rejects[1].line == 1511);
}

TEST_CASE("header oddities are refused or reported in words", "[ingest][errors][header]") {
  CHECK(Message(",,,\n1,2,3\n") == "bad.csv:1: the header has no column names, only delimiters");
  CHECK(Message(";;\n1;2;3\n") == "bad.csv:1: the header has no column names, only delimiters");
  // Excel's sep= line names the delimiter: every row loads (before: every row was rejected).
  const auto excel = LoadCsvBytes("sep=;\r\na;b\r\n1;2\r\n3;4\r\n", "excel.csv");
  CHECK(excel.table->provenance().delimiter == ';');
  CHECK(excel.table->column_names() == std::vector<std::string>{"a", "b"});
  CHECK(excel.report.rows_loaded == 2);
  CHECK(excel.report.rows_rejected == 0);
  CHECK(excel.report.notes == std::vector<std::string>{"line 1 'sep=;' (Excel's delimiter line) skipped"});
  // Repeated names are kept apart, and said so.
  const auto dup = LoadCsvBytes("ward,n,ward\nA,1,B\n", "dup.csv");
  CHECK(dup.table->column_names() == std::vector<std::string>{"ward", "n", "ward_2"});
  CHECK(dup.report.notes == std::vector<std::string>{"column 3 repeats the name 'ward': read as 'ward_2'"});
  // A --type for a column the file does not have is not silently ignored.
  LoadOptions typed;
  typed.type_overrides["nosuch"] = ColumnType::Int;
  const auto t = LoadCsvBytes("a,b\n1,2\n", "t.csv", typed);
  CHECK(t.report.notes == std::vector<std::string>{"--type nosuch=int: this file has no column 'nosuch'"});
}
