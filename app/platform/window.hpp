#pragma once
// The explorer's window: GLFW + an OpenGL 3.3 core context + Dear ImGui with its GLFW and
// OpenGL3 backends. Owns the frame: BeginFrame / EndFrame, idle waiting, screenshots.
#include <optional>
#include <string>

struct GLFWwindow;

namespace csc::app {

class Window {
 public:
  // Returns nullopt (with the reason in `error`) when no display or GL 3.3 is available.
  static std::optional<Window> Create(const std::string& title, int width, int height, std::string& error);
  Window(Window&&) noexcept;
  Window& operator=(Window&&) = delete;
  ~Window();

  bool ShouldClose() const;
  // Blocks until an event arrives or `timeout_seconds` pass (0 = poll): an idle explorer
  // uses no CPU, and workers wake it with Wake().
  void WaitEvents(double timeout_seconds);
  static void Wake();
  void BeginFrame();
  // Screenshots and --describe: the pointer is treated as outside the window (no hover).
  void IgnoreMouse(bool on) { m_ignore_mouse = on; }
  void EndFrame(float clear_r, float clear_g, float clear_b);
  // Reads the back buffer of the frame just rendered (call after EndFrame's render, before
  // the next BeginFrame) and writes a PNG atomically. Returns false with `error` set.
  bool SaveScreenshot(const std::string& path, std::string& error) const;
  float ContentScale() const;
  GLFWwindow* handle() const { return m_window; }
  void SetFullscreen(bool on);
  bool fullscreen() const { return m_fullscreen; }

 private:
  explicit Window(GLFWwindow* window) : m_window(window) {}
  GLFWwindow* m_window = nullptr;
  bool m_ignore_mouse = false;
  bool m_fullscreen = false;
  int m_saved_x = 0, m_saved_y = 0, m_saved_w = 0, m_saved_h = 0;
};

}  // namespace csc::app
