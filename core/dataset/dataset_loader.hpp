#pragma once
// Files -> Datasets, without questions where the header says what a file is. Each file is
// loaded by the CSV loader (so rejects and cell warnings, two-digit years included, name
// their line and column), recognised by its header, and converted to the canonical layout
// of its kind: SSDA903 Header + Episodes + Missing tables are joined across all the files
// given (one lac_episodes and one missing_episodes dataset), Annex A lists become cp_plans
// and lac_episodes, canonical and DfE files are used as loaded. A file no recogniser knows
// goes through the mapping given, or one saved for its header, else stays Unknown.
#include <optional>
#include <string>
#include <vector>

#include "async/progress.hpp"
#include "dataset/cin_census.hpp"
#include "dataset/mapping.hpp"
#include "dataset/mapping_store.hpp"
#include "dataset/recognise.hpp"
#include "query/catalog.hpp"

namespace csc {

struct DatasetLoadOptions {
  LoadOptions csv;
  std::optional<ColumnMapping> mapping;  // for files no recogniser knows
  const MappingStore* store = nullptr;   // saved mappings looked up (and `mapping` saved) here
  bool save_mapping = true;
  // false: a file that cannot be loaded is listed in DatasetLoad::errors and the rest load.
  bool stop_on_error = true;
  std::shared_ptr<const CodeLabels> labels;  // attached to every dataset (CodeLabels::Load)
};

struct SourceFile {
  std::string path;  // a workbook's sheet is "book.xlsx [List 7]"
  Recognition recognition;
  LoadResult load;  // for a CIN census XML: the referrals table and the file's report
  bool mapping_from_store = false;
  // A workbook sheet rendered as CSV (xlsx_reader.hpp): what re-reads load instead of `path`.
  std::shared_ptr<const std::string> sheet_csv = {};
  // The snapshot (.cscx) this file was read from, "" when loaded from its CSV. Its datasets
  // come ready-made with it, so BuildDatasets does not convert it again.
  std::string snapshot = {};
  std::shared_ptr<const CinCensusTables> cin = {};  // the tables read from a CIN census XML
};

struct DatasetLoad {
  std::vector<Dataset> datasets;
  std::vector<SourceFile> files;
  std::vector<std::pair<std::string, std::string>> errors;  // (path, one-line message)
  const Dataset* Find(std::string_view name) const;
};

// One file loaded (with progress and cancel, for a worker thread) and recognised by its
// header; dates and ids of a recognised layout forced to their types. Throws LoadError.
SourceFile LoadSourceFile(const std::string& path, const LoadOptions& options = {}, Progress* progress = nullptr,
                          const CancelToken* cancel = nullptr);

// As LoadSourceFile, for a path that may be an .xlsx workbook: one SourceFile per sheet that
// holds any value (a sheet named "List N" is read as Annex A list N when its header agrees).
std::vector<SourceFile> LoadSourceFiles(const std::string& path, const LoadOptions& options = {},
                                        Progress* progress = nullptr, const CancelToken* cancel = nullptr);

// True for a path that names an .xlsx workbook (by extension, or a zip archive's signature).
bool IsWorkbookPath(const std::string& path);

// What one path holds: a CSV is one source file; a snapshot (.cscx, see
// snapshot/snapshot.hpp) holds its source files and the datasets built from them, ready.
struct OpenedPath {
  std::vector<SourceFile> files;
  std::vector<Dataset> datasets;
  double snapshot_seconds = 0;  // opening the snapshot, when it is one
};
// LoadSourceFiles (a CSV, or each sheet of a workbook), or OpenSnapshot when the file
// starts with the snapshot magic. Throws
// LoadError.
OpenedPath OpenPath(const std::string& path, const LoadOptions& options = {}, Progress* progress = nullptr,
                    const CancelToken* cancel = nullptr);

// Files already loaded -> datasets: converts, joins SSDA903 returns, applies mappings and
// names each dataset. `prebuilt` (datasets read from snapshots) come first, as they are,
// and files read from a snapshot are not converted again. Throws std::runtime_error for a
// bad mapping.
DatasetLoad BuildDatasets(std::vector<SourceFile> files, const DatasetLoadOptions& options = {},
                          std::vector<Dataset> prebuilt = {});

// OpenPath for each path, then BuildDatasets. Throws LoadError when a file cannot be
// read (unless !stop_on_error), std::runtime_error for a bad mapping.
DatasetLoad LoadDatasets(const std::vector<std::string>& paths, const DatasetLoadOptions& options = {});

// The datasets as the query engine names them (Dataset::name -> table), each with what its
// kind says about counting it (TableRules): looked-after starts are RNE S and ceases are
// ends other than X1 (when the extract records them), the code list of each coded column,
// and the dates the table covers.
CatalogPtr ToCatalog(const std::vector<Dataset>& datasets);
TableRules RulesFor(const Dataset& dataset);

// One loaded table recognised as it stands (no SSDA903 joining across files).
Dataset RecogniseTable(TablePtr table, std::string name);

}  // namespace csc
