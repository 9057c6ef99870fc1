#pragma once
// Takes a finished worker's answer into the view's shared result (a pointer swap), or its
// error; the dashboard's views call it every frame.
#include <memory>
#include <string>

#include "async/background_task.hpp"

namespace csc::app {

template <class T>
void Poll(std::unique_ptr<BackgroundTask<T>>& task, std::shared_ptr<const T>& into, std::string* error = nullptr) {
  if (!task || !task->finished()) return;
  if (task->state() == TaskState::Succeeded) into = std::make_shared<const T>(std::move(*task->TakeValue()));
  else if (error) *error = task->error();
  task.reset();
}

}  // namespace csc::app
