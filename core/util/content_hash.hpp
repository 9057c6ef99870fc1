#pragma once
// A fingerprint of a file's bytes for provenance ("is this the extract I loaded last
// week?"): XXH3-64 of fixed 8 MiB blocks, combined. Independent of thread count.
#include <cstdint>
#include <string_view>

namespace csc {

uint64_t ContentHash(std::string_view bytes, unsigned threads = 0);

}  // namespace csc
