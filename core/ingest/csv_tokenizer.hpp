#pragma once
// Splitting CSV text into records and fields (RFC 4180 plus what real exports contain).
//
// Where a record ends is defined by quote parity: a line break ends a record when an even
// number of '"' lie between the record's start and the break. That rule needs no
// look-behind, so the parallel loader can find every chunk's quote state from per-chunk
// quote counts and split the file exactly where a serial reader would.
//
// Resync: a quote left open for more than kMaxQuotedLineBreaks line breaks, or to the end of
// the data, is a broken record, not a field: the record is only its first physical line
// (rejected as an unterminated quote) and reading resumes on the next line. Without this
// one stray '"' on line 2 swallows the rest of the file. The loader checks that each chunk
// began where the previous one's last record ended and, when a resync moved a boundary,
// re-plans the chunk starts serially (csv_loader), so parallel still equals serial.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace csc {

// More line breaks than this inside one quoted field means the quote was never meant to
// open a field (real multi-line cells, addresses and notes, are far shorter).
inline constexpr uint32_t kMaxQuotedLineBreaks = 1000;

struct RecordInfo {
  size_t begin = 0;          // offset of the record's first byte
  size_t content_end = 0;    // offset just past its last byte (before the line break)
  size_t next = 0;           // where the next record starts
  uint32_t line_breaks = 0;  // physical line breaks consumed, including the terminator
  bool unterminated_quote = false;  // a quote stayed open past kMaxQuotedLineBreaks or the end:
                                    // the record is cut to its first line
  bool had_quotes = false;
};

class CsvTokenizer {
 public:
  explicit CsvTokenizer(char delimiter) : m_delimiter(delimiter) {}

  // Reads the record starting at `pos` (< data.size()). Field views point into `data` or
  // into this tokenizer's scratch space and stay valid until the next call.
  void ReadRecord(std::string_view data, size_t pos, RecordInfo& info);
  const std::vector<std::string_view>& fields() const { return m_fields; }

  // A record that is only a line break or whitespace: counted as a blank line, not a row.
  bool IsBlank(const RecordInfo& info) const {
    return !info.had_quotes && m_fields.size() == 1 && m_fields[0].empty();
  }

 private:
  void Reset(size_t pos, RecordInfo& info);
  bool ReadFast(std::string_view data, size_t pos, RecordInfo& info);
  void ReadByParity(std::string_view data, size_t pos, RecordInfo& info);
  bool IsPad(char c) const { return c == ' ' || (c == '\t' && m_delimiter != '\t'); }
  std::string_view TrimPad(std::string_view s) const;
  void ResolveScratch();

  char m_delimiter;
  std::vector<std::string_view> m_fields;
  // Unescaped quoted fields are built here; views are fixed up once the record is complete
  // because appending may move the buffer.
  std::string m_scratch;
  std::vector<std::pair<size_t, std::pair<size_t, size_t>>> m_scratch_fields;  // field -> (offset, length)
};

// Line breaks in [begin, end): '\n', "\r\n" and a lone '\r' each count once.
size_t CountLineBreaks(std::string_view data, size_t begin, size_t end);

// From a position inside a quoted field (in_quote) or at a record start, the offset where
// the next record starts under the parity rule, and the line breaks passed on the way. A
// quote open past kMaxQuotedLineBreaks gives up at the line after the first break, as the
// resync rule does (the loader verifies chunk starts, so this only has to be usually right).
size_t SkipToRecordStart(std::string_view data, size_t pos, bool in_quote, size_t& line_breaks);

}  // namespace csc
