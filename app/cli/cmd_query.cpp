// `csc query`: slice, group and measure loaded datasets headlessly with the same engine,
// grammar and answers as the explorer.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/publish_options.hpp"
#include "dataset/dataset_loader.hpp"
#include "ingest/csv_loader.hpp"
#include "privacy/cell_key_secret.hpp"
#include "privacy/publish_result.hpp"
#include "query/field_labels.hpp"
#include "query/executor.hpp"
#include "query/grammar_help.hpp"
#include "query/query_parser.hpp"

namespace csc::cli {
namespace {

struct QueryArgs {
  std::vector<std::string> data;
  QueryText text;
  std::string format = "table";
  unsigned threads = 0;
  bool timing = false;
  std::string map;
  bool publish = false;
  int threshold = 5;
  int round_to = 0;
  int two_digit_years = 0;
};

std::string TableName(const std::string& spec, std::string& path) {
  const size_t eq = spec.find('=');
  if (eq != std::string::npos && !std::filesystem::exists(spec)) {
    path = spec.substr(eq + 1);
    return spec.substr(0, eq);
  }
  path = spec;
  return std::filesystem::path(spec).stem().string();
}

int Run(QueryArgs& args) {
  Catalog catalog;
  std::vector<std::string> paths;
  std::map<std::string, std::string> given_names;  // path -> NAME from NAME=FILE
  for (const std::string& spec : args.data) {
    std::string path;
    const std::string name = TableName(spec, path);
    paths.push_back(path);
    if (name != std::filesystem::path(path).stem().string()) given_names[path] = name;
  }
  std::string first_table;
  try {
    DatasetLoadOptions options;
    options.csv.threads = args.threads;
    options.csv.two_digit_years = args.two_digit_years;
    const MappingStore store(MappingStore::DefaultDir());
    options.store = &store;
    if (!args.map.empty()) options.mapping = ReadMappingFile(args.map);
    const DatasetLoad load = LoadDatasets(paths, options);
    for (const SourceFile& f : load.files)
      if (f.load.report.rows_rejected || f.load.report.cell_warnings)
        std::cerr << "csc query: " << f.path << ": " << f.load.report.rows_rejected << " rows rejected, "
                  << f.load.report.cell_warnings << " cells unreadable (see csc load " << f.path << ")\n";
    for (const Dataset& d : load.datasets) {
      const auto given = d.sources.size() == 1 ? given_names.find(d.sources.front()) : given_names.end();
      const std::string name = given != given_names.end() ? given->second : d.name;
      if (d.UnknownCodeCount())
        std::cerr << "csc query: " << name << ": " << d.UnknownCodeCount() << " unknown codes kept (see csc load)\n";
      catalog.Add(name, d.table, RulesFor(d));
      for (const auto& source : d.sources)
        if (source == paths.front() && first_table.empty()) first_table = name;
      if (d.snapshot == paths.front() && first_table.empty()) first_table = name;
    }
  } catch (const std::exception& e) {
    std::cerr << "csc query: " << e.what() << "\n";
    return 1;
  }
  if (args.text.table.empty()) args.text.table = first_table;
  try {
    Query query = ParseQueryText(args.text);
    ExecuteOptions options;
    options.threads = args.threads;
    // Publication asks for cell keys under the installation's secret (the explorer's too).
    if (args.publish) {
      try {
        PrepareForPublication(query, LoadOrCreateCellKeySeed());
      } catch (const std::runtime_error& e) {
        std::cerr << "csc query: " << e.what() << "\n";
        return 1;
      }
    }
    const QueryResult result = RunQuery(catalog, query, options);
    if (args.publish) {
      const PublishedResult pub = PublishResult(result, query, {args.threshold, args.round_to});
      if (args.format == "csv") std::cout << FormatPublishedCsv(pub);
      else if (args.format == "json") std::cout << FormatPublishedJson(pub);
      else std::cout << FormatPublishedTable(pub);
    } else if (args.format == "csv") std::cout << FormatResultCsv(result);
    else if (args.format == "json") std::cout << FormatResultJson(result);
    else std::cout << FormatResultTable(result);
    // CSV stays machine-readable: its notes go to stderr (table and JSON carry them).
    if (args.format == "csv" || args.publish)
      for (const std::string& n : result.notes) std::cerr << "csc query: note: " << n << "\n";
    if (args.timing)
      std::cerr << "query: " << result.rows_scanned << " rows scanned, " << result.units_counted << " counted, "
                << result.seconds * 1000 << " ms\n";
  } catch (const QueryError& e) {
    std::cerr << "csc query: " << e.what() << "\n";
    return 2;
  }
  return 0;
}

const CommandRegistrar kRegistrar(
    "query", "Slice, group and measure datasets: counts, children, rates, shares, ratios", [](CLI::App& app) {
      auto args = std::make_shared<QueryArgs>();
      app.footer(std::string(QueryGrammarHelp()) + "\n" + FieldLabelsHelp());
      app.add_option("--data", args->data,
                     "CSV file, .xlsx workbook or snapshot (.cscx) to load, NAME=FILE to name a CSV (repeatable)")
          ->required();
      app.add_option("--table", args->text.table, "table to query (default: the first --data)");
      app.add_option("--where", args->text.where, "filter (repeatable; ANDed)");
      app.add_option("--link", args->text.links, "keep rows by another table's rows for the same child (repeatable)");
      app.add_option("--period", args->text.period, "period(s): fy:2012-13, year:2010..2014, ...");
      app.add_option("--count", args->text.count, "how an episode counts in a period (default open-at:31-03)");
      app.add_option("--by", args->text.by, "group by, comma-separated (up to 3)");
      app.add_option("--measure", args->text.measure, "measures, comma-separated (default episodes)");
      app.add_option("--role", args->text.roles, "ROLE=COLUMN for non-canonical column names (repeatable)");
      app.add_option("--format", args->format, "table, csv or json")->check(CLI::IsMember({"table", "csv", "json"}));
      app.add_option("--threads", args->threads, "worker threads (default: all cores)");
      app.add_flag("--timing", args->timing, "print the query time to stderr");
      app.add_option("--two-digit-years", args->two_digit_years,
                     "read two-digit years in the century from this year, e.g. 1950: 50..99 are 1950-1999, "
                     "00..49 are 2000-2049 (default: flag them as unreadable)")
          ->check(CLI::Range(1800, 2100));
      app.add_option("--map", args->map, "column mapping (JSON) for files no recogniser knows");
      app.add_flag("--publish", args->publish,
                   "publication-safe output (cell-key method, docs/DISCLOSURE.md): counts 1..threshold shown as c, "
                   "other counts perturbed consistently, derived figures from the perturbed counts");
      app.add_option("--threshold", args->threshold, "with --publish: withhold counts 1..N (5, 7 or 10; default 5)")
          ->check(ThresholdValidator());
      app.add_option("--round", args->round_to, "with --publish: round published counts to the nearest 5 or 10")
          ->check(CLI::IsMember({0, 5, 10}));
      return [args] { return Run(*args); };
    });

}  // namespace
}  // namespace csc::cli
