#pragma once
// Record-level sense checks the loader cannot make (it does not know which column is a start
// or an end): dates out of order, a birth after a looked-after episode begins, years no
// extract can hold, negative counts. They do not reject the record; they are listed in
// words, with the first example, in the dataset's notes (`csc load`, the Data tab).
#include <string>
#include <vector>

#include "dataset/dataset.hpp"

namespace csc {

std::vector<std::string> CheckRecords(const Dataset& dataset);

}  // namespace csc
