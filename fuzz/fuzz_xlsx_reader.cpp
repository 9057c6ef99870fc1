// Any bytes as an .xlsx workbook: the reader either renders its sheets (and the CSV loader
// reads each rendering) or throws LoadError, never crashes, hangs or inflates without bound.
#include <cstdint>
#include <string>

#include "ingest/csv_loader.hpp"
#include "ingest/xlsx_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    for (const csc::XlsxSheet& sheet : csc::ReadXlsxBytes(bytes, "fuzz.xlsx")) {
      if (sheet.rows == 0) continue;
      csc::LoadOptions options;
      options.delimiter = ',';
      options.threads = 1;
      (void)csc::LoadCsvBytes(sheet.csv, "fuzz.xlsx [" + sheet.name + "]", options);
    }
  } catch (const csc::LoadError&) {
  }
  return 0;
}
