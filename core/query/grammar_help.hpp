#pragma once
// The query grammar and the measures in words, shared by `csc query --help` and the
// explorer's Help window so the two never say different things.
#include <string>
#include <string_view>
#include <vector>

namespace csc {

// The grammar as `csc query --help` prints it after its option list.
std::string_view QueryGrammarHelp();

struct MeasureHelp {
  std::string name;        // as typed in --measure
  std::string definition;  // what it counts, in a sentence or two
};
const std::vector<MeasureHelp>& MeasureDefinitions();

}  // namespace csc
