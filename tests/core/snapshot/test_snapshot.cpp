// Snapshots: a table of every column type and width round-trips cell for cell; the
// demonstration data answers the published questions the same from a snapshot as from its
// CSVs; a damaged, truncated or foreign file is refused with a message naming the file and
// what is wrong.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "dataset/dataset_loader.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"
#include "query/row_ages.hpp"
#include "snapshot/snapshot.hpp"
#include "snapshot/snapshot_format.hpp"
#include "storage/column_builder.hpp"
#include "util/atomic_file.hpp"

using namespace csc;

namespace {

const std::string kDemo = std::string(CSC_SOURCE_ASSETS_DIR) + "/demo/";

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("csc_snapshot_" + std::to_string(::getpid()) + "_" + name)).string();
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// One column of each type, at each width a type can take, with nulls, a status symbol and
// dictionaries of one-byte and two-byte codes. 300 rows: the text column's 300 distinct
// values need two-byte codes.
DatasetLoad EveryKindOfColumn() {
  const size_t rows = 300;
  ColumnBuilder i8(ColumnType::Int), i16(ColumnType::Int), i32(ColumnType::Int), i64(ColumnType::Int);
  ColumnBuilder dec(ColumnType::Decimal), flag(ColumnType::Bool), date(ColumnType::Date), wide_date(ColumnType::Date);
  ColumnBuilder stamp(ColumnType::DateTime), cat(ColumnType::Category), text(ColumnType::Text);
  for (size_t r = 0; r < rows; ++r) {
    const auto v = static_cast<int64_t>(r);
    if (r % 7 == 3) i8.AppendNull();
    else i8.AppendInt(v % 100 - 50);
    i16.AppendInt(v * 100 - 1000);
    i32.AppendInt(v * 100000);
    i64.AppendInt(v * 100000000000LL);
    if (r % 5 == 0) dec.AppendNull();
    else dec.AppendDouble(static_cast<double>(r) / 8.0);
    flag.AppendInt(r % 2);
    date.AppendInt(15000 + v);       // 2011: int16 day numbers
    wide_date.AppendInt(-40000 + v * 400);  // 1860 to 2188: int32
    stamp.AppendInt(1'300'000'000 + v * 3600);
    if (r % 11 == 0) cat.AppendNull();
    else cat.AppendString(r % 3 == 0 ? "NEG" : r % 3 == 1 ? "EMO" : "PHY");
    text.AppendString("CHILD" + std::to_string(r));
  }
  TableBuilder builder;
  builder.AddColumn("i8", i8.Finish());
  builder.AddColumn("i16", i16.Finish());
  builder.AddColumn("i32", i32.Finish());
  builder.AddColumn("i64", i64.Finish());
  Column with_status = dec.Finish();
  auto status = std::make_shared<CellStatus>();
  status->symbols = {"c", "low"};
  status->codes.assign(rows, 0);
  status->codes[0] = 1;
  status->codes[5] = 2;
  status->count = 2;
  with_status.AttachStatus(status);
  builder.AddColumn("dec", std::move(with_status));
  builder.AddColumn("flag", flag.Finish());
  builder.AddColumn("date", date.Finish());
  builder.AddColumn("wide_date", wide_date.Finish());
  builder.AddColumn("stamp", stamp.Finish());
  builder.AddColumn("cat", cat.Finish());
  builder.AddColumn("text", text.Finish());
  Provenance provenance;
  provenance.path = "every.csv";
  provenance.file_bytes = 12345;
  provenance.content_hash = 0xDEADBEEFCAFEF00Dull;
  provenance.encoding = "windows-1252";
  provenance.delimiter = ';';
  provenance.load_seconds = 0.125;
  provenance.rows_read = rows + 1;
  provenance.rows_rejected = 1;
  const TablePtr table = builder.Finish(provenance);

  DatasetLoad load;
  SourceFile f;
  f.path = "every.csv";
  f.recognition.format = SourceFormat::Unrecognised;
  f.recognition.columns = {{"text", Role::ChildId, ""}};
  f.load.table = table;
  f.load.report.path = "every.csv";
  f.load.report.rows_read = rows + 1;
  f.load.report.rows_loaded = rows;
  f.load.report.rows_rejected = 1;
  f.load.report.rejects = {{7, "expected 11 fields, found 12", "a;b"}};
  f.load.report.warnings = {{9, 2, "i16", "x", ColumnType::Int, "not an integer"}};
  f.load.report.cell_warnings = 1;
  f.load.report.notes = {"a note"};
  load.files.push_back(f);
  Dataset d;
  d.name = "every";
  d.kind = DatasetKind::Unknown;
  d.format = SourceFormat::Unrecognised;
  d.table = table;
  d.roles[Role::ChildId] = {"text"};
  d.sources = {"every.csv"};
  d.reports = {f.load.report};
  d.unknown_codes = {{"cat", {{"XYZ", 2}}}};
  d.notes = {"converted"};
  d.labels = CodeLabels::FromEntries({{"cat", {{"NEG", "Neglect"}}}});
  load.datasets.push_back(d);
  return load;
}

OpenedSnapshot WriteAndOpen(const DatasetLoad& load, const std::string& name) {
  const std::string path = TempPath(name);
  WriteSnapshot(path, load);
  OpenedSnapshot opened = OpenSnapshot(path);
  std::filesystem::remove(path);  // the mapping keeps the bytes
  return opened;
}

std::string RefusalOf(const std::string& bytes, const std::string& name = "board.cscx") {
  try {
    OpenSnapshotBytes(bytes, name);
  } catch (const LoadError& e) {
    return e.what();
  }
  return "(opened)";
}

const std::string& DemoSnapshotBytes() {
  static const std::string bytes = [] {
    const std::string path = TempPath("demo.cscx");
    WriteSnapshot(path, LoadDatasets({kDemo + "cp_plans.csv", kDemo + "population.csv"}));
    std::string b = ReadAll(path);
    std::filesystem::remove(path);
    return b;
  }();
  return bytes;
}

uint64_t Header64(const std::string& bytes, size_t at) {
  uint64_t v;
  std::memcpy(&v, bytes.data() + at, 8);
  return v;
}

}  // namespace

TEST_CASE("A snapshot keeps every column type and width, nulls, statuses and dictionaries cell for cell", "[snapshot]") {
  const DatasetLoad load = EveryKindOfColumn();
  const OpenedSnapshot opened = WriteAndOpen(load, "every.cscx");
  REQUIRE(opened.datasets.size() == 1);
  REQUIRE(opened.files.size() == 1);
  const Table& a = *load.datasets[0].table;
  const Table& b = *opened.datasets[0].table;
  // The file's table and the dataset's are one table in memory, so one in the snapshot too.
  CHECK(opened.files[0].load.table == opened.datasets[0].table);
  REQUIRE(b.num_rows() == 300);
  REQUIRE(b.num_columns() == a.num_columns());
  // The widths ColumnBuilder chose, by hand: -50..49 one byte, -1000..28900 two, up to 29.9M
  // four, 2.99e13 eight; day 15000..15299 two bytes, -40000..79600 four; 3 categories one
  // byte, 300 texts two.
  const std::map<std::string, int> widths = {{"i8", 1},   {"i16", 2},       {"i32", 4},   {"i64", 8},
                                             {"dec", 8},  {"flag", 1},      {"date", 2},  {"wide_date", 4},
                                             {"stamp", 8}, {"cat", 1},      {"text", 2}};
  for (size_t c = 0; c < a.num_columns(); ++c) {
    const Column& x = a.column(c);
    const Column& y = b.column(c);
    INFO(a.column_name(c));
    CHECK(b.column_name(c) == a.column_name(c));
    CHECK(y.type() == x.type());
    CHECK(y.width() == widths.at(a.column_name(c)));
    CHECK(y.width() == x.width());
    CHECK(y.null_count() == x.null_count());
    CHECK(y.min_int() == x.min_int());
    CHECK(y.max_int() == x.max_int());
    CHECK(reinterpret_cast<uintptr_t>(y.data()) % snapshot::kAlignment == 0);  // usable in place
    for (size_t r = 0; r < a.num_rows(); ++r) {
      CHECK(y.IsValid(r) == x.IsValid(r));
      CHECK(y.FormatCell(r) == x.FormatCell(r));
    }
  }
  CHECK(b.ColumnByName("i8")->null_count() == 43);   // rows 3, 10, ..., 297: (297 - 3) / 7 + 1
  CHECK(b.ColumnByName("cat")->null_count() == 28);  // rows 0, 11, ..., 297: 297 / 11 + 1
  CHECK(b.ColumnByName("cat")->dictionary()->size() == 3);
  CHECK(b.ColumnByName("text")->dictionary()->size() == 300);
  CHECK(b.ColumnByName("text")->dictionary()->Find("CHILD299") == 299u);
  CHECK(b.ColumnByName("dec")->StatusSymbol(5) == "low");
  CHECK(b.ColumnByName("dec")->status()->count == 2);

  const Provenance& p = b.provenance();
  CHECK(p.path == "every.csv");
  CHECK(p.content_hash == 0xDEADBEEFCAFEF00Dull);
  CHECK(p.encoding == "windows-1252");
  CHECK(p.delimiter == ';');
  CHECK(p.load_seconds == 0.125);
  CHECK(p.rows_rejected == 1);

  const SourceFile& f = opened.files[0];
  CHECK(!f.snapshot.empty());
  CHECK(f.recognition.columns.at(0).role == Role::ChildId);
  CHECK(f.load.report.rejects.at(0).line == 7);
  CHECK(f.load.report.warnings.at(0).column_name == "i16");
  CHECK(f.load.report.warnings.at(0).expected == ColumnType::Int);
  CHECK(f.load.report.notes == std::vector<std::string>{"a note"});

  const Dataset& d = opened.datasets[0];
  CHECK(d.name == "every");
  CHECK(d.roles.at(Role::ChildId) == std::vector<std::string>{"text"});
  CHECK(d.unknown_codes.at(0).counts.at("XYZ") == 2);
  CHECK(d.notes == std::vector<std::string>{"converted"});
  CHECK(d.reports.at(0).rows_loaded == 300);
  REQUIRE(d.labels);
  CHECK(d.Label("cat", "NEG") == "Neglect");
}

TEST_CASE("The demonstration data answers the published questions the same from a snapshot", "[snapshot]") {
  const DatasetLoad csv = LoadDatasets({kDemo + "cp_plans.csv", kDemo + "population.csv"});
  const std::string path = TempPath("demo_query.cscx");
  {
    std::ofstream out(path, std::ios::binary);
    out << DemoSnapshotBytes();
  }
  const DatasetLoad snap = LoadDatasets({path});
  std::filesystem::remove(path);
  REQUIRE(snap.datasets.size() == 2);
  CHECK(snap.datasets[0].snapshot == path);
  const CatalogPtr from_csv = ToCatalog(csv.datasets);
  const CatalogPtr from_snapshot = ToCatalog(snap.datasets);
  auto ask = [](const Catalog& c, QueryText t) { return RunQuery(c, ParseQueryText(t)); };
  QueryText at_2013;
  at_2013.table = "cp_plans";
  at_2013.period = "fy:2012-13";
  at_2013.count = "open-at:31-03";
  // domain.md section 5: 334 plans open at 31 March 2013.
  CHECK(FormatResultCsv(ask(*from_snapshot, at_2013)) == "episodes\n334\n");
  QueryText by_category = at_2013;
  by_category.by = "latest_category";
  const QueryResult categories = ask(*from_snapshot, by_category);
  std::map<std::string, double> counts;
  for (const auto& row : categories.rows) counts[row.keys.at(0)] = row.values.at(0).value_or(-1);
  // emotional 65, neglect 148, physical 39, sexual 27, multiple 55.
  CHECK(counts == std::map<std::string, double>{{"EMO", 65}, {"MUL", 55}, {"NEG", 148}, {"PHY", 39}, {"SAB", 27}});
  QueryText at_2014 = at_2013;
  at_2014.period = "fy:2013-14";
  at_2014.measure = "episodes,rate10k";
  CHECK(ask(*from_snapshot, at_2014).rows.at(0).values.at(0) == 393);  // 393 at 31 March 2014
  QueryText started = at_2013;
  started.count = "started";
  CHECK(ask(*from_snapshot, started).rows.at(0).values.at(0) == 319);  // NI 65's 319 starts in 2012-13
  // And every other shape the same as from the CSV: ages (the saved row ages), sexes, periods.
  for (const char* by : {"period,age-band", "period,sex", "period,latest_category", "period,ethnic-group", "period,ward"}) {
    QueryText q = at_2013;
    q.period = "fy:2010-11..2014-15";
    q.by = by;
    q.measure = "episodes,children,rate10k";
    INFO(by);
    CHECK(FormatResultCsv(ask(*from_snapshot, q)) == FormatResultCsv(ask(*from_csv, q)));
  }
}

TEST_CASE("A snapshot keeps the row ages derived at load, so the first age query does not derive them", "[snapshot]") {
  const DatasetLoad load = LoadDatasets({kDemo + "cp_plans.csv"});
  const OpenedSnapshot opened = WriteAndOpen(load, "ages.cscx");
  const Table& table = *opened.datasets.at(0).table;
  // cp_plans has a date of birth and a plan start: one entry, the ages on the start date.
  REQUIRE(table.derived().size() == 1);
  const auto entries = table.derived().Entries();
  const auto& ages = *std::static_pointer_cast<const std::vector<int8_t>>(entries.begin()->second);
  const auto& original = *std::static_pointer_cast<const std::vector<int8_t>>(
      load.datasets.at(0).table->derived().Entries().at(entries.begin()->first));
  CHECK(ages == original);
}

TEST_CASE("A snapshot from another version, damaged or truncated is refused, naming the file and what is wrong",
          "[snapshot]") {
  const std::string& good = DemoSnapshotBytes();
  REQUIRE(RefusalOf(good) == "(opened)");
  const uint64_t contents_at = Header64(good, snapshot::kAtContentsOffset);

  SECTION("a byte flipped in a column's values") {
    std::string bad = good;
    bad[snapshot::kHeaderBytes + 10] ^= 0x20;  // inside the first section: cp_plans' first column
    const std::string why = RefusalOf(bad);
    CHECK(why.rfind("board.cscx: snapshot damaged: section 0 (", 0) == 0);
    CHECK(why.find("fails its checksum") != std::string::npos);
  }
  SECTION("a byte flipped in the table of contents") {
    std::string bad = good;
    bad[contents_at + 5] ^= 0x01;
    CHECK(RefusalOf(bad) == "board.cscx: snapshot table of contents damaged (checksum mismatch)");
  }
  SECTION("a byte flipped in the header") {
    std::string bad = good;
    bad[snapshot::kAtFileBytes] ^= 0x01;
    CHECK(RefusalOf(bad) == "board.cscx: snapshot header damaged (checksum mismatch)");
  }
  SECTION("truncated") {
    CHECK(RefusalOf(good.substr(0, good.size() - 1)) ==
          "board.cscx: snapshot truncated: " + std::to_string(good.size() - 1) + " of its " +
              std::to_string(good.size()) + " bytes");
    CHECK(RefusalOf(good.substr(0, 100)) == "board.cscx: snapshot truncated: 100 bytes, shorter than its 128-byte header");
  }
  SECTION("another format version") {
    std::string bad = good;
    const uint32_t two = 2;
    std::memcpy(bad.data() + snapshot::kAtFormatVersion, &two, 4);
    ResealSnapshotForTesting(bad);
    CHECK(RefusalOf(bad) ==
          "board.cscx: snapshot format version 2, this csc reads version 1: make it again from the CSV files with csc "
          "snapshot");
  }
  SECTION("another engine version") {
    std::string bad = good;
    std::memcpy(bad.data() + snapshot::kAtEngineVersion, "csc 0.0.9", 9);
    ResealSnapshotForTesting(bad);
    CHECK(RefusalOf(bad) ==
          "board.cscx: snapshot written by csc 0.0.9, this is csc 0.1.0: make it again from the CSV files with csc "
          "snapshot");
  }
  SECTION("the other byte order") {
    std::string bad = good;
    const uint32_t swapped = __builtin_bswap32(snapshot::kEndianMarker);
    std::memcpy(bad.data() + snapshot::kAtEndian, &swapped, 4);
    CHECK(RefusalOf(bad).find("other byte order") != std::string::npos);
  }
  SECTION("not a snapshot at all") {
    CHECK(RefusalOf("child_id,sex\n1,F\n") == "board.cscx: not a CSC snapshot (it does not start with CSCXSNAP)");
  }
  SECTION("checksums resealed over a code its dictionary does not have") {
    // cp_plans' first column is child_id, a text column; its values are the first section.
    // Setting a code's bytes to 0xFF makes it far past the dictionary's last code.
    std::string bad = good;
    std::memset(bad.data() + snapshot::kHeaderBytes, 0xFF, 2);
    ResealSnapshotForTesting(bad);
    CHECK(RefusalOf(bad).find("column 'child_id' holds values outside its recorded range") != std::string::npos);
  }
}

TEST_CASE("A snapshot file is written atomically and opened through LoadDatasets like a CSV", "[snapshot]") {
  const std::string path = TempPath("atomic.cscx");
  const DatasetLoad load = LoadDatasets({kDemo + "cp_plans.csv"});
  WriteSnapshot(path, load);
  CHECK(IsSnapshotFile(path));
  CHECK(!IsSnapshotFile(kDemo + "cp_plans.csv"));
  // No temporary file is left beside it.
  size_t beside = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(path).parent_path()))
    beside += e.path().filename().string().rfind(std::filesystem::path(path).filename().string() + ".tmp", 0) == 0;
  CHECK(beside == 0);
  // A damaged snapshot among good files: listed as an error, the rest load.
  std::string bytes = ReadAll(path);
  bytes[bytes.size() - 3] ^= 0x40;
  WriteFileAtomically(path, bytes);
  DatasetLoadOptions options;
  options.stop_on_error = false;
  const DatasetLoad mixed = LoadDatasets({path, kDemo + "population.csv"}, options);
  std::filesystem::remove(path);
  REQUIRE(mixed.errors.size() == 1);
  CHECK(mixed.errors[0].second == path + ": snapshot table of contents damaged (checksum mismatch)");
  REQUIRE(mixed.datasets.size() == 1);
  CHECK(mixed.datasets[0].name == "population");
}
