// Any bytes through the whole loader: it must either load (with rows that reconcile and a
// parallel parse identical to the serial one) or throw LoadError, never crash or hang.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/csv_loader.hpp"

namespace {
void Check(bool ok) {
  if (!ok) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  csc::LoadOptions serial;
  serial.threads = 1;
  csc::LoadOptions parallel;
  parallel.threads = 3;
  parallel.chunk_bytes = 7;  // many boundaries, inside quotes and between CR and LF
  try {
    const auto a = csc::LoadCsvBytes(bytes, "fuzz.csv", serial);
    const auto b = csc::LoadCsvBytes(bytes, "fuzz.csv", parallel);
    Check(a.report.rows_read == a.report.rows_loaded + a.report.rows_rejected);
    Check(a.table->num_rows() == a.report.rows_loaded);
    Check(a.report.rows_read == b.report.rows_read && a.report.rows_rejected == b.report.rows_rejected);
    Check(a.report.cell_warnings == b.report.cell_warnings && a.report.blank_lines == b.report.blank_lines);
    Check(a.table->num_columns() == b.table->num_columns());
    for (size_t c = 0; c < a.table->num_columns(); ++c) {
      const auto& x = a.table->column(c);
      const auto& y = b.table->column(c);
      Check(x.type() == y.type());
      for (size_t r = 0; r < a.table->num_rows(); ++r) Check(x.FormatCell(r) == y.FormatCell(r));
    }
  } catch (const csc::LoadError&) {
  }
  return 0;
}
