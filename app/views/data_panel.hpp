#pragma once
// The data panel: loads in progress (bar, rows, ETA, cancel), failures, and every loaded
// file with rows read / loaded / rejected, warnings, memory, and per-column summaries,
// rejected rows and cell warnings.
#include <imgui.h>

#include <cstddef>
#include <utility>
#include <vector>

#include "ui/dataset_loads.hpp"

namespace csc::app {

struct DataPanelState {
  size_t selected = 0;  // index into loads.loaded()
  // Screen rectangles of this frame's Cancel buttons, one per running load (UI tests click them).
  std::vector<std::pair<ImVec2, ImVec2>> cancel_buttons;
};

void DrawDataPanel(DatasetLoads& loads, DataPanelState& state);

}  // namespace csc::app
