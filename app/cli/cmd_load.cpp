// `csc load FILE... [--json] [--map FILE]`: load each file as the explorer would, say what
// it was recognised as (canonical, DfE, SSDA903, Annex A, mapped) and report what happened
// to every row and every unknown code.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <iostream>

#include "cli/command_registry.hpp"
#include "dataset/dataset_loader.hpp"
#include "ingest/csv_loader.hpp"
#include "ingest/load_report_io.hpp"
#include "query/row_ages.hpp"
#include "util/atomic_file.hpp"
#include "util/text.hpp"

namespace csc::cli {
namespace {

struct LoadArgs {
  std::vector<std::string> files;
  bool json = false;
  size_t list = 10;
  std::string rejects_csv, warnings_csv;
  std::vector<std::string> types;
  std::string delimiter;
  bool month_first = false;
  int two_digit_years = 0;
  bool dfe_symbols = false;
  unsigned threads = 0;
  std::string map;
  bool no_save_map = false;
  bool timing = false;
};

std::string Mb(uint64_t bytes) { return FormatBytes(bytes); }

void PrintText(const LoadResult& r, size_t list) {
  const LoadReport& rep = r.report;
  const Table& t = *r.table;
  std::printf("%s\n", rep.path.c_str());
  std::printf("  rows read %s, loaded %s, rejected %s; cell warnings %s; blank lines %s; status cells %s\n",
              WithThousands(static_cast<long long>(rep.rows_read)).c_str(),
              WithThousands(static_cast<long long>(rep.rows_loaded)).c_str(),
              WithThousands(static_cast<long long>(rep.rows_rejected)).c_str(),
              WithThousands(static_cast<long long>(rep.cell_warnings)).c_str(),
              WithThousands(static_cast<long long>(rep.blank_lines)).c_str(),
              WithThousands(static_cast<long long>(rep.status_cells)).c_str());
  std::printf("  %s in %.3f s (%.0f MB/s), %s in memory, encoding %s, delimiter '%s'\n", Mb(rep.file_bytes).c_str(),
              rep.seconds, rep.MegabytesPerSecond(), Mb(t.MemoryBytes()).c_str(), t.provenance().encoding.c_str(),
              t.provenance().delimiter == '\t' ? "\\t" : std::string(1, t.provenance().delimiter).c_str());
  std::printf("  %-32s %-9s %12s %12s %12s\n", "column", "type", "nulls", "distinct", "bytes");
  for (size_t c = 0; c < t.num_columns(); ++c) {
    const Column& col = t.column(c);
    std::printf("  %-32s %-9s %12s %12s %12s\n", t.column_name(c).c_str(), std::string(ToString(col.type())).c_str(),
                WithThousands(static_cast<long long>(col.null_count())).c_str(),
                WithThousands(static_cast<long long>(col.DistinctCount())).c_str(),
                WithThousands(static_cast<long long>(col.MemoryBytes())).c_str());
  }
  for (const auto& note : rep.notes) std::printf("  note: %s\n", note.c_str());
  for (size_t i = 0; i < rep.rejects.size() && i < list; ++i)
    std::printf("  rejected line %zu: %s\n", rep.rejects[i].line, rep.rejects[i].reason.c_str());
  if (rep.rows_rejected > list && list) std::printf("  ... %zu more rejected rows\n", rep.rows_rejected - list);
  for (size_t i = 0; i < rep.warnings.size() && i < list; ++i) {
    const auto& w = rep.warnings[i];
    std::printf("  warning line %zu, column %zu (%s): '%s' %s\n", w.line, w.column, w.column_name.c_str(),
                w.value.c_str(), w.reason.c_str());
  }
  if (rep.cell_warnings > list && list) std::printf("  ... %zu more cell warnings\n", rep.cell_warnings - list);
}

const Dataset* DatasetOf(const DatasetLoad& load, const std::string& path) {
  for (const Dataset& d : load.datasets)
    for (const auto& source : d.sources)
      if (source == path) return &d;
  return nullptr;
}

nlohmann::json DatasetJson(const Dataset& d) {
  nlohmann::json j;
  j["name"] = d.name;
  j["kind"] = std::string(KindName(d.kind));
  j["format"] = std::string(FormatName(d.format));
  j["rows"] = d.table ? d.table->num_rows() : 0;
  j["sources"] = d.sources;
  j["unknown_code_count"] = d.UnknownCodeCount();
  nlohmann::json unknown = nlohmann::json::object();
  for (const auto& u : d.unknown_codes) unknown[u.column] = u.counts;
  j["unknown_codes"] = unknown;
  j["notes"] = d.notes;
  return j;
}

void PrintDataset(const Dataset& d) {
  std::printf("dataset %s: %s from %s, %s rows (%zu file%s)\n", d.name.c_str(), std::string(KindName(d.kind)).c_str(),
              std::string(FormatName(d.format)).c_str(),
              WithThousands(static_cast<long long>(d.table ? d.table->num_rows() : 0)).c_str(), d.sources.size(),
              d.sources.size() == 1 ? "" : "s");
  for (const auto& u : d.unknown_codes) {
    std::string codes;
    for (const auto& [code, n] : u.counts) codes += (codes.empty() ? "" : ", ") + ("'" + code + "' x" + std::to_string(n));
    std::printf("  unknown codes in %s (kept): %s\n", u.column.c_str(), codes.c_str());
  }
  for (const auto& note : d.notes) std::printf("  %s\n", note.c_str());
}

int Run(const LoadArgs& args) {
  LoadOptions options;
  if (!args.delimiter.empty()) {
    const bool tab = args.delimiter == "\\t" || args.delimiter == "tab";
    if (!tab && (args.delimiter.size() != 1 || args.delimiter[0] == '"' || args.delimiter[0] == '\n' ||
                 args.delimiter[0] == '\r')) {
      std::cerr << "csc load: --delimiter expects one character such as , ; or | (or 'tab'); got '" << args.delimiter
                << "'\n";
      return 2;
    }
    options.delimiter = tab ? '\t' : args.delimiter[0];
  }
  if (args.month_first) options.date_order = DateOrder::MonthFirst;
  options.two_digit_years = args.two_digit_years;
  options.threads = args.threads;
  if (args.dfe_symbols) options.status_symbols = kDfeStatusSymbols;
  for (const auto& spec : args.types) {
    const size_t eq = spec.rfind('=');
    const auto type = eq == std::string::npos ? std::nullopt : ParseColumnType(spec.substr(eq + 1));
    if (!type) {
      std::cerr << "csc load: --type expects COLUMN=TYPE with TYPE one of int, decimal, bool, date, datetime, category, "
                   "text; got '"
                << spec << "'\n";
      return 2;
    }
    options.type_overrides[spec.substr(0, eq)] = *type;
  }
  DatasetLoadOptions dataset_options;
  dataset_options.csv = options;
  dataset_options.stop_on_error = false;
  dataset_options.save_mapping = !args.no_save_map;
  const MappingStore store(MappingStore::DefaultDir());
  dataset_options.store = &store;
  int exit_code = 0;
  DatasetLoad load;
  const auto started = std::chrono::steady_clock::now();
  try {
    if (!args.map.empty()) dataset_options.mapping = ReadMappingFile(args.map);
    load = LoadDatasets(args.files, dataset_options);
  } catch (const std::exception& e) {
    std::cerr << "csc load: " << e.what() << "\n";
    return 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  nlohmann::json all = nlohmann::json::array();
  for (const auto& file : args.files) {
    // A workbook is one SourceFile per sheet ("book.xlsx [List 7]"); a snapshot holds the
    // files it was made from.
    std::vector<const SourceFile*> parts, from_snapshot;
    for (const SourceFile& f : load.files) {
      if (f.snapshot.empty() && (f.path == file || f.path.rfind(file + " [", 0) == 0)) parts.push_back(&f);
      if (f.snapshot == file) from_snapshot.push_back(&f);
    }
    if (parts.empty() && !from_snapshot.empty()) {
      // A snapshot: the reports of the files it was made from, as they were loaded then.
      size_t datasets = 0;
      for (const Dataset& d : load.datasets) datasets += d.snapshot == file;
      if (args.json) {
        nlohmann::json sources = nlohmann::json::array();
        for (const SourceFile* f : from_snapshot) {
          nlohmann::json j = LoadReportToJson(f->load);
          j["format"] = std::string(FormatName(f->recognition.format));
          j["kind"] = std::string(KindName(f->recognition.kind));
          sources.push_back(std::move(j));
        }
        all.push_back({{"file", file}, {"snapshot", true}, {"datasets", datasets}, {"sources", sources}});
      } else {
        std::printf("%s: snapshot of %zu file%s (%zu dataset%s), opened by mapping it; as loaded when it was made:\n",
                    file.c_str(), from_snapshot.size(), from_snapshot.size() == 1 ? "" : "s", datasets,
                    datasets == 1 ? "" : "s");
        for (const SourceFile* f : from_snapshot) {
          PrintText(f->load, args.list);
          std::printf("  recognised as %s (%s)\n", std::string(FormatName(f->recognition.format)).c_str(),
                      std::string(KindName(f->recognition.kind)).c_str());
        }
      }
      continue;
    }
    if (parts.empty()) {
      for (const auto& [path, message] : load.errors)
        if (path == file) {
          std::cerr << "csc load: " << message << "\n";
          if (args.json) all.push_back({{"file", file}, {"error", message}});
        }
      exit_code = 1;
      continue;
    }
    for (const SourceFile* loaded : parts) {
    const LoadResult& result = loaded->load;
    const Dataset* dataset = DatasetOf(load, loaded->path);
    // A report of nothing is not a successful load; a workbook's sheet with only its header
    // is an empty list, which is allowed.
    if (result.report.rows_loaded == 0 && (!loaded->sheet_csv || result.report.rows_read > 0)) {
      std::cerr << "csc load: " << loaded->path << ": no rows loaded: all "
                << WithThousands(static_cast<long long>(result.report.rows_read)) << " records were rejected\n";
      exit_code = 1;
    }
    if (args.json) {
      nlohmann::json j = LoadReportToJson(result);
      j["format"] = std::string(FormatName(loaded->recognition.format));
      j["kind"] = std::string(KindName(loaded->recognition.kind));
      j["mapping_from_store"] = loaded->mapping_from_store;
      if (dataset) j["dataset"] = DatasetJson(*dataset);
      all.push_back(std::move(j));
    } else {
      PrintText(result, args.list);
      std::printf("  recognised as %s (%s)%s\n", std::string(FormatName(loaded->recognition.format)).c_str(),
                  std::string(KindName(loaded->recognition.kind)).c_str(),
                  loaded->mapping_from_store ? ", with the mapping saved for this header" : "");
    }
    try {
      if (!args.rejects_csv.empty()) WriteFileAtomically(args.rejects_csv, RejectsToCsv(result.report));
      if (!args.warnings_csv.empty()) WriteFileAtomically(args.warnings_csv, WarningsToCsv(result.report));
    } catch (const std::exception& e) {
      std::cerr << "csc load: " << e.what() << "\n";
      exit_code = 1;
    }
    }
  }
  if (!args.json)
    for (const Dataset& d : load.datasets) PrintDataset(d);
  if (args.timing) {
    // Where the time went: each CSV's stages (ingest), then what LoadDatasets did around them
    // (recognition, conversions, unknown codes), then the row ages the explorer derives on its
    // loading worker (csc query derives them on the first age query instead).
    double in_files = 0;
    for (const SourceFile& f : load.files) {
      if (!f.snapshot.empty()) continue;
      std::fprintf(stderr, "%s:\n", f.path.c_str());
      for (const LoadStage& stage : f.load.report.stages) {
        std::fprintf(stderr, "  %-52s %8.1f ms\n", stage.name.c_str(), stage.seconds * 1000);
        if (stage.name.rfind("  ", 0) != 0) in_files += stage.seconds;  // "  of which": inside the stage above
      }
    }
    const auto derive_started = std::chrono::steady_clock::now();
    DeriveRowAgesAhead(*ToCatalog(load.datasets));
    const double derive = std::chrono::duration<double>(std::chrono::steady_clock::now() - derive_started).count();
    std::fprintf(stderr, "  %-52s %8.1f ms\n", "recognition, dataset build (the rest of the load)",
                 std::max(0.0, seconds - in_files) * 1000);
    std::fprintf(stderr, "  %-52s %8.1f ms (not part of csc load's own work)\n", "derived row ages", derive * 1000);
    std::cerr << "loaded " << load.files.size() << " files into " << load.datasets.size() << " datasets in " << seconds
              << " s\n";
  }
  if (args.json)
    std::cout << (all.size() == 1 ? all[0] : all).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return exit_code;
}

const CommandRegistrar kRegistrar("load", "Load CSV files and report rows, rejects, cell warnings and column types",
                                  [](CLI::App& app) -> std::function<int()> {
                                    auto args = std::make_shared<LoadArgs>();
                                    app.add_option("files", args->files, "CSV files or snapshots (.cscx, see csc snapshot)")->required()->check(CLI::ExistingPath | CLI::NonexistentPath);
                                    app.add_flag("--json", args->json, "machine-readable report");
                                    app.add_option("--list", args->list, "rejects and warnings to print (default 10)");
                                    app.add_option("--rejects-csv", args->rejects_csv, "write rejected rows to this CSV");
                                    app.add_option("--warnings-csv", args->warnings_csv, "write cell warnings to this CSV");
                                    app.add_option("--type", args->types, "force a column's type: COLUMN=TYPE (repeatable)");
                                    app.add_option("--delimiter", args->delimiter, "',' ';' tab or '|' (sniffed by default)");
                                    app.add_flag("--month-first", args->month_first, "read ambiguous dates as mm/dd/yyyy");
                                    app.add_option("--two-digit-years", args->two_digit_years,
                                                   "read two-digit years in the century from this year, e.g. 1950: "
                                                   "50..99 are 1950-1999, 00..49 are 2000-2049 (default: flag them)")
                                        ->check(CLI::Range(1800, 2100));
                                    app.add_flag("--dfe-symbols", args->dfe_symbols,
                                                 "keep DfE symbols (c z x low k u :) in number columns as cell status");
                                    app.add_option("--threads", args->threads, "worker threads (default: all cores)");
                                    app.add_option("--map", args->map,
                                                   "column mapping (JSON) for files no recogniser knows; saved for "
                                                   "their header under $CSC_CONFIG_DIR/mappings");
                                    app.add_flag("--no-save-map", args->no_save_map, "do not save the --map mapping");
                                    app.add_flag("--timing", args->timing, "print where the load time went, stage by stage, to stderr");
                                    return [args] { return Run(*args); };
                                  });

}  // namespace
}  // namespace csc::cli
