#pragma once
// RGBA pixels read back from OpenGL (bottom row first) written as an opaque PNG, atomically:
// screenshots and chart exports never leave a half-written file.
#include <string>
#include <vector>

namespace csc::app {

// Alpha is forced opaque (a transparent PNG shows grey-on-black in some viewers).
bool WriteGlPixelsAsPng(const std::string& path, int width, int height, std::vector<unsigned char>& rgba,
                        std::string& error);

}  // namespace csc::app
