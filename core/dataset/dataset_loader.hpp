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
  std::string path;
  Recognition recognition;
  LoadResult load;  // for a CIN census XML: the referrals table and the file's report
  bool mapping_from_store = false;
  std::shared_ptr<const CinCensusTables> cin;  // the tables read from a CIN census XML
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

// Files already loaded -> datasets: converts, joins SSDA903 returns, applies mappings and
// names each dataset. Throws std::runtime_error for a bad mapping.
DatasetLoad BuildDatasets(std::vector<SourceFile> files, const DatasetLoadOptions& options = {});

// LoadSourceFile for each path, then BuildDatasets. Throws LoadError when a file cannot be
// read (unless !stop_on_error), std::runtime_error for a bad mapping.
DatasetLoad LoadDatasets(const std::vector<std::string>& paths, const DatasetLoadOptions& options = {});

// The datasets as the query engine names them (Dataset::name -> table).
CatalogPtr ToCatalog(const std::vector<Dataset>& datasets);

// One loaded table recognised as it stands (no SSDA903 joining across files).
Dataset RecogniseTable(TablePtr table, std::string name);

}  // namespace csc
