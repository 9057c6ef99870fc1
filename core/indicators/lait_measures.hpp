#pragma once
// The LAIT measure list (assets/reference/lait_measures_csc.csv): 171 published CSC measures
// with their polarity and axis label, a catalogue to draw indicator definitions from and a
// check on ours (an indicator naming a LAIT measure should agree with its polarity).
#include <map>
#include <optional>
#include <string>

#include "indicators/indicator.hpp"

namespace csc {

struct LaitMeasure {
  std::string code, topic, name, short_name, axis;
  std::optional<Polarity> polarity;  // "High"/"Low"; none for "-" and "NA"
};

// Keyed by Measure_short. Throws std::runtime_error naming the file.
std::map<std::string, LaitMeasure> LoadLaitMeasures(const std::string& path);

}  // namespace csc
