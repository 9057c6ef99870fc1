#pragma once
// Excel workbooks (.xlsx, Office Open XML) as the CSV loader's input. Analysts receive Ofsted
// Annex A as one workbook with a sheet per list; rather than teach every reader a second
// cell model, each sheet is rendered to CSV text (one record per sheet row, so the loader's
// line numbers are the sheet's row numbers and its column numbers the sheet's columns) and
// loaded like any other file. Dates are cells whose number format is a date format: they are
// written as ISO dates, so nothing depends on the workbook's display locale.
#include <string>
#include <vector>

namespace csc {

struct XlsxSheet {
  std::string name;  // as on the sheet tab: "List 7"
  std::string csv;   // comma-separated, RFC 4180 quoting, '\n' line ends
  size_t rows = 0;   // sheet rows holding at least one value
};

// Every worksheet in workbook order. Throws LoadError naming the file (and the part of the
// package) for a file that is not a readable workbook.
std::vector<XlsxSheet> ReadXlsxSheets(const std::string& path);

// The same from bytes already in memory (tests, fuzzing). `name` is used in messages.
std::vector<XlsxSheet> ReadXlsxBytes(const std::string& bytes, const std::string& name);

// True when the bytes start like a zip archive (an .xlsx is one).
bool LooksLikeZip(const char* data, size_t size);

// Excel's serial day number -> day number since 1970-01-01 (core/time/civil_date), honouring
// the 1900 system's phantom 29 February 1900 and the 1904 system.
int64_t ExcelSerialToDays(double serial, bool date1904);

}  // namespace csc
