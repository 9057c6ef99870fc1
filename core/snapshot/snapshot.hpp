#pragma once
// Snapshots (.cscx): what LoadDatasets built from CSV files (every table with its columns at
// their stored widths, validity bitmaps, dictionaries, cell statuses and derived row ages;
// the source files with their recognition and load reports; the datasets with their kinds,
// formats, roles, notes and code labels), saved in one file and opened by mapping it, so
// the columns are read in place. A file from another format or engine version, damaged
// or truncated, is refused with a LoadError naming the file and what is wrong.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/dataset_loader.hpp"

namespace csc {

struct SnapshotInfo {
  std::string path;
  std::string engine_version;  // who wrote it
  uint64_t file_bytes = 0;
  double open_seconds = 0;     // mapping, checking and building the tables
};

struct OpenedSnapshot {
  SnapshotInfo info;
  std::vector<SourceFile> files;  // each with `snapshot` = the snapshot's path
  std::vector<Dataset> datasets;  // likewise
};

// Writes `load`'s files and datasets to `path` atomically (a temporary file renamed over
// it). Derives the row ages first (DeriveRowAgesAhead) so they are saved too. Throws
// std::runtime_error naming the path.
void WriteSnapshot(const std::string& path, const DatasetLoad& load);

// True when the file starts with the snapshot magic (whatever else is wrong with it).
bool IsSnapshotFile(const std::string& path);
// Throws LoadError naming the file and what is wrong with it.
OpenedSnapshot OpenSnapshot(const std::string& path, unsigned threads = 0);
// The same over bytes already in memory (copied into an owned, aligned buffer): tests and
// the fuzz target.
OpenedSnapshot OpenSnapshotBytes(std::string_view bytes, const std::string& name, unsigned threads = 1);

// Recomputes every checksum (sections, contents, header) of a snapshot image in place, so
// the fuzz target and tests can reach the checks behind them with altered contents. Does
// nothing to bytes too short or too inconsistent to hold a header and contents.
void ResealSnapshotForTesting(std::string& bytes);

}  // namespace csc
