#include "platform/window.hpp"

#include <cfloat>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <cstdio>
#include <vector>

#include "platform/png_file.hpp"

namespace csc::app {

namespace {
std::string g_glfw_error;
void OnGlfwError(int, const char* description) { g_glfw_error = description ? description : "unknown GLFW error"; }
}  // namespace

std::optional<Window> Window::Create(const std::string& title, int width, int height, std::string& error) {
  glfwSetErrorCallback(OnGlfwError);
  if (!glfwInit()) {
    error = "no display available (" + g_glfw_error + ")";
    return std::nullopt;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  GLFWwindow* w = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  if (!w) {
    error = "cannot open an OpenGL 3.3 window (" + g_glfw_error + ")";
    glfwTerminate();
    return std::nullopt;
  }
  glfwMakeContextCurrent(w);
  glfwSwapInterval(1);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui_ImplGlfw_InitForOpenGL(w, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  return Window(w);
}

Window::Window(Window&& o) noexcept
    : m_window(o.m_window),
      m_fullscreen(o.m_fullscreen),
      m_saved_x(o.m_saved_x),
      m_saved_y(o.m_saved_y),
      m_saved_w(o.m_saved_w),
      m_saved_h(o.m_saved_h) {
  o.m_window = nullptr;
}

Window::~Window() {
  if (!m_window) return;
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(m_window);
  glfwTerminate();
}

bool Window::ShouldClose() const { return glfwWindowShouldClose(m_window); }

void Window::WaitEvents(double timeout_seconds) {
  if (timeout_seconds <= 0) glfwPollEvents();
  else glfwWaitEventsTimeout(timeout_seconds);
}

void Window::Wake() { glfwPostEmptyEvent(); }

void Window::BeginFrame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // A capture never shows a tooltip for wherever the pointer happens to rest.
  if (m_ignore_mouse) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  ImGui::NewFrame();
}

void Window::EndFrame(float r, float g, float b) {
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(m_window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(r, g, b, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

bool Window::SaveScreenshot(const std::string& path, std::string& error) const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(m_window, &w, &h);
  std::vector<unsigned char> pixels(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  return WriteGlPixelsAsPng(path, w, h, pixels, error);
}

float Window::ContentScale() const {
  float x = 1, y = 1;
  glfwGetWindowContentScale(m_window, &x, &y);
  return x > 0 ? x : 1.0f;
}

void Window::SetFullscreen(bool on) {
  if (on == m_fullscreen) return;
  if (on) {
    glfwGetWindowPos(m_window, &m_saved_x, &m_saved_y);
    glfwGetWindowSize(m_window, &m_saved_w, &m_saved_h);
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (mode) glfwSetWindowMonitor(m_window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
  } else {
    glfwSetWindowMonitor(m_window, nullptr, m_saved_x, m_saved_y, m_saved_w, m_saved_h, 0);
  }
  m_fullscreen = on;
}

}  // namespace csc::app
