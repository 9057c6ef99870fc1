#include "platform/chart_export.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include <vector>

#include "platform/fonts.hpp"
#include "plot/chart_overlays.hpp"
#include "ui/theme.hpp"
#include "platform/png_file.hpp"

namespace csc::app {

namespace {

// Restores the caller's ImGui context however the export ends.
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
    glDeleteFramebuffers(1, &m_fbo);
    glDeleteTextures(1, &m_texture);
  }
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;
  bool complete() const { return m_complete; }

 private:
  GLint m_previous = 0;
  GLuint m_texture = 0, m_fbo = 0;
  bool m_complete = false;
};

void DrawPage(const ChartExport& e, const Fonts& fonts) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("export", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PushFont(fonts.title);
  ImGui::TextWrapped("%s", e.sentence.c_str());
  ImGui::PopFont();
  ImGui::Spacing();
  ChartData chart = e.chart;
  const std::vector<std::string> notes = ChartNoteLines(chart);
  const float footer = ImGui::GetTextLineHeightWithSpacing() * (1.5f + static_cast<float>(notes.size()));
  DrawChart("export", chart, e.kind, ImGui::GetContentRegionAvail().y - footer);
  for (const std::string& line : notes) ImGui::TextUnformatted(line.c_str());
  ImGui::TextDisabled("%s", e.source.c_str());
  ImGui::End();
}

}  // namespace

bool ExportChartPng(const ChartExport& e, std::string& error) {
  const int w = static_cast<int>(e.width * e.scale), h = static_cast<int>(e.height * e.scale);
  std::vector<unsigned char> pixels(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
  {
    ContextSwitch context;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    io.DeltaTime = 1.0f / 60;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // nothing hovered: no tooltip in the picture
    Fonts fonts;
    try {
      fonts = LoadFonts(e.scale);
    } catch (const std::exception& ex) {
      error = ex.what();
      return false;
    }
    ApplyTheme(e.dark ? Theme::Dark : Theme::Light, e.scale);
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
      DrawPage(e, fonts);
      ImGui::Render();
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      glPixelStorei(GL_PACK_ALIGNMENT, 1);
      glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    }
    ImGui_ImplOpenGL3_Shutdown();
  }
  return WriteGlPixelsAsPng(e.path, w, h, pixels, error);
}

}  // namespace csc::app
