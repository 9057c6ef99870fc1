#pragma once
// Drives the explorer's UI code through ImGui's IO without a window: a real ImGui context
// and font atlas, frames rendered to draw lists only. Clicks take three frames (hover,
// press, release) as they do for a person.
#include <imgui.h>

#include <cstdlib>
#include <memory>
#include <string>

#include <unistd.h>

#include "platform/fonts.hpp"
#include "ui/explorer_app.hpp"

namespace csc::test {

class UiHarness {
 public:
  UiHarness() {
    // Never read or write the user's own saved views from a test.
    if (!std::getenv("CSC_CONFIG_DIR"))
      ::setenv("CSC_CONFIG_DIR", ("/tmp/csc-ui-tests-" + std::to_string(::getpid())).c_str(), 1);
    // Made current explicitly: CreateContext leaves another context (a test's GL window) current.
    m_previous = ImGui::GetCurrentContext();
    m_context = ImGui::CreateContext();
    ImGui::SetCurrentContext(m_context);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1600, 1000);
    io.IniFilename = nullptr;
    io.DeltaTime = 1.0f / 60;
    app = std::make_unique<app::ExplorerApp>(app::LoadFonts(1.0f), 1.0f, [] {});
  }
  ~UiHarness() {
    app.reset();
    ImGui::DestroyContext(m_context);
    ImGui::SetCurrentContext(m_previous);
  }
  void Frame() {
    ImGui::NewFrame();
    app->Frame();
    ImGui::Render();
  }
  void Click(ImVec2 at) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    Frame();
    io.MouseDown[0] = true;
    Frame();
    io.MouseDown[0] = false;
    Frame();
  }
  template <class Pred>
  bool FramesUntil(Pred done, int max_frames = 100000) {
    for (int i = 0; i < max_frames; ++i) {
      if (done()) return true;
      Frame();
    }
    return done();
  }
  std::unique_ptr<app::ExplorerApp> app;

 private:
  ImGuiContext* m_previous = nullptr;
  ImGuiContext* m_context;
};

// A key pressed and let go, a frame each: what ImGui 1.86 needs to see a key press.
inline void Press(UiHarness& ui, int key) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[key] = true;
  ui.Frame();
  io.KeysDown[key] = false;
  ui.Frame();
}

}  // namespace csc::test
