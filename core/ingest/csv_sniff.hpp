#pragma once
// Guessing the delimiter from the first records, as a person would: the candidate that
// splits the header into several fields and the following rows into the same number.
#include <string_view>

namespace csc {

// `text` starts at the header. Candidates: ',' ';' tab '|'. Falls back to ','.
char SniffDelimiter(std::string_view text);

}  // namespace csc
