// csc-explorer: parse arguments, open the window, run the frame loop. Nothing else.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <CLI/CLI.hpp>
#include <imgui.h>

#include <cstdio>
#include <string>
#include <vector>

#include "app_version.hpp"
#include "platform/fonts.hpp"
#include "platform/window.hpp"
#include "ui/explorer_app.hpp"

namespace {

struct Args {
  std::vector<std::string> files;
  std::string screenshot;
  int frames = 3;
  bool dark = false;
  int width = 1600, height = 1000;
};

void OnDrop(GLFWwindow* window, int count, const char** paths) {
  auto* app = static_cast<csc::app::ExplorerApp*>(glfwGetWindowUserPointer(window));
  std::vector<std::string> files(paths, paths + count);
  app->OpenFiles(files);
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  CLI::App cli{"CSC Explorer: children's social care performance data, sliced live"};
  cli.add_option("files", args.files, "CSV files to open (default: the bundled demonstration data)");
  cli.add_option("--screenshot", args.screenshot, "render, write this PNG once loading has finished, and exit");
  cli.add_option("--frames", args.frames, "frames to render after loading before the screenshot (default 3)");
  cli.add_option("--width", args.width, "window width in pixels");
  cli.add_option("--height", args.height, "window height in pixels");
  cli.add_flag("--dark", args.dark, "start with the dark theme");
  CLI11_PARSE(cli, argc, argv);

  std::string error;
  auto window = csc::app::Window::Create(csc::app::VersionString(), args.width, args.height, error);
  if (!window) {
    std::fprintf(stderr,
                 "csc-explorer: %s.\nThe same loading and reporting runs headless: csc load FILE... "
                 "(or scripts/run.sh, which falls back to it).\n",
                 error.c_str());
    return 3;
  }
  const float scale = window->ContentScale();
  csc::app::Fonts fonts;
  try {
    fonts = csc::app::LoadFonts(scale);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "csc-explorer: %s\n", e.what());
    return 1;
  }
  csc::app::ExplorerApp app(fonts, scale, &csc::app::Window::Wake);
  if (args.dark) app.SetTheme(csc::app::Theme::Dark);
  glfwSetWindowUserPointer(window->handle(), &app);
  glfwSetDropCallback(window->handle(), OnDrop);
  app.OpenFiles(args.files.empty() ? csc::app::DemoFiles() : args.files);

  int idle_frames = 0;
  while (!window->ShouldClose() && !app.quit_requested()) {
    // Loading: redraw at ~30 fps for the progress bars; idle: sleep until an event.
    const bool screenshot = !args.screenshot.empty();
    window->WaitEvents(screenshot ? 0 : app.busy() ? 1.0 / 30 : 0.5);
    window->BeginFrame();
    app.Frame();
    float clear[3];
    csc::app::ThemeClearColor(app.theme(), clear);
    window->EndFrame(clear[0], clear[1], clear[2]);
    if (screenshot) {
      idle_frames = app.busy() ? 0 : idle_frames + 1;
      if (idle_frames >= args.frames) {
        if (!window->SaveScreenshot(args.screenshot, error)) {
          std::fprintf(stderr, "csc-explorer: screenshot: %s\n", error.c_str());
          return 1;
        }
        std::printf("screenshot written to %s\n", args.screenshot.c_str());
        return 0;
      }
    }
    glfwSwapBuffers(window->handle());
  }
  return 0;
}
