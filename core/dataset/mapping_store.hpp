#pragma once
// Saved column mappings, one JSON file per header, so a file with the same header loads
// without asking again. Keyed by a hash of the header's normalised column names (case,
// spacing and punctuation do not matter; order does). Written atomically.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dataset/mapping.hpp"

namespace csc {

uint64_t HeaderHash(const std::vector<std::string>& header);

class MappingStore {
 public:
  explicit MappingStore(std::string dir) : m_dir(std::move(dir)) {}
  // $CSC_CONFIG_DIR, else $XDG_CONFIG_HOME/csc-explorer, else ~/.config/csc-explorer.
  static std::string DefaultDir();

  // <dir>/mappings/<16 hex digits>.json
  std::string PathFor(const std::vector<std::string>& header) const;
  // nullopt when none is saved; throws std::runtime_error when the saved file is damaged.
  std::optional<ColumnMapping> Find(const std::vector<std::string>& header) const;
  void Save(const std::vector<std::string>& header, const ColumnMapping& mapping) const;
  const std::string& dir() const { return m_dir; }

 private:
  std::string m_dir;
};

}  // namespace csc
