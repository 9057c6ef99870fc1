#pragma once
// One pass over a span of CSV bytes counting what planning needs (quotes, line feeds) and
// noting what is rare (carriage returns, NUL bytes, non-ASCII): planning used to make five
// passes (two counts, two memchr, a UTF-8 check) over every byte of the file, about a fifth
// of a large load's CPU. Rare findings are then located or validated by the slow paths.
#include <cstddef>

namespace csc {

struct ByteCounts {
  size_t quotes = 0;       // '"'
  size_t line_feeds = 0;   // '\n'
  bool carriage_return = false;
  bool nul = false;
  bool non_ascii = false;  // a byte >= 0x80 (UTF-8 to validate, or another encoding)
};

// Adds the counts of [begin, end) to `counts`.
void ScanBytes(const char* begin, const char* end, ByteCounts& counts);

}  // namespace csc
