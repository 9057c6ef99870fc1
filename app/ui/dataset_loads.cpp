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
  job.task = std::make_unique<BackgroundTask<SourceFile>>(
      [path, options](Progress& progress, const CancelToken& cancel) {
        return LoadSourceFile(path, options, &progress, &cancel);
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
        // A file loaded again replaces its earlier table.
        m_loaded.erase(std::remove_if(m_loaded.begin(), m_loaded.end(),
                                      [&](const LoadedFile& f) { return f.path == it->path; }),
                       m_loaded.end());
        m_loaded.push_back({it->path, std::move(value->load), std::move(value->recognition), value->cin});
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
