#pragma once
// Small string helpers shared by ingest, dataset recognition and the CLI.
#include <string>
#include <string_view>
#include <vector>

namespace csc {

constexpr bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
constexpr char ToLowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view Trim(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
std::string ToLower(std::string_view s);
std::vector<std::string_view> Split(std::string_view s, char sep);
// 812 -> "812 B", 20040954 -> "20.0 MB" (decimal units, as file managers show sizes)
std::string FormatBytes(unsigned long long bytes);
// A CSV field (RFC 4180): quoted when it holds a delimiter, quote or line break, or has
// surrounding spaces (which a loader would trim); inner quotes doubled.
std::string CsvEscape(std::string_view field);
// Fields escaped and joined with commas, ending in a newline.
std::string CsvLine(const std::vector<std::string>& fields);
// 1234567 -> "1,234,567"
std::string WithThousands(long long v);
// `s` with every byte that is not part of a well-formed UTF-8 sequence replaced by U+FFFD,
// so JSON writers and CSV readers never choke on it. Valid text comes back unchanged.
std::string ValidUtf8(std::string_view s);
// The longest prefix of `s` of at most `limit` bytes that does not cut a UTF-8 sequence.
std::string_view Utf8Prefix(std::string_view s, size_t limit);

}  // namespace csc
