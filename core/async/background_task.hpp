#pragma once
// One piece of heavy work (loading a file, a big query) on its own thread, watched from
// the UI thread without ever blocking it: Poll() each frame, read Progress, Cancel() at
// will. The worker calls `on_finished` (e.g. glfwPostEmptyEvent) so an idle UI wakes up.
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "async/progress.hpp"

namespace csc {

enum class TaskState { Running, Succeeded, Failed, Cancelled };

template <class T>
class BackgroundTask {
 public:
  using Work = std::function<T(Progress&, const CancelToken&)>;

  BackgroundTask(Work work, std::function<void()> on_finished = {}) : m_shared(std::make_shared<Shared>()) {
    m_shared->on_finished = std::move(on_finished);
    m_thread = std::thread([shared = m_shared, work = std::move(work)] {
      TaskState state = TaskState::Succeeded;
      std::optional<T> value;
      std::string error;
      try {
        value.emplace(work(shared->progress, shared->cancel));
      } catch (const Cancelled&) {
        state = TaskState::Cancelled;
      } catch (const std::exception& e) {
        state = TaskState::Failed;
        error = e.what();
      } catch (...) {
        state = TaskState::Failed;
        error = "unknown error";
      }
      {
        std::lock_guard lock(shared->mutex);
        shared->value = std::move(value);
        shared->error = std::move(error);
        shared->state.store(state, std::memory_order_release);
      }
      if (shared->on_finished) shared->on_finished();
    });
  }
  // Cancels and waits: a task never outlives its owner's interest in it.
  ~BackgroundTask() {
    m_shared->cancel.Cancel();
    if (m_thread.joinable()) m_thread.join();
  }
  BackgroundTask(const BackgroundTask&) = delete;
  BackgroundTask& operator=(const BackgroundTask&) = delete;

  TaskState state() const { return m_shared->state.load(std::memory_order_acquire); }
  bool finished() const { return state() != TaskState::Running; }
  const Progress& progress() const { return m_shared->progress; }
  void Cancel() { m_shared->cancel.Cancel(); }
  bool cancel_requested() const { return m_shared->cancel.IsCancelled(); }

  // Valid once finished(): the value (Succeeded) or the error message (Failed).
  std::optional<T> TakeValue() {
    std::lock_guard lock(m_shared->mutex);
    return std::move(m_shared->value);
  }
  std::string error() const {
    std::lock_guard lock(m_shared->mutex);
    return m_shared->error;
  }

 private:
  struct Shared {
    Progress progress;
    CancelToken cancel;
    std::atomic<TaskState> state{TaskState::Running};
    mutable std::mutex mutex;
    std::optional<T> value;
    std::string error;
    std::function<void()> on_finished;
  };
  std::shared_ptr<Shared> m_shared;
  std::thread m_thread;
};

}  // namespace csc
