#include "ui/export_actions.hpp"

#include <filesystem>

#include "ui/saved_views.hpp"
#include "views/publication.hpp"
#include "util/atomic_file.hpp"

namespace csc::app {

std::string ExportPath(const std::string& view_name, const std::string& extension) {
  std::string name = view_name.empty() ? "query" : view_name;
  for (char& c : name)
    if (c == '/' || c == '\\' || c == ':') c = '-';  // a view name is not a path
  return ConfigDir() + "/exports/" + name + "." + extension;
}

std::string ExportCsvText(const std::string& text, const std::string& view_name) {
  const std::string path = ExportPath(view_name, "csv");
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  WriteFileAtomically(path, text);
  return path;
}

std::string ExportResultCsv(const QueryResult& result, const std::string& view_name) {
  return ExportCsvText(FormatResultCsv(result), view_name);
}

ChartExport MakeChartExport(const QueryResult& result, const QueryPanelState& state, const std::vector<std::string>& tables,
                            const CodeLabels* labels, const ChartExportSource& source,
                            std::optional<std::pair<int, size_t>> publication, const std::string& path) {
  ChartExport e;
  e.chart = ChartOf(result, labels);
  e.chart.group_keys.clear(), e.chart.series_keys.clear();
  for (const auto& name : e.chart.series) e.chart.hidden_series.push_back(state.hidden_series.count(name) > 0);
  e.kind = ResolveChartKind(state.chart, !result.dimensions.empty() && result.dimensions[0] == "period", result.rows.size());
  e.sentence = FilterSentence(tables, labels, state);
  e.source = "Source: " + source.table + (source.synthetic ? " (SYNTHETIC demonstration data, not real children)" : "");
  if (publication) e.chart.gaps_withheld = result.dimensions.size() == 1;
  if (publication)
    e.source += ". " + PublishedFootnote(publication->first) + " (" + std::to_string(publication->second) + " withheld)";
  e.source += ". CSC Explorer.";
  e.path = path;
  return e;
}

}  // namespace csc::app
