#include "platform/offscreen_render.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <cfloat>
#include <cstring>

#include "ui/theme.hpp"

namespace csc::app {

namespace {

// Restores the caller's ImGui context however the render ends.
class ContextSwitch {
 public:
  ContextSwitch() : m_previous(ImGui::GetCurrentContext()), m_context(ImGui::CreateContext()) {
    ImGui::SetCurrentContext(m_context);
  }
  ~ContextSwitch() {
    ImGui::DestroyContext(m_context);
    ImGui::SetCurrentContext(m_previous);
  }
  ContextSwitch(const ContextSwitch&) = delete;
  ContextSwitch& operator=(const ContextSwitch&) = delete;

 private:
  ImGuiContext* m_previous;
  ImGuiContext* m_context;
};

class OffscreenTarget {
 public:
  OffscreenTarget(int w, int h) {
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &m_previous);
    glGetIntegerv(GL_VIEWPORT, m_viewport);
    glGenTextures(1, &m_texture);
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glGenFramebuffers(1, &m_fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_texture, 0);
    m_complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  }
  ~OffscreenTarget() {
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(m_previous));
    glViewport(m_viewport[0], m_viewport[1], m_viewport[2], m_viewport[3]);
    glDeleteFramebuffers(1, &m_fbo);
    glDeleteTextures(1, &m_texture);
  }
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;
  bool complete() const { return m_complete; }

 private:
  GLint m_previous = 0;
  GLint m_viewport[4] = {0, 0, 0, 0};
  GLuint m_texture = 0, m_fbo = 0;
  bool m_complete = false;
};

}  // namespace

bool RenderOffscreen(float width, float height, float scale, bool dark, const std::function<void(const Fonts&)>& draw,
                     RgbaImage& out, std::string& error) {
  const int w = static_cast<int>(width * scale), h = static_cast<int>(height * scale);
  if (w <= 0 || h <= 0) {
    error = "nothing to render: the picture has no size";
    return false;
  }
  std::vector<unsigned char> gl(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
  {
    ContextSwitch context;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    io.DeltaTime = 1.0f / 60;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // nothing hovered: no tooltip in the picture
    Fonts fonts;
    try {
      fonts = LoadFonts(scale);
    } catch (const std::exception& ex) {
      error = ex.what();
      return false;
    }
    ApplyTheme(dark ? Theme::Dark : Theme::Light, scale);
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
      error = "cannot initialise the OpenGL renderer for export";
      return false;
    }
    {
      OffscreenTarget target(w, h);
      if (!target.complete()) {
        ImGui_ImplOpenGL3_Shutdown();
        error = "cannot create an off-screen framebuffer of " + std::to_string(w) + "x" + std::to_string(h);
        return false;
      }
      const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
      glViewport(0, 0, w, h);
      glClearColor(bg.x, bg.y, bg.z, 1.0f);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_NewFrame();
      ImGui::NewFrame();
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(io.DisplaySize);
      ImGui::Begin("offscreen", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
      draw(fonts);
      ImGui::End();
      ImGui::Render();
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      glPixelStorei(GL_PACK_ALIGNMENT, 1);
      glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, gl.data());
    }
    ImGui_ImplOpenGL3_Shutdown();
  }
  // GL's origin is bottom-left; images here are top row first, and opaque (a transparent
  // PNG shows grey-on-black in some viewers).
  out.width = w, out.height = h;
  out.pixels.resize(gl.size());
  const size_t row = static_cast<size_t>(w) * 4;
  for (int y = 0; y < h; ++y)
    std::memcpy(out.pixels.data() + static_cast<size_t>(y) * row, gl.data() + static_cast<size_t>(h - 1 - y) * row, row);
  for (size_t i = 3; i < out.pixels.size(); i += 4) out.pixels[i] = 255;
  return true;
}

std::string EncodePng(const RgbaImage& image) {
  std::string png;
  auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
  };
  stbi_flip_vertically_on_write(0);
  if (!stbi_write_png_to_func(append, &png, image.width, image.height, 4, image.pixels.data(), image.width * 4)) return "";
  return png;
}

}  // namespace csc::app
