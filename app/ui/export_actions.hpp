#pragma once
// What the Export buttons write: the result's numbers as CSV and the chart as a PNG
// request, into ConfigDir()/exports/ under the view's name. "For publication" withholds
// counts of 1 to the threshold (and says so on the picture), as presentation mode does.
#include <optional>
#include <string>
#include <vector>

#include "dataset/code_labels.hpp"
#include "platform/chart_export.hpp"
#include "query/query_result.hpp"
#include "views/query_panel.hpp"

namespace csc::app {

std::string ExportPath(const std::string& view_name, const std::string& extension);
// Writes atomically; returns the path, throws on failure.
std::string ExportResultCsv(const QueryResult& result, const std::string& view_name);

struct ChartExportSource {
  std::string table;       // the dataset queried
  bool synthetic = false;  // the demonstration data is on screen
};

ChartExport MakeChartExport(const QueryResult& result, const QueryPanelState& state, const std::vector<std::string>& tables,
                            const CodeLabels* labels, const ChartExportSource& source, std::optional<int> publication_threshold,
                            const std::string& path);

}  // namespace csc::app
