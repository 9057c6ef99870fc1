#pragma once
// The synthetic demonstration extract: four case-level datasets for one LA with Rotherham's
// 21 wards, financial years 2009-10 to 2015-16, in the canonical layouts (docs/DATA.md), plus
// the 0-17 population by ward, single year of age, sex and year. Calibrated so the published
// figures of domain.md sections 4 and 5 come out exactly; everything else is plausible and
// invented. Deterministic: the same seed gives the same bytes.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace csc {

inline constexpr uint64_t kDemoSeed = 2013;

// (file name, contents) for every file of the extract, README.md included.
std::vector<std::pair<std::string, std::string>> GenerateDemoExtract(uint64_t seed = kDemoSeed);

// Writes the files into `dir` (created if needed), each atomically.
void WriteDemoExtract(const std::string& dir, uint64_t seed = kDemoSeed);

}  // namespace csc
