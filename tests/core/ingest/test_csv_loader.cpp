#include <catch2/catch.hpp>

#include <string>

#include "ingest/csv_loader.hpp"
#include "time/civil_date.hpp"

using namespace csc;

namespace {
LoadResult Load(const std::string& text, LoadOptions options = {}) { return LoadCsvBytes(text, "test.csv", options); }
const Column& Col(const LoadResult& r, const char* name) { return *r.table->ColumnByName(name); }
}  // namespace

TEST_CASE("types are inferred per column", "[ingest][loader]") {
  const auto r = Load(
      "id,count,rate,flag,start,stamp,category,child_id\n"
      "1,10,0.5,Y,2013-03-31,2013-03-31 14:00,NEG,538333\n"
      "2,-3,1,N,31/03/2014,2013-04-01 09:30:00,PHY,CHILD10\n"
      "3,,2.25,Yes,,,EMO,12\n");
  REQUIRE(r.report.rows_loaded == 3);
  CHECK(Col(r, "count").type() == ColumnType::Int);
  CHECK(Col(r, "rate").type() == ColumnType::Decimal);
  CHECK(Col(r, "flag").type() == ColumnType::Bool);
  CHECK(Col(r, "start").type() == ColumnType::Date);
  CHECK(Col(r, "stamp").type() == ColumnType::DateTime);
  CHECK(Col(r, "category").type() == ColumnType::Category);
  CHECK(Col(r, "child_id").type() == ColumnType::Text);  // ids are never numbers
  CHECK(Col(r, "id").type() == ColumnType::Text);
  CHECK(Col(r, "start").GetInt(1) == DaysFromCivil(2014, 3, 31));
  CHECK_FALSE(Col(r, "start").IsValid(2));
  CHECK(Col(r, "count").null_count() == 1);
  CHECK(Col(r, "category").GetString(2) == "EMO");
  CHECK(Col(r, "child_id").GetString(0) == "538333");
  CHECK(r.report.cell_warnings == 0);
}

TEST_CASE("null tokens become nulls in every type", "[ingest][loader]") {
  const auto r = Load("n,d,s\n1,2013-01-01,a\nNULL,NA,N/A\nn/a,,null\n4,2013-01-02,b\n");
  CHECK(Col(r, "n").type() == ColumnType::Int);
  CHECK(Col(r, "n").null_count() == 2);
  CHECK(Col(r, "d").null_count() == 2);
  CHECK(Col(r, "s").null_count() == 2);
  CHECK(r.report.cell_warnings == 0);
}

TEST_CASE("ragged rows are rejected with their line and reason, totals reconcile", "[ingest][loader]") {
  const auto r = Load("a,b,c\n1,2,3\n4,5\n\n6,7,8,9\n10,11,12,\n\"x\ny\",1\n13,14,15\n");
  CHECK(r.report.rows_read == 6);
  CHECK(r.report.rows_loaded == 3);
  CHECK(r.report.rows_rejected == 3);
  CHECK(r.report.blank_lines == 1);
  REQUIRE(r.report.rejects.size() == 3);
  CHECK(r.report.rejects[0].line == 3);
  CHECK(r.report.rejects[0].reason == "expected 3 fields, found 2");
  CHECK(r.report.rejects[1].line == 5);
  CHECK(r.report.rejects[1].reason == "expected 3 fields, found 4");
  CHECK(r.report.rejects[2].line == 7);
  CHECK(r.report.rejects[2].reason ==
        "expected 3 fields, found 2 (the record spans lines 7-8; check for an unbalanced quote)");
  CHECK(r.table->num_rows() == 3);
  CHECK(r.table->column(0).GetInt(2) == 13);  // line 9 is still read after the multi-line reject
}

TEST_CASE("cells that do not parse become nulls with a warning naming line and column", "[ingest][loader]") {
  std::string text = "n,when\n";
  for (int i = 0; i < 300; ++i) text += std::to_string(i) + ",2013-03-31\n";
  text += "abc,24/04/17\n";
  LoadOptions options;
  const auto r = Load(text, options);
  CHECK(Col(r, "n").type() == ColumnType::Int);
  CHECK(Col(r, "when").type() == ColumnType::Date);
  CHECK(r.report.rows_loaded == 301);
  CHECK(r.report.cell_warnings == 2);
  REQUIRE(r.report.warnings.size() == 2);
  CHECK(r.report.warnings[0].line == 302);
  CHECK(r.report.warnings[0].column == 1);
  CHECK(r.report.warnings[0].value == "abc");
  CHECK(r.report.warnings[0].reason == "not a whole number");
  CHECK(r.report.warnings[1].column == 2);
  CHECK(r.report.warnings[1].column_name == "when");
  CHECK(r.report.warnings[1].reason == "two-digit year is ambiguous");
  CHECK_FALSE(Col(r, "when").IsValid(300));
}

TEST_CASE("a column whose later values need a wider type is re-read as that type", "[ingest][loader]") {
  std::string text = "n,d\n";
  for (int i = 0; i < 3000; ++i) text += std::to_string(i) + ",2013-03-31\n";
  text += "2.5,2013-03-31 10:15\n";
  const auto r = Load(text);
  CHECK(Col(r, "n").type() == ColumnType::Decimal);
  CHECK(Col(r, "n").GetDouble(3000) == 2.5);
  CHECK(Col(r, "d").type() == ColumnType::DateTime);
  CHECK(r.report.cell_warnings == 0);
  REQUIRE_FALSE(r.report.notes.empty());
  CHECK(r.report.notes[0] == "column 'n' read as decimal: 1 value has decimals");
}

TEST_CASE("a column that turns into text part-way down is re-read as text", "[ingest][loader]") {
  std::string text = "code\n";
  for (int i = 0; i < 3000; ++i) text += std::to_string(i % 50 + 1) + "\n";
  for (int i = 0; i < 100; ++i) text += "unknown\n";
  const auto r = Load(text);
  CHECK(IsStringType(Col(r, "code").type()));
  CHECK(Col(r, "code").GetString(3050) == "unknown");
  CHECK(r.report.cell_warnings == 0);
}

TEST_CASE("explicit type overrides win over inference", "[ingest][loader]") {
  LoadOptions options;
  options.type_overrides["Code"] = ColumnType::Category;
  options.type_overrides["score"] = ColumnType::Int;
  const auto r = Load("code,score\n1,5\n2,x\n", options);
  CHECK(Col(r, "code").type() == ColumnType::Category);
  CHECK(Col(r, "code").GetString(1) == "2");
  CHECK(Col(r, "score").type() == ColumnType::Int);  // kept, the bad cell is a warning
  CHECK(r.report.cell_warnings == 1);
}

TEST_CASE("delimiters, line ends, BOM and whitespace of real exports", "[ingest][loader]") {
  const std::string bom = "\xEF\xBB\xBF";
  const auto semi = Load(bom + "a;b\r\n1,5;x\r\n2,5;y\r\n");
  CHECK(semi.table->provenance().delimiter == ';');
  CHECK(semi.table->provenance().encoding == "utf-8-bom");
  CHECK(semi.table->column_name(0) == "a");
  CHECK(semi.table->num_rows() == 2);
  const auto cr = Load("a|b\r1|x\r2|y");
  CHECK(cr.table->provenance().delimiter == '|');
  CHECK(cr.table->num_rows() == 2);
  const auto ws = Load(" a , b ,\n 1 , x ,\n");
  CHECK(ws.table->column_name(1) == "b");
  CHECK(ws.table->num_columns() == 2);
  CHECK(ws.table->column(0).GetInt(0) == 1);
  CHECK(ws.table->column(1).GetString(0) == "x");
}

TEST_CASE("UTF-16 and Windows-1252 are transcoded to UTF-8", "[ingest][loader]") {
  const std::string text = "name,n\nZo\xC3\xAB,1\n";  // "Zoë" in UTF-8
  std::string utf16 = "\xFF\xFE";
  for (unsigned char c : std::string("name,n\nZo")) utf16 += static_cast<char>(c), utf16 += '\0';
  utf16 += "\xEB";
  utf16 += '\0';
  for (unsigned char c : std::string(",1\n")) utf16 += static_cast<char>(c), utf16 += '\0';
  const auto r16 = Load(utf16);
  CHECK(r16.table->provenance().encoding == "utf-16le");
  CHECK(r16.table->column(0).GetString(0) == "Zo\xC3\xAB");
  const auto r1252 = Load("name,n\nZo\xEB,1\nCaf\x80,2\n");
  CHECK(r1252.table->provenance().encoding == "windows-1252");
  CHECK(r1252.table->column(0).GetString(0) == "Zo\xC3\xAB");
  CHECK(r1252.table->column(0).GetString(1) == "Caf\xE2\x82\xAC");  // euro sign
  const auto utf8 = Load(text);
  CHECK(utf8.table->provenance().encoding == "utf-8");
}

TEST_CASE("strings are dictionary-encoded with the narrowest code width", "[ingest][loader]") {
  std::string text = "ward,note\n";
  for (int i = 0; i < 5000; ++i) text += "W" + std::to_string(i % 21) + ",n" + std::to_string(i) + "\n";
  const auto r = Load(text);
  CHECK(Col(r, "ward").type() == ColumnType::Category);
  CHECK(Col(r, "ward").width() == 1);
  CHECK(Col(r, "ward").dictionary()->size() == 21);
  CHECK(Col(r, "note").type() == ColumnType::Text);  // every value distinct
  CHECK(Col(r, "note").GetString(4999) == "n4999");
}

TEST_CASE("the table knows its provenance and memory use", "[ingest][loader]") {
  const auto r = Load("a,b\n1,x\n2,y\n");
  const Provenance& p = r.table->provenance();
  CHECK(p.path == "test.csv");
  CHECK(p.file_bytes == 12);
  CHECK(p.content_hash != 0);
  CHECK(p.rows_read == 2);
  CHECK(r.table->MemoryBytes() >= r.table->column(0).MemoryBytes() + r.table->column(1).MemoryBytes());
  CHECK(Load("a,b\n1,x\n2,y\n").table->provenance().content_hash == p.content_hash);
  CHECK(Load("a,b\n1,x\n2,z\n").table->provenance().content_hash != p.content_hash);
}

TEST_CASE("progress reaches the whole body and cancel stops the load", "[ingest][loader]") {
  std::string text = "a,b\n";
  for (int i = 0; i < 20000; ++i) text += std::to_string(i) + ",x\n";
  Progress progress;
  LoadOptions options;
  options.chunk_bytes = 4096;
  const auto r = LoadCsvBytes(text, "p.csv", options, &progress);
  CHECK(progress.bytes_done == text.size() - 4);
  CHECK(progress.rows_done == 20000);
  CHECK(progress.Fraction() == Approx(1.0));
  CancelToken cancel;
  cancel.Cancel();
  CHECK_THROWS_AS(LoadCsvBytes(text, "p.csv", options, nullptr, &cancel), Cancelled);
}

TEST_CASE("DfE status symbols stay a per-cell status, never a number or zero", "[ingest][loader]") {
  const std::string text =
      "time_period,la_name,number,rate\n2013,Barnsley,120,35.5\n2013,Rutland,c,c\n2014,Rutland,z,x\n2014,"
      "Barnsley,0,0.0\n";
  LoadOptions options;
  options.status_symbols = kDfeStatusSymbols;
  const auto r = Load(text, options);
  CHECK(r.report.cell_warnings == 0);
  CHECK(r.report.status_cells == 4);
  const Column& number = Col(r, "number");
  CHECK(number.type() == ColumnType::Int);
  CHECK(number.null_count() == 2);
  REQUIRE(number.status());
  CHECK(number.status()->count == 2);
  CHECK(number.StatusSymbol(1) == "c");
  CHECK(number.StatusSymbol(2) == "z");
  CHECK(number.StatusSymbol(3) == "");
  CHECK(number.GetInt(3) == 0);
  CHECK(number.IsValid(3));  // a real zero stays a zero
  CHECK(number.FormatCell(1) == "c");
  CHECK(Col(r, "rate").type() == ColumnType::Decimal);
  CHECK(Col(r, "rate").StatusSymbol(2) == "x");
  // Without the option half the column is not numbers: it stays text, "c" and all.
  const auto plain = Load(text);
  CHECK(plain.report.status_cells == 0);
  CHECK(IsStringType(Col(plain, "number").type()));
  CHECK(Col(plain, "number").GetString(1) == "c");
}

TEST_CASE("DfE open-data files are recognised by header and keep their symbols", "[ingest][loader]") {
  const auto r = Load(
      "time_period,time_identifier,geographic_level,la_name,number\n"
      "2013,Reporting year,Local authority,Rotherham,334\n2013,Reporting year,Local authority,Rutland,c\n");
  CHECK(r.report.status_cells == 1);
  CHECK(r.report.cell_warnings == 0);
  CHECK(Col(r, "number").type() == ColumnType::Int);
  CHECK(Col(r, "number").StatusSymbol(1) == "c");
  LoadOptions off;
  off.detect_dfe_symbols = false;
  CHECK(Load("time_period,geographic_level,n\n2013,National,c\n2014,National,3\n", off).report.status_cells == 0);
}

TEST_CASE("a date column with a few bad cells stays a date column and lists each one", "[ingest][loader][dates]") {
  // 800 rows; every 40th row (i % 40 == 39: 20 rows) holds 31/02/2019, and rows 100 and 500
  // hold two-digit years: 22 bad cells (2.75%), 778 good dates. Before: read as text, the
  // bad cells no longer flagged and the good dates lost.
  std::string text = "child,plan_end,other_day\n";
  for (int i = 0; i < 800; ++i) {
    std::string date = "0" + std::to_string(1 + i % 9) + "/03/2019";
    if (i % 40 == 39) date = "31/02/2019";
    if (i == 100 || i == 500) date = "15/06/19";
    text += "C" + std::to_string(i) + "," + date + "," + date + "\n";
  }
  const auto r = Load(text);
  for (const char* name : {"plan_end", "other_day"}) {  // bad dates still vote for a date
    INFO(name);
    CHECK(Col(r, name).type() == ColumnType::Date);
    CHECK(Col(r, name).null_count() == 22);
    CHECK(Col(r, name).GetInt(0) == DaysFromCivil(2019, 3, 1));
  }
  CHECK(r.report.cell_warnings == 44);
  REQUIRE(r.report.warnings.size() == 44);
  CHECK(r.report.warnings[0].line == 41);  // row i = 39 is on line 41 (header is line 1)
  CHECK(r.report.warnings[0].column == 2);
  CHECK(r.report.warnings[0].value == "31/02/2019");
  CHECK(r.report.warnings[0].reason == "no such date");
  CHECK(r.report.warnings[4].line == 102);
  CHECK(r.report.warnings[4].value == "15/06/19");
  CHECK(r.report.warnings[4].reason == "two-digit year is ambiguous");
  CHECK(r.report.notes.empty());
}

TEST_CASE("a column that is mostly words is still text, whatever its name", "[ingest][loader][dates]") {
  std::string text = "review_date\n";
  for (int i = 0; i < 300; ++i) text += i % 3 == 0 ? "2019-03-01\n" : "not reviewed\n";  // a third are dates
  CHECK(IsStringType(Col(Load(text), "review_date").type()));
}

TEST_CASE("a whole number past int64 is a warning, never a silent decimal column", "[ingest][loader]") {
  std::string text = "n\n";
  for (int i = 0; i < 500; ++i) text += std::to_string(i) + "\n";
  text += "99999999999999999999\n-9223372036854775808\n";
  const auto r = Load(text);
  CHECK(Col(r, "n").type() == ColumnType::Int);
  CHECK(Col(r, "n").null_count() == 1);
  CHECK(Col(r, "n").GetInt(501) == INT64_MIN);
  REQUIRE(r.report.warnings.size() == 1);
  CHECK(r.report.warnings[0].line == 502);
  CHECK(r.report.warnings[0].reason == "too large for a whole number (beyond 9,223,372,036,854,775,807)");
  CHECK(r.report.notes.empty());
}
