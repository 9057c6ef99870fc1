#include <catch2/catch.hpp>

#include "ingest/csv_loader.hpp"
#include "support/random_csv.hpp"
#include "support/table_compare.hpp"

using namespace csc;

TEST_CASE("parallel loads with tiny chunks equal a serial load, cell for cell", "[ingest][property]") {
  for (uint64_t seed = 1; seed <= 60; ++seed) {
    const auto csv = test::MakeRandomCsv(seed, 150 + seed * 7, seed % 2 == 0);
    LoadOptions serial;
    serial.threads = 1;
    serial.chunk_bytes = size_t{1} << 30;
    LoadOptions parallel;
    parallel.threads = 4;
    parallel.chunk_bytes = 16 + seed * 13 % 300;  // boundaries land inside quoted fields and CRLFs
    const auto a = LoadCsvBytes(csv.text, "s.csv", serial);
    const auto b = LoadCsvBytes(csv.text, "p.csv", parallel);
    INFO("seed " << seed << " chunk " << parallel.chunk_bytes);
    CHECK(test::DescribeDifference(*a.table, *b.table) == "");
    CHECK(a.report.rows_read == b.report.rows_read);
    CHECK(a.report.rows_rejected == b.report.rows_rejected);
    CHECK(a.report.blank_lines == b.report.blank_lines);
    CHECK(a.report.cell_warnings == b.report.cell_warnings);
    REQUIRE(a.report.rejects.size() == b.report.rejects.size());
    for (size_t i = 0; i < a.report.rejects.size(); ++i) {
      CHECK(a.report.rejects[i].line == b.report.rejects[i].line);
      CHECK(a.report.rejects[i].reason == b.report.rejects[i].reason);
    }
    REQUIRE(a.report.warnings.size() == b.report.warnings.size());
    for (size_t i = 0; i < a.report.warnings.size(); ++i) CHECK(a.report.warnings[i].line == b.report.warnings[i].line);
  }
}

TEST_CASE("injected ragged rows and bad cells are all accounted for", "[ingest][property]") {
  for (uint64_t seed = 100; seed < 400; ++seed) {
    const auto csv = test::MakeRandomCsv(seed, 400 + seed % 200, true);
    LoadOptions options;
    options.threads = 2;
    options.chunk_bytes = 512 + seed % 4096;
    const auto r = LoadCsvBytes(csv.text, "f.csv", options);
    INFO("seed " << seed);
    CHECK(r.report.rows_read == csv.good_rows + csv.ragged_rows);
    CHECK(r.report.rows_read == r.report.rows_loaded + r.report.rows_rejected);
    CHECK(r.report.rows_rejected == csv.ragged_rows);
    CHECK(r.report.rows_loaded == csv.good_rows);
    CHECK(r.report.blank_lines == csv.blank_lines);
    CHECK(r.table->num_rows() == csv.good_rows);
    CHECK(r.table->column(0).type() == ColumnType::Int);
    CHECK(r.table->column(2).type() == ColumnType::Date);
    CHECK(r.table->column(5).type() == ColumnType::Bool);
    // Bad cells sit only in good rows here when their row was not made ragged.
    CHECK(r.report.cell_warnings <= csv.bad_cells);
    CHECK(r.report.cell_warnings == r.table->column(0).null_count());
    for (const auto& w : r.report.warnings) CHECK(w.value.rfind("n/k", 0) == 0);
  }
}

TEST_CASE("Windows-1252 bytes at a chunk start are still detected (fuzz regression)", "[ingest][property]") {
  const std::string text = "azYb\r\n\"x;.y\";\n\x95\n";
  LoadOptions tiny;
  tiny.threads = 3;
  tiny.chunk_bytes = 7;
  const auto a = LoadCsvBytes(text, "s.csv");
  const auto b = LoadCsvBytes(text, "p.csv", tiny);
  CHECK(a.table->provenance().encoding == "windows-1252");
  CHECK(b.table->provenance().encoding == "windows-1252");
  CHECK(b.table->column(0).GetString(1) == "\xE2\x80\xA2");  // bullet
  CHECK(test::DescribeDifference(*a.table, *b.table) == "");
}

TEST_CASE("near-unique id columns load the same listed per chunk as interned", "[ingest][property]") {
  // Ids past the first 1,024 cells of a chunk are listed unchecked and deduplicated at the
  // merge; repeats within a chunk, across chunks and of the sampled cells must all collapse.
  std::string text = "child_id,category\n";
  std::vector<std::string> expected;
  for (int i = 0; i < 9000; ++i) {
    expected.push_back("C" + std::to_string(i * 7919 % 5000));
    text += expected.back() + (i % 3 == 0 ? ",NEG\n" : ",PHY\n");
  }
  LoadOptions serial;
  serial.threads = 1;
  serial.chunk_bytes = size_t{1} << 30;
  LoadOptions parallel;
  parallel.threads = 3;
  parallel.chunk_bytes = 20000;  // about 2,000 rows a chunk: past the sample in each
  const auto a = LoadCsvBytes(text, "s.csv", serial);
  const auto b = LoadCsvBytes(text, "p.csv", parallel);
  CHECK(test::DescribeDifference(*a.table, *b.table) == "");
  for (const auto* r : {&a, &b}) {
    const Column& ids = r->table->column(0);
    REQUIRE(ids.dictionary());
    CHECK(ids.dictionary()->size() == 5000);
    CHECK(r->table->column(1).dictionary()->size() == 2);
    for (size_t row = 0; row < expected.size(); ++row) REQUIRE(ids.GetString(row) == expected[row]);
  }
}

namespace {
// `text` with `count` stray '"' put at random places after the header: some pair up within a
// few lines (parity merges those lines into one rejected record), the others stay open past
// kMaxQuotedLineBreaks and resync.
std::string WithStrayQuotes(std::string text, uint64_t seed, int count) {
  std::mt19937_64 rng(seed);
  const size_t header_end = text.find('\n') + 1;
  for (int k = 0; k < count; ++k) text.insert(header_end + rng() % (text.size() - header_end), "\"");
  return text;
}
}  // namespace

TEST_CASE("broken quotes resync the same way in parallel as serially", "[ingest][property][resync]") {
  for (uint64_t seed = 1; seed <= 24; ++seed) {
    const auto csv = test::MakeRandomCsv(seed, 1200 + seed * 97, seed % 2 == 0);
    const std::string text = WithStrayQuotes(csv.text, seed, 1 + static_cast<int>(seed % 4));
    LoadOptions serial;
    serial.threads = 1;
    serial.chunk_bytes = size_t{1} << 30;
    LoadOptions parallel;
    parallel.threads = 1 + seed % 3;
    parallel.chunk_bytes = 64 + seed * 977 % 20000;
    const auto a = LoadCsvBytes(text, "s.csv", serial);
    const auto b = LoadCsvBytes(text, "p.csv", parallel);
    INFO("seed " << seed << " chunk " << parallel.chunk_bytes);
    CHECK(test::DescribeDifference(*a.table, *b.table) == "");
    CHECK(a.report.rows_read == b.report.rows_read);
    CHECK(a.report.rows_read == a.report.rows_loaded + a.report.rows_rejected);
    CHECK(a.report.rows_rejected == b.report.rows_rejected);
    CHECK(a.report.blank_lines == b.report.blank_lines);
    REQUIRE(a.report.rejects.size() == b.report.rejects.size());
    for (size_t i = 0; i < a.report.rejects.size(); ++i) {
      CHECK(a.report.rejects[i].line == b.report.rejects[i].line);
      CHECK(a.report.rejects[i].reason == b.report.rejects[i].reason);
    }
    CHECK(a.report.rows_loaded > 0);
  }
}
