#pragma once
// Turning a chunk's 0/1 row mask into a selection vector of row numbers: the step every
// scan pays per row, so it gets an AVX-512 path (vpcompressd, 16 rows per instruction)
// chosen at run time, with a portable branch-free loop elsewhere.
#include <cstddef>
#include <cstdint>

namespace csc {

// Writes the row numbers r0 + i with mask[i] != 0 to sel and returns how many. `sel` must
// have room for n + 16 entries (the vector path stores whole registers).
size_t MaskToSelection(const uint8_t* mask, size_t n, size_t r0, uint32_t* sel);

}  // namespace csc
