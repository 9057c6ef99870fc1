#include "ui/dataset_loads.hpp"

#include <algorithm>

namespace csc::app {

double LoadJob::EtaSeconds() const {
  const Progress& p = task->progress();
  const double fraction = p.Fraction();
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (fraction < 0.02 || elapsed < 0.2) return -1;
  return elapsed * (1 - fraction) / fraction;
}

void DatasetLoads::Start(const std::string& path, const LoadOptions& options) {
  LoadJob job;
  job.path = path;
  job.started = std::chrono::steady_clock::now();
  // A CSV, a workbook or a snapshot: the same path for File > Open, drag and drop and recent files.
  job.task = std::make_unique<BackgroundTask<LoadedSource>>(
      [path, options](Progress& progress, const CancelToken& cancel) {
        LoadedSource out{OpenPath(path, options, &progress, &cancel), {}};
        // The Data tab shows each column's distinct count: O(rows), so counted here on the
        // worker, never on the UI thread at first draw.
        for (const SourceFile& f : out.opened.files) {
          out.distinct.emplace_back();
          if (const auto& table = f.load.table)
            for (size_t i = 0; i < table->num_columns(); ++i) out.distinct.back().push_back(table->column(i).DistinctCount());
        }
        return out;
      },
      m_wake);
  m_jobs.push_back(std::move(job));
}

bool DatasetLoads::Poll() {
  bool changed = false;
  for (auto it = m_jobs.begin(); it != m_jobs.end();) {
    if (!it->task->finished()) {
      ++it;
      continue;
    }
    switch (it->task->state()) {
      case TaskState::Succeeded: {
        auto value = it->task->TakeValue();
        // A file loaded again replaces its earlier tables (a workbook's: every sheet); a
        // snapshot opened again, its files and datasets.
        const std::string sheet_prefix = it->path + " [";
        m_loaded.erase(std::remove_if(m_loaded.begin(), m_loaded.end(),
                                      [&](const LoadedFile& f) {
                                        return f.path == it->path || f.path.rfind(sheet_prefix, 0) == 0 ||
                                               f.snapshot == it->path;
                                      }),
                       m_loaded.end());
        m_prebuilt.erase(std::remove_if(m_prebuilt.begin(), m_prebuilt.end(),
                                        [&](const Dataset& d) { return d.snapshot == it->path; }),
                         m_prebuilt.end());
        for (size_t i = 0; i < value->opened.files.size(); ++i) {
          SourceFile& f = value->opened.files[i];
          m_loaded.push_back({std::move(f.path), std::move(f.load), std::move(f.recognition), std::move(value->distinct[i]),
                              std::move(f.sheet_csv), std::move(f.snapshot), std::move(f.cin)});
        }
        for (Dataset& d : value->opened.datasets) m_prebuilt.push_back(std::move(d));
        break;
      }
      case TaskState::Failed: m_failures.push_back(it->task->error()); break;
      case TaskState::Cancelled: m_failures.push_back(it->path + ": loading cancelled"); break;
      case TaskState::Running: break;
    }
    it = m_jobs.erase(it);
    changed = true;
  }
  return changed;
}

void DatasetLoads::Cancel(size_t job) {
  if (job < m_jobs.size()) m_jobs[job].task->Cancel();
}

}  // namespace csc::app
