#pragma once
// What the Export buttons write: the result's numbers as CSV and the chart as a PNG
// request, into ConfigDir()/exports/ under the view's name. "For publication" exports the
// disclosure-controlled answer (as presentation mode shows) and says so on the picture.
#include <optional>
#include <string>
#include <vector>

#include "dataset/code_labels.hpp"
#include "platform/chart_export.hpp"
#include "query/query_result.hpp"
#include "views/query_panel.hpp"

namespace csc::app {

std::string ExportPath(const std::string& view_name, const std::string& extension);

struct ChartExportSource {
  std::string table;       // the dataset queried
  bool synthetic = false;  // the demonstration data is on screen
};

// `result` is what to draw: for publication, the disclosure-controlled answer, with
// `publication` = (threshold, cells withheld) for the note under the chart, and `withheld`
// the [row][measure] cells to draw as "c". Without `publication` the picture says "Exact
// figures, not for publication".
ChartExport MakeChartExport(const QueryResult& result, const QueryPanelState& state, const std::vector<std::string>& tables,
                            const CodeLabels* labels, const ChartExportSource& source,
                            std::optional<std::pair<int, size_t>> publication, const std::string& path,
                            const std::vector<std::vector<bool>>* withheld = nullptr);
// The lines a CSV export starts with ("# query: ...", "# data: ...", "# exported: <UTC time>",
// "# publication: ..."), so the numbers carry where they came from. `threshold` 0: exact
// figures, not for publication.
std::string CsvProvenance(const std::string& query, const std::string& data, int threshold);
// "# note 1. 2012-13: ..." lines for the view's notes (none: empty), after the provenance.
std::string CsvNoteLines(const QueryResult& result, const QueryPanelState& state, const CodeLabels* labels);
// With two periods compared, the comparison as CSV (for publication: from the protected
// answer, withheld changes written c); nothing when no comparison is shown.
std::optional<std::string> ComparisonCsv(const QueryPanelState& state, bool for_publication, int threshold);
// Writes text atomically to ExportPath(view_name, "csv"); returns the path, throws on failure.
std::string ExportCsvText(const std::string& text, const std::string& view_name);

}  // namespace csc::app
