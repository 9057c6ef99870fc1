// `csc snapshot FILE... --out NAME.cscx`: load the files as `csc load` does and save the
// typed column store (tables, dictionaries, derived row ages, load reports, datasets with
// their roles and code labels) to one file that `csc load`, `csc query --data` and the
// explorer open by mapping it.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command_registry.hpp"
#include "dataset/dataset_loader.hpp"
#include "indicators/catalogue.hpp"
#include "snapshot/snapshot.hpp"
#include "util/text.hpp"

namespace csc::cli {
namespace {

struct SnapshotArgs {
  std::vector<std::string> files;
  std::string out;
  unsigned threads = 0;
  std::string map;
  bool dfe_symbols = false;
  bool month_first = false;
};

int Run(const SnapshotArgs& args) {
  DatasetLoadOptions options;
  options.csv.threads = args.threads;
  if (args.dfe_symbols) options.csv.status_symbols = kDfeStatusSymbols;
  if (args.month_first) options.csv.date_order = DateOrder::MonthFirst;
  const MappingStore store(MappingStore::DefaultDir());
  options.store = &store;
  options.save_mapping = false;
  try {
    options.labels = CodeLabels::Load((std::filesystem::path(AssetsDir()) / "reference" / "code_lists.csv").string());
  } catch (const std::exception&) {
    options.labels.reset();  // codes then show as written, as in the explorer
  }
  const auto started = std::chrono::steady_clock::now();
  try {
    if (!args.map.empty()) options.mapping = ReadMappingFile(args.map);
    const DatasetLoad load = LoadDatasets(args.files, options);
    const double loaded = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    WriteSnapshot(args.out, load);
    const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    size_t rows = 0;
    for (const Dataset& d : load.datasets) rows += d.table->num_rows();
    std::printf("%s: %zu dataset%s (%s rows) from %zu file%s, %s; loaded in %.3f s, written in %.3f s\n",
                args.out.c_str(), load.datasets.size(), load.datasets.size() == 1 ? "" : "s",
                WithThousands(static_cast<long long>(rows)).c_str(), load.files.size(), load.files.size() == 1 ? "" : "s",
                FormatBytes(std::filesystem::file_size(args.out)).c_str(), loaded, total - loaded);
    for (const SourceFile& f : load.files)
      if (f.load.report.rows_rejected || f.load.report.cell_warnings)
        std::printf("  %s: %zu rows rejected, %zu cells unreadable (kept in the snapshot's load report)\n",
                    f.path.c_str(), f.load.report.rows_rejected, f.load.report.cell_warnings);
  } catch (const std::exception& e) {
    std::cerr << "csc snapshot: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

const CommandRegistrar kRegistrar(
    "snapshot", "Save loaded files as one snapshot (.cscx) that opens in a fraction of the load time",
    [](CLI::App& app) -> std::function<int()> {
      auto args = std::make_shared<SnapshotArgs>();
      app.add_option("files", args->files, "CSV files (or snapshots) to load")->required();
      app.add_option("--out", args->out, "the snapshot to write, e.g. board.cscx")->required();
      app.add_option("--threads", args->threads, "worker threads (default: all cores)");
      app.add_option("--map", args->map, "column mapping (JSON) for files no recogniser knows");
      app.add_flag("--dfe-symbols", args->dfe_symbols, "keep DfE symbols (c z x low k u :) in number columns as cell status");
      app.add_flag("--month-first", args->month_first, "read ambiguous dates as mm/dd/yyyy");
      return [args] { return Run(*args); };
    });

}  // namespace
}  // namespace csc::cli
