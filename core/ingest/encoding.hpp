#pragma once
// Text encodings real exports arrive in. Excel writes UTF-8 with a BOM, "Unicode text"
// as UTF-16LE with a BOM, and plain "CSV" in Windows-1252; everything downstream sees UTF-8.
#include <cstddef>
#include <string>
#include <string_view>

namespace csc {

enum class ByteOrderMark { None, Utf8, Utf16LE, Utf16BE };

ByteOrderMark DetectBom(std::string_view bytes);
size_t BomLength(ByteOrderMark bom);

// UTF-16 (after its BOM) -> UTF-8. Unpaired surrogates become U+FFFD. Returns false when
// the byte count is odd (a truncated file), after converting what it could.
bool TranscodeUtf16ToUtf8(std::string_view bytes, bool big_endian, std::string& out);

// Windows-1252 -> UTF-8 (the five undefined bytes map to their C1 code points, as browsers do).
void TranscodeWindows1252ToUtf8(std::string_view bytes, std::string& out);

// True when [begin, end) is valid UTF-8, `begin` being the start of a character. A sequence
// may start before `end` and finish after it (up to `limit`), so a file split after line
// breaks can be validated chunk by chunk.
bool IsValidUtf8Span(const char* begin, const char* end, const char* limit);

}  // namespace csc
