#pragma once
// The on-disk layout of a snapshot (.cscx): the loaded, typed column store in one file that
// opens by memory-mapping it.
//
//   [0, 128)   header: magic, format version, endianness marker, engine version, file size,
//              where the table of contents lies and its checksum; the header's own checksum
//              in its last 8 bytes
//   sections   raw arrays (column values, validity words, dictionary text and offsets,
//              cell statuses, derived row ages), each starting on a 64-byte boundary so a
//              column reads them in place
//   contents   the table of contents (JSON): every section's offset, size, checksum and
//              what it holds, then the tables, source files, datasets and code labels
//
// Checksums are XXH3-64 (a section over 8 MiB blocks, as util/content_hash). Fields are
// native-endian; the marker tells a file written on a machine of the other endianness.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace csc::snapshot {

inline constexpr char kMagic[8] = {'C', 'S', 'C', 'X', 'S', 'N', 'A', 'P'};
// Bumped whenever the layout or the meaning of a field changes; a reader refuses others.
inline constexpr uint32_t kFormatVersion = 1;
// The engine that wrote the derived columns and chose the widths; a snapshot from another
// engine version is refused rather than trusted (make it again from the CSV files).
inline constexpr std::string_view kEngineVersion = "csc 0.1.0";
inline constexpr uint32_t kEndianMarker = 0x01020304;
inline constexpr size_t kHeaderBytes = 128;
inline constexpr size_t kAlignment = 64;

// Byte offsets of the header's fields.
inline constexpr size_t kAtFormatVersion = 8;
inline constexpr size_t kAtEndian = 12;
inline constexpr size_t kAtEngineVersion = 16;  // 32 bytes, NUL-padded
inline constexpr size_t kEngineVersionBytes = 32;
inline constexpr size_t kAtFileBytes = 48;
inline constexpr size_t kAtContentsOffset = 56;
inline constexpr size_t kAtContentsBytes = 64;
inline constexpr size_t kAtContentsHash = 72;
inline constexpr size_t kAtHeaderHash = 120;  // XXH3-64 of bytes [0, 120)

}  // namespace csc::snapshot
