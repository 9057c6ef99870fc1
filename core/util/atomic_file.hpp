#pragma once
// Exports and saved state are written to a temporary file beside the target, flushed and
// renamed over it, so a crash or a full disk never leaves a half-written file behind.
#include <string>
#include <string_view>

namespace csc {

// Throws std::runtime_error naming the path on failure; the target is then untouched.
void WriteFileAtomically(const std::string& path, std::string_view contents);

}  // namespace csc
