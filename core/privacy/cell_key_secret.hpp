#pragma once
// The per-installation secret behind the record keys of the cell-key method
// (docs/DISCLOSURE.md). It lives in the user's config directory as `cell_key_secret` (64
// hex digits, mode 0600), made on first use from the system's random source and created
// atomically (a second process starting at the same moment reads the first one's file
// instead of writing its own), so the explorer and `csc` publish the same figure for the
// same cell. It is never written into an export. Losing or replacing it changes every
// published figure a little, so a damaged file is an error, never silently replaced.
#include <cstdint>
#include <string>

namespace csc {

inline constexpr const char* kCellKeySecretFile = "cell_key_secret";

// The record-key seed from `<config_dir>/cell_key_secret`, creating the directory and the
// file when absent. Throws std::runtime_error naming the file when it cannot be read,
// written or is not 64 hex digits.
uint64_t LoadOrCreateCellKeySeed(const std::string& config_dir);
// The same for UserConfigDir() (util/config_dir.hpp).
uint64_t LoadOrCreateCellKeySeed();

}  // namespace csc
