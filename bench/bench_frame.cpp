// Frame cost of the explorer with the 10-million-row benchmark extract loaded: a scripted
// sequence of 100 filter changes in the query tab (as slicer clicks produce), measuring
// CPU time per frame (UI thread: ImGui + the explorer's views, no GPU) and how many frames
// pass before each new result is on screen. Prints percentiles; see docs/BENCHMARKS.md.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "bench_support.hpp"
#include "platform/fonts.hpp"
#include "ui/explorer_app.hpp"

namespace {

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p / 100.0 * static_cast<double>(v.size())))];
}

}  // namespace

int main() {
  using Clock = std::chrono::steady_clock;
  const std::string path = csc::bench::ExtractPath();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1600, 1000);
  io.IniFilename = nullptr;
  io.DeltaTime = 1.0f / 60;
  csc::app::ExplorerApp app(csc::app::LoadFonts(1.0f), 1.0f, [] {});
  auto frame = [&] {
    const auto t0 = Clock::now();
    ImGui::NewFrame();
    app.Frame();
    ImGui::Render();
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  };
  const auto startup = Clock::now();
  app.OpenFiles({path});
  int load_frames = 0;
  while (app.busy() || app.table_names().empty()) {
    frame();
    ++load_frames;
    std::this_thread::sleep_for(std::chrono::milliseconds(33));  // the explorer redraws at ~30 fps while loading
  }
  std::printf("loaded %s in %.2f s (%d frames drawn meanwhile)\n", path.c_str(),
              std::chrono::duration<double>(Clock::now() - startup).count(), load_frames);
  app.ShowTab(csc::app::ExplorerApp::Tab::Query);
  auto& q = app.query_panel();
  std::snprintf(q.by, sizeof q.by, "period, category");
  std::snprintf(q.period, sizeof q.period, "year:2010..2014");
  std::snprintf(q.count, sizeof q.count, "started");
  std::snprintf(q.measure, sizeof q.measure, "episodes, children");

  // The typical slice, varied the way slicer clicks vary it.
  const char* categories[] = {"NEG, EMO, PHY", "NEG", "EMO, PHY", "NEG, SAB", "MUL, NEG, EMO"};
  const char* sexes[] = {"F, M", "F", "M"};
  std::vector<double> frame_ms;
  std::vector<int> frames_to_result;
  for (int change = 0; change < 100; ++change) {
    q.where = std::string("dataset in (CP)\ncategory in (") + categories[change % 5] + ")\nsex in (" + sexes[change % 3] +
              ")\nage " + std::to_string(change % 4) + "..15";
    const auto before = q.live.result();
    int frames = 0;
    do {
      frame_ms.push_back(frame());
      ++frames;
      if (q.live.result() == before) {
        // Between frames the UI thread sleeps (vsync at 60 Hz) while the service works.
        while (app.queries().Busy(csc::app::kQueryPanelCaller) && q.live.result() == before) {
          std::this_thread::sleep_for(std::chrono::microseconds(16667));
          frame_ms.push_back(frame());
          ++frames;
        }
      }
    } while (q.live.result() == before && frames < 600);
    frames_to_result.push_back(frames);
  }
  std::vector<double> frames_d(frames_to_result.begin(), frames_to_result.end());
  std::printf("frames drawn: %zu\n", frame_ms.size());
  std::printf("CPU time per frame: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n", Percentile(frame_ms, 50),
              Percentile(frame_ms, 95), Percentile(frame_ms, 99), Percentile(frame_ms, 100));
  std::printf("frames until the new result is drawn: p50 %.0f, p95 %.0f, max %.0f\n", Percentile(frames_d, 50),
              Percentile(frames_d, 95), Percentile(frames_d, 100));
  std::string over;
  for (size_t i = 0; i < frames_to_result.size(); ++i)
    if (frames_to_result[i] > 2) over += " #" + std::to_string(i + 1) + ":" + std::to_string(frames_to_result[i]);
  std::printf("changes over 2 frames (change:frames):%s\n", over.empty() ? " none" : over.c_str());
  ImGui::DestroyContext();
  return 0;
}
