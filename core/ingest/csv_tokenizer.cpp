#include "ingest/csv_tokenizer.hpp"

#include <algorithm>
#include <cstring>

#include "ingest/byte_scan.hpp"

namespace csc {

namespace {

// Offset of the terminator and the offset after it, for a break at `i`.
size_t AfterBreak(std::string_view d, size_t i) {
  return (d[i] == '\r' && i + 1 < d.size() && d[i + 1] == '\n') ? i + 2 : i + 1;
}

}  // namespace

size_t CountLineBreaks(std::string_view d, size_t begin, size_t end) {
  const char* p = d.data();
  ByteCounts counts;
  ScanBytes(p + begin, p + end, counts);
  size_t breaks = counts.line_feeds;
  if (counts.carriage_return) {
    for (size_t i = begin; i < end; ++i)
      if (p[i] == '\r' && (i + 1 >= d.size() || p[i + 1] != '\n')) ++breaks;
  }
  return breaks;
}

size_t SkipToRecordStart(std::string_view d, size_t pos, bool in_quote, size_t& line_breaks) {
  const size_t n = d.size();
  size_t first_next = n, first_breaks = line_breaks;
  uint32_t quoted_breaks = 0;
  for (size_t i = pos; i < n; ++i) {
    const char c = d[i];
    if (c == '"') {
      in_quote = !in_quote;
    } else if (c == '\n' || c == '\r') {
      const size_t next = AfterBreak(d, i);
      ++line_breaks;
      if (!in_quote) return next;
      if (first_next == n) first_next = next, first_breaks = line_breaks;
      if (++quoted_breaks > kMaxQuotedLineBreaks) break;
      i = next - 1;
    }
  }
  if (!in_quote) return n;
  line_breaks = first_breaks;  // a broken quote: resume after its first line
  return first_next;
}

std::string_view CsvTokenizer::TrimPad(std::string_view s) const {
  size_t b = 0, e = s.size();
  while (b < e && IsPad(s[b])) ++b;
  while (e > b && IsPad(s[e - 1])) --e;
  return s.substr(b, e - b);
}

void CsvTokenizer::ResolveScratch() {
  for (const auto& [field, span] : m_scratch_fields)
    m_fields[field] = std::string_view(m_scratch.data() + span.first, span.second);
}

void CsvTokenizer::Reset(size_t pos, RecordInfo& info) {
  m_fields.clear();
  m_scratch.clear();
  m_scratch_fields.clear();
  info = RecordInfo{};
  info.begin = pos;
}

void CsvTokenizer::ReadRecord(std::string_view data, size_t pos, RecordInfo& info) {
  if (!ReadFast(data, pos, info)) ReadByParity(data, pos, info);
  ResolveScratch();
}

// The common case in one pass: quotes only open a field, are doubled inside it and close
// it. Anything else returns false and the record is re-read by the parity rule.
bool CsvTokenizer::ReadFast(std::string_view d, size_t pos, RecordInfo& info) {
  Reset(pos, info);
  const size_t n = d.size();
  const char delim = m_delimiter;
  const char* p = d.data();
  size_t i = pos;
  for (;;) {
    const size_t field_start = i;
    while (i < n && IsPad(p[i])) ++i;
    if (i < n && p[i] == '"') {
      info.had_quotes = true;
      ++i;
      size_t segment = i;
      bool copied = false;
      const size_t scratch_start = m_scratch.size();
      size_t value_end;
      for (;;) {
        const void* q_ptr = std::memchr(p + i, '"', n - i);
        const size_t q = q_ptr ? static_cast<size_t>(static_cast<const char*>(q_ptr) - p) : n;
        if (q == n) return false;  // unterminated: the resync rule decides
        const size_t breaks = CountLineBreaks(d, i, q);
        if (info.line_breaks + breaks > kMaxQuotedLineBreaks) return false;  // as ReadByParity counts
        info.line_breaks += static_cast<uint32_t>(breaks);
        if (q + 1 < n && p[q + 1] == '"') {
          copied = true;
          m_scratch.append(p + segment, q + 1 - segment);
          i = q + 2;
          segment = i;
          continue;
        }
        value_end = q;
        i = q + 1;
        break;
      }
      if (copied) {
        m_scratch.append(p + segment, value_end - segment);
        m_scratch_fields.push_back({m_fields.size(), {scratch_start, m_scratch.size() - scratch_start}});
        m_fields.emplace_back();
      } else {
        m_fields.emplace_back(p + segment, value_end - segment);
      }
      while (i < n && IsPad(p[i])) ++i;
      if (i < n && p[i] != delim && p[i] != '\n' && p[i] != '\r') return false;
    } else {
      while (i < n) {
        const char c = p[i];
        if (c == delim || c == '\n' || c == '\r') break;
        if (c == '"') return false;
        ++i;
      }
      m_fields.push_back(TrimPad(std::string_view(p + field_start, i - field_start)));
    }
    if (i >= n) {
      info.content_end = info.next = n;
      return true;
    }
    if (p[i] == delim) {
      ++i;
      continue;
    }
    info.content_end = i;
    info.next = AfterBreak(d, i);
    ++info.line_breaks;
    return true;
  }
}

// Malformed quoting: the record ends where parity says; inside it a field that opens with a
// quote is unescaped up to its closing quote and anything after that is kept as written.
void CsvTokenizer::ReadByParity(std::string_view d, size_t pos, RecordInfo& info) {
  Reset(pos, info);
  info.had_quotes = true;
  const size_t n = d.size();
  bool in_quote = false;
  size_t end = n;
  size_t first_break = n;  // the record's first line break, where a broken record ends
  for (size_t i = pos; i < n; ++i) {
    const char c = d[i];
    if (c == '"') {
      in_quote = !in_quote;
    } else if (c == '\n' || c == '\r') {
      if (!in_quote) {
        end = i;
        break;
      }
      if (first_break == n) first_break = i;
      if (c == '\n' || i + 1 >= n || d[i + 1] != '\n') {
        if (++info.line_breaks > kMaxQuotedLineBreaks) break;
      }
    }
  }
  if (in_quote) {  // resync: the broken record is its first line only
    info.unterminated_quote = true;
    info.line_breaks = 0;
    end = first_break;
  }
  info.content_end = end;
  if (end < n) {
    info.next = AfterBreak(d, end);
    ++info.line_breaks;
  } else {
    info.next = n;
  }
  const std::string_view record = d.substr(pos, end - pos);
  size_t i = 0;
  for (;;) {
    const size_t start = i;
    while (i < record.size() && IsPad(record[i])) ++i;
    if (i < record.size() && record[i] == '"') {
      const size_t scratch_start = m_scratch.size();
      ++i;
      while (i < record.size()) {
        if (record[i] == '"') {
          if (i + 1 < record.size() && record[i + 1] == '"') {
            m_scratch.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        m_scratch.push_back(record[i++]);
      }
      while (i < record.size() && record[i] != m_delimiter) m_scratch.push_back(record[i++]);
      m_scratch_fields.push_back({m_fields.size(), {scratch_start, m_scratch.size() - scratch_start}});
      m_fields.emplace_back();
    } else {
      while (i < record.size() && record[i] != m_delimiter) ++i;
      m_fields.push_back(TrimPad(record.substr(start, i - start)));
    }
    if (i >= record.size()) break;
    ++i;  // the delimiter
  }
  // Trailing pads after a closing quote were kept verbatim above; trim them for consistency.
  for (auto& [field, span] : m_scratch_fields) {
    while (span.second > 0 && IsPad(m_scratch[span.first + span.second - 1])) --span.second;
  }
}

}  // namespace csc
