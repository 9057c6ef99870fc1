#pragma once
// Files being loaded in the background and files loaded. The UI thread starts loads and
// polls them once a frame; it never waits for one.
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "async/background_task.hpp"
#include "dataset/dataset_loader.hpp"
#include "ingest/csv_loader.hpp"

namespace csc::app {

struct LoadedFile {
  std::string path;
  LoadResult result;
  Recognition recognition;       // what the header says the file is
  std::vector<size_t> distinct;  // per column: distinct valid values, counted by the loader (O(rows), off the UI thread)
  std::shared_ptr<const std::string> sheet_csv;  // a workbook sheet (path "book.xlsx [List 7]")
  std::string snapshot;          // the snapshot (.cscx) it came from, "" for a file loaded here
  std::shared_ptr<const CinCensusTables> cin;  // the tables of a CIN census XML (else null)
};

// What a load's worker hands back: what the path held (a CSV, a workbook's sheets, or a
// snapshot's files and datasets) and, per file, the statistics the Data tab shows.
struct LoadedSource {
  OpenedPath opened;
  std::vector<std::vector<size_t>> distinct;  // [file][column]
};

struct LoadJob {
  std::string path;
  std::unique_ptr<BackgroundTask<LoadedSource>> task;
  std::chrono::steady_clock::time_point started;
  // Seconds left, from bytes done so far; negative while unknown.
  double EtaSeconds() const;
};

class DatasetLoads {
 public:
  explicit DatasetLoads(std::function<void()> wake = {}) : m_wake(std::move(wake)) {}
  void Start(const std::string& path, const LoadOptions& options = {});
  // Moves finished jobs to loaded() / failures(); true when anything changed.
  bool Poll();
  void Cancel(size_t job);
  bool busy() const { return !m_jobs.empty(); }

  const std::vector<LoadJob>& jobs() const { return m_jobs; }
  const std::vector<LoadedFile>& loaded() const { return m_loaded; }
  // Datasets read ready-made from snapshots (their files are in loaded() too, for the data tab).
  const std::vector<Dataset>& prebuilt() const { return m_prebuilt; }
  const std::vector<std::string>& failures() const { return m_failures; }
  void DismissFailures() { m_failures.clear(); }

 private:
  std::function<void()> m_wake;
  std::vector<LoadJob> m_jobs;
  std::vector<LoadedFile> m_loaded;
  std::vector<Dataset> m_prebuilt;
  std::vector<std::string> m_failures;
};

}  // namespace csc::app
