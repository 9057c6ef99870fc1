#pragma once
// Draws ImGui content into an off-screen framebuffer and reads the pixels back: what chart
// exports, board-pack pages and the clipboard copy share. Runs between frames in an ImGui
// context of its own (fonts rasterised at `scale`, so text is crisp, not scaled up) and needs
// a current OpenGL 3.3 context (the explorer's window, or a hidden one headless).
#include <functional>
#include <string>
#include <vector>

#include "platform/fonts.hpp"

namespace csc::app {

struct RgbaImage {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;  // RGBA, top row first, opaque
};

// `draw` is called once inside a full-size window (between Begin and End) with the fonts
// loaded at `scale`. Returns false with `error` set when the renderer or framebuffer fails.
bool RenderOffscreen(float width, float height, float scale, bool dark, const std::function<void(const Fonts&)>& draw,
                     RgbaImage& out, std::string& error);

// PNG bytes of an image (for the clipboard and files); empty on failure.
std::string EncodePng(const RgbaImage& image);

}  // namespace csc::app
