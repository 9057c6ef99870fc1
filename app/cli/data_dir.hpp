#pragma once
// Loading a folder of extracts for the indicator commands: every *.csv in it becomes a table
// named by its file stem (cp_plans.csv -> cp_plans), as `csc query --data` names them.
#include <string>

#include "query/catalog.hpp"

namespace csc::cli {

// Returns false with a one-line message in `error`.
bool LoadDataDir(const std::string& dir, Catalog& catalog, std::string& error);

// True when the folder's README.md says it is synthetic (the bundled demonstration extract),
// so the output can say so wherever it is shown.
bool IsSyntheticDir(const std::string& dir);

std::string DefaultDataDir();  // the bundled assets/demo

}  // namespace csc::cli
