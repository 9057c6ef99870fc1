#include "ui/theme.hpp"

#include <imgui.h>

namespace csc::app {

void ApplyTheme(Theme theme, float scale) {
  ImGuiStyle style;
  if (theme == Theme::Dark) {
    ImGui::StyleColorsDark(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.10f, 0.11f, 0.13f, 1.0f);
  } else {
    ImGui::StyleColorsLight(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.98f, 1.0f);
    style.Colors[ImGuiCol_Text] = ImVec4(0.08f, 0.09f, 0.11f, 1.0f);
    // ImGui's light frames are white on a near-white window: unticked boxes, radio buttons
    // and empty fields vanish, worst of all on a projector. Grey them and outline them.
    style.Colors[ImGuiCol_FrameBg] = ImVec4(0.90f, 0.91f, 0.93f, 1.0f);
    style.Colors[ImGuiCol_Border] = ImVec4(0.45f, 0.48f, 0.54f, 0.55f);
    style.FrameBorderSize = 1;
  }
  style.WindowRounding = 4;
  style.FrameRounding = 3;
  style.GrabRounding = 3;
  style.WindowPadding = ImVec2(10, 10);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(10, 7);
  style.CellPadding = ImVec2(8, 4);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

void ThemeClearColor(Theme theme, float rgb[3]) {
  const float v = theme == Theme::Dark ? 0.07f : 0.93f;
  rgb[0] = rgb[1] = rgb[2] = v;
}

}  // namespace csc::app
