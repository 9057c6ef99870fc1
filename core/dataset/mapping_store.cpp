#include "dataset/mapping_store.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dataset/recognise.hpp"
#include "util/atomic_file.hpp"
#include "util/content_hash.hpp"

namespace csc {

uint64_t HeaderHash(const std::vector<std::string>& header) {
  std::string joined;
  for (const auto& h : header) joined += NormaliseHeaderName(h) + '\x1f';
  return ContentHash(joined, 1);
}

std::string MappingStore::DefaultDir() {
  if (const char* d = std::getenv("CSC_CONFIG_DIR"); d && *d) return d;
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::string(x) + "/csc-explorer";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.config/csc-explorer";
  return ".csc-explorer";
}

std::string MappingStore::PathFor(const std::vector<std::string>& header) const {
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.json", static_cast<unsigned long long>(HeaderHash(header)));
  return (std::filesystem::path(m_dir) / "mappings" / name).string();
}

std::optional<ColumnMapping> MappingStore::Find(const std::vector<std::string>& header) const {
  const std::string path = PathFor(header);
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  try {
    return ParseMappingJson(text.str());
  } catch (const std::exception& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
}

void MappingStore::Save(const std::vector<std::string>& header, const ColumnMapping& mapping) const {
  const std::string path = PathFor(header);
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  WriteFileAtomically(path, MappingToJson(mapping));
}

}  // namespace csc
