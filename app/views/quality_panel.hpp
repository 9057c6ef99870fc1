#pragma once
// The Data tab's data-quality panel: per dataset, how many records each rule flagged (with
// the DfE validator's rule code where one exists) and the problems themselves, each with its
// file, line and child. It reads what CheckQuality attached to the datasets at build time;
// nothing here touches rows. Presentation mode never draws it (it lists records).
#include <string>
#include <vector>

#include "dataset/dataset.hpp"

namespace csc::app {

struct QualityPanelState {
  std::string selected;  // the dataset whose problems are listed ("" = the first with any)
};

void DrawQualityPanel(const std::vector<Dataset>& datasets, QualityPanelState& state);

// The panel's one-line summary ("Data quality: 3 errors, 1 warning; 4 records flagged"),
// or "" when no dataset was checked. Shared with the UI tests.
std::string QualitySummary(const std::vector<Dataset>& datasets);

}  // namespace csc::app
