#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "async/background_task.hpp"
#include "ingest/csv_loader.hpp"

using namespace csc;

namespace {
template <class T>
void WaitFor(const BackgroundTask<T>& task) {
  while (!task.finished()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}
}  // namespace

TEST_CASE("a background load reports its table and progress, and wakes the caller", "[async]") {
  std::string text = "a,b\n";
  for (int i = 0; i < 5000; ++i) text += std::to_string(i) + ",x\n";
  std::atomic<int> wakeups{0};
  BackgroundTask<LoadResult> task(
      [&](Progress& p, const CancelToken& c) {
        LoadOptions options;
        options.chunk_bytes = 1024;
        return LoadCsvBytes(text, "bg.csv", options, &p, &c);
      },
      [&] { ++wakeups; });
  WaitFor(task);
  CHECK(task.state() == TaskState::Succeeded);
  CHECK(wakeups == 1);
  CHECK(task.progress().rows_done == 5000);
  auto value = task.TakeValue();
  REQUIRE(value);
  CHECK(value->table->num_rows() == 5000);
}

TEST_CASE("a background task can be cancelled and reports failures as messages", "[async]") {
  std::atomic<bool> started{false};
  BackgroundTask<int> slow([&](Progress&, const CancelToken& c) {
    started = true;
    while (!c.IsCancelled()) std::this_thread::sleep_for(std::chrono::microseconds(100));
    throw Cancelled();
    return 0;
  });
  while (!started) std::this_thread::sleep_for(std::chrono::microseconds(100));
  CHECK(slow.state() == TaskState::Running);
  slow.Cancel();
  WaitFor(slow);
  CHECK(slow.state() == TaskState::Cancelled);
  CHECK_FALSE(slow.TakeValue());

  BackgroundTask<LoadResult> failing([](Progress& p, const CancelToken& c) {
    return LoadCsvFile("/tmp/csc_no_such_file.csv", {}, &p, &c);
  });
  WaitFor(failing);
  CHECK(failing.state() == TaskState::Failed);
  CHECK(failing.error() == "/tmp/csc_no_such_file.csv: no such file");
}
