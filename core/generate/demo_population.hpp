#pragma once
// Children aged 0-17 by ward, single year of age, sex and mid-year: summing exactly to the
// LA totals DfE uses for Rotherham (56,103 in 2012 ... 56,509 in 2016).
#include <string>

#include "generate/demo_common.hpp"

namespace csc::demo {

std::string PopulationCsv();

}  // namespace csc::demo
