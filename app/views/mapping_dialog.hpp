#pragma once
// The column-mapping dialog for a CSV no recogniser knows: pick what the file is (CP plans,
// looked-after episodes, ...), then which of its columns plays each canonical column,
// starting from the guess the header suggests. Saving stores the mapping for that header
// (so the same extract next month loads without questions) and the datasets are rebuilt.
#include <string>
#include <vector>

#include "dataset/mapping.hpp"
#include "dataset/mapping_store.hpp"

namespace csc::app {

struct MappingDialogState {
  bool open_requested = false;
  std::string path;                 // the file being mapped
  std::vector<std::string> header;  // its columns
  ColumnMapping mapping;
  std::string error;
};

// Starts the dialog for a loaded file with this header, from the best guess.
void BeginMapping(MappingDialogState& state, const std::string& path, const std::vector<std::string>& header);
// Draws the modal while open; true when a mapping was saved to `store` (rebuild datasets).
bool DrawMappingDialog(MappingDialogState& state, const MappingStore* store);

}  // namespace csc::app
