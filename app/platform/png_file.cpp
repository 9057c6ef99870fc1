#include "platform/png_file.hpp"

#include <stb_image_write.h>

#include <filesystem>

#include "util/atomic_file.hpp"

namespace csc::app {

bool WriteGlPixelsAsPng(const std::string& path, int w, int h, std::vector<unsigned char>& rgba, std::string& error) {
  for (size_t i = 3; i < rgba.size(); i += 4) rgba[i] = 255;
  stbi_flip_vertically_on_write(1);  // GL's origin is bottom-left
  std::string png;
  auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
  };
  if (!stbi_write_png_to_func(append, &png, w, h, 4, rgba.data(), w * 4)) {
    error = "cannot encode PNG";
    return false;
  }
  try {
    // A fresh profile has no exports folder yet: the first export makes it.
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    WriteFileAtomically(path, png);
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
  return true;
}

}  // namespace csc::app
