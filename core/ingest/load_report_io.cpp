#include "ingest/load_report_io.hpp"

#include <nlohmann/json.hpp>

#include "util/text.hpp"

namespace csc {

nlohmann::json LoadReportToJson(const LoadResult& result) {
  const LoadReport& r = result.report;
  nlohmann::json j;
  j["file"] = ValidUtf8(r.path);  // file names are bytes; JSON needs UTF-8
  j["rows_read"] = r.rows_read;
  j["rows_loaded"] = r.rows_loaded;
  j["rows_rejected"] = r.rows_rejected;
  j["blank_lines"] = r.blank_lines;
  j["cell_warnings"] = r.cell_warnings;
  j["status_cells"] = r.status_cells;
  j["seconds"] = r.seconds;
  j["file_bytes"] = r.file_bytes;
  j["megabytes_per_second"] = r.MegabytesPerSecond();
  j["bytes_in_memory"] = result.table ? result.table->MemoryBytes() : 0;
  if (result.table) {
    const Provenance& p = result.table->provenance();
    j["encoding"] = p.encoding;
    j["delimiter"] = std::string(1, p.delimiter);
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(p.content_hash));
    j["content_hash"] = hash;
    nlohmann::json columns = nlohmann::json::array();
    for (size_t c = 0; c < result.table->num_columns(); ++c) {
      const Column& col = result.table->column(c);
      columns.push_back({{"name", ValidUtf8(result.table->column_name(c))},
                         {"type", std::string(ToString(col.type()))},
                         {"nulls", col.null_count()},
                         {"distinct", col.DistinctCount()},
                         {"bytes", col.MemoryBytes()},
                         {"status_cells", col.status() ? col.status()->count : 0}});
    }
    j["columns"] = std::move(columns);
  }
  nlohmann::json rejects = nlohmann::json::array();
  for (const auto& rej : r.rejects) rejects.push_back({{"line", rej.line}, {"reason", ValidUtf8(rej.reason)}, {"text", ValidUtf8(rej.text)}});
  j["rejects"] = std::move(rejects);
  nlohmann::json warnings = nlohmann::json::array();
  for (const auto& w : r.warnings)
    warnings.push_back({{"line", w.line},
                        {"column", w.column},
                        {"column_name", ValidUtf8(w.column_name)},
                        {"value", ValidUtf8(w.value)},
                        {"expected", std::string(ToString(w.expected))},
                        {"reason", w.reason}});
  j["warnings"] = std::move(warnings);
  nlohmann::json notes = nlohmann::json::array();
  for (const auto& note : r.notes) notes.push_back(ValidUtf8(note));
  j["notes"] = std::move(notes);
  return j;
}

std::string RejectsToCsv(const LoadReport& report) {
  std::string out = "line,reason,text\n";
  for (const auto& r : report.rejects)
    out += std::to_string(r.line) + "," + CsvEscape(ValidUtf8(r.reason)) + "," + CsvEscape(ValidUtf8(r.text)) + "\n";
  return out;
}

std::string WarningsToCsv(const LoadReport& report) {
  std::string out = "line,column,column_name,value,expected,reason\n";
  for (const auto& w : report.warnings)
    out += std::to_string(w.line) + "," + std::to_string(w.column) + "," + CsvEscape(ValidUtf8(w.column_name)) + "," +
           CsvEscape(ValidUtf8(w.value)) + "," + std::string(ToString(w.expected)) + "," + CsvEscape(ValidUtf8(w.reason)) + "\n";
  return out;
}

}  // namespace csc
