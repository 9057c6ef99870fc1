// .xlsx workbooks rendered to CSV: the date rules (Excel's serial days, its phantom
// 29 February 1900, the 1904 system, date formats built in and custom), shared, rich and
// inline strings, row gaps kept as blank lines, short rows padded, damaged packages refused.
// Small workbooks are written here with libzip so every byte of the input is in the test.
#include <zip.h>

#include <catch2/catch.hpp>
#include <map>

#include "ingest/load_options.hpp"
#include "ingest/xlsx_reader.hpp"
#include "time/civil_date.hpp"

using namespace csc;

namespace {

const std::string kWorkbook = std::string(CSC_TEST_DATA_DIR) + "/real/liia_Annex_A_sample.xlsx";

// A workbook from its parts (name -> XML), zipped in memory.
std::string Zip(const std::map<std::string, std::string>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  REQUIRE(z);
  zip_source_keep(buffer);
  for (const auto& [name, text] : parts) {
    zip_source_t* s = zip_source_buffer(z, text.data(), text.size(), 0);
    REQUIRE(zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
  zip_stat_t st;
  REQUIRE(zip_source_stat(buffer, &st) == 0);
  std::string out(st.size, '\0');
  REQUIRE(zip_source_open(buffer) == 0);
  REQUIRE(zip_source_read(buffer, out.data(), st.size) == static_cast<zip_int64_t>(st.size));
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

const char* kNs = R"( xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";

std::map<std::string, std::string> Parts(const std::string& sheet_data, const std::string& workbook_pr = "") {
  return {
      {"_rels/.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)"},
      {"xl/workbook.xml", std::string("<workbook") + kNs + ">" + workbook_pr +
                              R"(<sheets><sheet name="List 3" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
      {"xl/sharedStrings.xml", std::string("<sst") + kNs +
                                   R"(><si><t>Child Unique ID</t></si><si><t>Date of Referral</t></si>)"
                                   R"(<si><r><t>Rich </t></r><r><t>text</t></r><rPh><t>ignored</t></rPh></si>)"
                                   R"(<si><t>a "quoted", comma</t></si></sst>)"},
      // Styles: 0 general, 1 built-in date (14), 2 custom date (164), 3 custom time only (165).
      {"xl/styles.xml", std::string("<styleSheet") + kNs +
                            R"(><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>)"
                            R"(<numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts>)"
                            R"(<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>)"},
      {"xl/worksheets/sheet1.xml", std::string("<worksheet") + kNs + "><sheetData>" + sheet_data + "</sheetData></worksheet>"},
  };
}

}  // namespace

TEST_CASE("Excel serial days: 1900 system with its phantom leap day, and the 1904 system", "[xlsx]") {
  CHECK(ExcelSerialToDays(1, false) == DaysFromCivil(1900, 1, 1));
  CHECK(ExcelSerialToDays(59, false) == DaysFromCivil(1900, 2, 28));
  CHECK(ExcelSerialToDays(60, false) == DaysFromCivil(1900, 2, 28));  // "29/02/1900" never was
  CHECK(ExcelSerialToDays(61, false) == DaysFromCivil(1900, 3, 1));
  CHECK(ExcelSerialToDays(44158, false) == DaysFromCivil(2020, 11, 23));
  CHECK(ExcelSerialToDays(44158.75, false) == DaysFromCivil(2020, 11, 23));
  CHECK(ExcelSerialToDays(0, true) == DaysFromCivil(1904, 1, 1));
  CHECK(ExcelSerialToDays(42696, true) == DaysFromCivil(2020, 11, 23));  // 44158 - 1462
}

TEST_CASE("xlsx: strings, dates by format, row gaps and short rows become the CSV a person would type", "[xlsx]") {
  const std::string sheet =
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Note</t></is></c><c r="D1" t="inlineStr"><is><t>Hours</t></is></c></row>)"
      // Row 2: built-in date format, rich text, a time-only format stays a number.
      R"(<row r="2"><c r="A2"><v>101</v></c><c r="B2" s="1"><v>44158</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" s="3"><v>1.5</v></c></row>)"
      // Row 3 is absent: a blank line keeps row 4 on line 4. Row 4: custom date, quotes and
      // commas quoted, and no cell D (Excel leaves trailing empties out): padded.
      R"(<row r="4"><c r="A4"><v>102</v></c><c r="B4" s="2"><v>44286</v></c><c r="C4" t="s"><v>3</v></c></row>)"
      // Row 5: a boolean, a date-time, and a value beyond the header (kept, so the loader rejects it).
      R"(<row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5" s="1"><v>44286.5</v></c><c r="F5" t="inlineStr"><is><t>stray</t></is></c></row>)"
      // Row 6: formatted but empty cells only: a blank line.
      R"(<row r="6"><c r="A6" s="1"/></row>)";
  const auto sheets = ReadXlsxBytes(Zip(Parts(sheet)), "t.xlsx");
  REQUIRE(sheets.size() == 1);
  CHECK(sheets[0].name == "List 3");
  CHECK(sheets[0].rows == 4);
  CHECK(sheets[0].csv ==
        "Child Unique ID,Date of Referral,Note,Hours\n"
        "101,2020-11-23,Rich text,1.5\n"
        "\n"
        "102,2021-03-31,\"a \"\"quoted\"\", comma\",\n"
        "TRUE,2021-03-31 12:00:00,,,,stray\n");
}

TEST_CASE("xlsx: the 1904 date system is honoured", "[xlsx]") {
  const std::string sheet = R"(<row r="1"><c r="A1" t="s"><v>1</v></c></row><row r="2"><c r="A2" s="1"><v>42696</v></c></row>)";
  const auto sheets = ReadXlsxBytes(Zip(Parts(sheet, R"(<workbookPr date1904="1"/>)")), "t.xlsx");
  CHECK(sheets.at(0).csv == "Date of Referral\n2020-11-23\n");
}

TEST_CASE("xlsx: damaged workbooks are refused with the file and the part named", "[xlsx]") {
  CHECK_THROWS_WITH(ReadXlsxBytes("Child,Date\n1,2\n", "plain.csv"), Catch::Contains("plain.csv") && Catch::Contains("not a readable .xlsx"));
  const std::string bad_index = R"(<row r="1"><c r="A1" t="s"><v>99</v></c></row>)";
  CHECK_THROWS_WITH(ReadXlsxBytes(Zip(Parts(bad_index)), "t.xlsx"),
                    Catch::Contains("t.xlsx") && Catch::Contains("List 3") && Catch::Contains("A1") &&
                        Catch::Contains("shared string 99"));
  auto parts = Parts("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
  parts["xl/worksheets/sheet1.xml"] = "<worksheet><sheetData><row>";  // cut short
  CHECK_THROWS_WITH(ReadXlsxBytes(Zip(parts), "t.xlsx"), Catch::Contains("xl/worksheets/sheet1.xml") && Catch::Contains("not well-formed"));
  parts.erase("xl/worksheets/sheet1.xml");
  CHECK_THROWS_WITH(ReadXlsxBytes(Zip(parts), "t.xlsx"), Catch::Contains("no part xl/worksheets/sheet1.xml"));
  CHECK_THROWS_AS(ReadXlsxSheets("/nonexistent/book.xlsx"), LoadError);
}

TEST_CASE("xlsx: the public Annex A sample has its eleven lists with the rows a hand count gives", "[xlsx]") {
  const auto sheets = ReadXlsxSheets(kWorkbook);
  REQUIRE(sheets.size() == 11);
  // Counted in each sheet's XML: data rows under the header.
  const size_t data_rows[] = {5, 5, 6, 5, 5, 5, 7, 5, 6, 5, 5};
  for (size_t i = 0; i < 11; ++i) {
    CHECK(sheets[i].name == "List " + std::to_string(i + 1));
    CHECK(sheets[i].rows == data_rows[i] + 1);
  }
  // List 7, row 2: child 10721552, born 44200 (2021-01-04), plan from 44158 (2020-11-23).
  const std::string& list7 = sheets[6].csv;
  CHECK(list7.find("\n10721552,Female,NOBT") == std::string::npos);  // values are as written
  CHECK(list7.find("\n10721552,b) Female,s) NOBT,2021-01-04,") != std::string::npos);
  CHECK(list7.find(",2020-11-23,Physical abuse,Physical abuse,") != std::string::npos);
}
