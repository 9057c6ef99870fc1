#include "ingest/csv_layout.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <set>

#include "async/parallel_for.hpp"
#include "ingest/byte_scan.hpp"
#include "ingest/csv_sniff.hpp"
#include "ingest/csv_tokenizer.hpp"
#include "ingest/encoding.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

struct ChunkScan {
  size_t quotes = 0;
  std::vector<std::pair<size_t, size_t>> probe_quotes;  // probe offset -> quotes from chunk start
  size_t line_breaks = 0;
  size_t nul_at = std::string_view::npos;
  bool valid_utf8 = true;
};

size_t AutoChunkBytes(size_t body_bytes, unsigned threads) {
  // Enough chunks to balance the cores and keep the in-flight window small, few enough that
  // per-chunk overhead (local dictionaries, merge) stays negligible.
  const size_t target = body_bytes / (size_t{threads} * 16 + 1);
  return std::clamp<size_t>(target, size_t{1} << 18, size_t{8} << 20);
}

// Chunk boundaries fall just after a line-break byte so no CRLF pair is ever split.
std::vector<size_t> ChunkBoundaries(std::string_view text, size_t begin, size_t chunk_bytes) {
  const char brk = std::memchr(text.data() + begin, '\n', std::min(text.size() - begin, size_t{1} << 20)) ||
                           !std::memchr(text.data() + begin, '\r', text.size() - begin)
                       ? '\n'
                       : '\r';
  std::vector<size_t> starts{begin};
  size_t pos = begin;
  while (text.size() - pos > chunk_bytes) {
    size_t probe = pos + chunk_bytes;
    const void* hit = std::memchr(text.data() + probe, brk, text.size() - probe);
    if (!hit) break;
    size_t next = static_cast<size_t>(static_cast<const char*>(hit) - text.data()) + 1;
    if (brk == '\r' && next < text.size() && text[next] == '\n') ++next;
    if (next >= text.size()) break;
    starts.push_back(next);
    pos = next;
  }
  return starts;
}

}  // namespace

std::vector<std::string> CleanHeader(const std::vector<std::string_view>& fields) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (size_t i = 0; i < fields.size(); ++i) {
    std::string base(Trim(fields[i]));
    if (base.empty()) base = "column_" + std::to_string(i + 1);
    std::string name = base;
    for (int k = 2; seen.count(ToLower(name)); ++k) name = base + "_" + std::to_string(k);
    seen.insert(ToLower(name));
    names.push_back(std::move(name));
  }
  return names;
}

CsvLayout PlanCsv(std::string_view text, const std::string& name, const LoadOptions& options, unsigned threads) {
  CsvLayout layout;
  if (text.size() >= 4 && std::memcmp(text.data(), "PK\x03\x04", 4) == 0)
    throw LoadError(name, 0, 0, "is a ZIP archive (an Excel .xlsx workbook?), not CSV text; save it as CSV first");

  // Header: the first non-blank record.
  size_t pos = 0, line = 1;
  layout.delimiter = options.delimiter ? *options.delimiter : ',';
  // Excel writes "sep=;" as a first line to name the delimiter: honour it and skip it.
  std::optional<char> excel_sep;
  if (text.size() >= 6 && text.substr(0, 4) == "sep=" && text[4] != '\n' && text[4] != '\r' &&
      (text[5] == '\n' || text[5] == '\r')) {
    excel_sep = text[4];
    pos = text[5] == '\r' && text.size() > 6 && text[6] == '\n' ? 7 : 6;
    line = 2;
    if (!options.delimiter) layout.delimiter = *excel_sep;
    layout.notes.push_back(std::string("line 1 'sep=") + *excel_sep + "' (Excel's delimiter line) skipped" +
                           (options.delimiter && *options.delimiter != *excel_sep ? "; the given delimiter wins" : ""));
  }
  {
    // Sniffing needs the header's start, which does not depend on the delimiter.
    size_t probe = pos;
    while (probe < text.size() && (text[probe] == '\n' || text[probe] == '\r' || text[probe] == ' ' ||
                                   text[probe] == '\t'))
      ++probe;
    if (probe >= text.size()) throw LoadError(name, 0, 0, "file is empty");
    if (!options.delimiter && !excel_sep) layout.delimiter = SniffDelimiter(text.substr(probe));
  }
  CsvTokenizer tokenizer(layout.delimiter);
  RecordInfo info;
  for (;;) {
    if (pos >= text.size()) throw LoadError(name, 0, 0, "file is empty");
    tokenizer.ReadRecord(text, pos, info);
    if (!tokenizer.IsBlank(info)) break;
    ++layout.blank_lines;
    line += info.line_breaks;
    pos = info.next;
  }
  if (info.unterminated_quote)
    throw LoadError(name, line, 0, "the header has an unterminated quoted field");
  std::vector<std::string_view> header = tokenizer.fields();
  if (header.size() > 1 && std::all_of(header.begin(), header.end(), [](std::string_view f) { return Trim(f).empty(); }))
    throw LoadError(name, line, 0, "the header has no column names, only delimiters");
  while (header.size() > 1 && Trim(header.back()).empty()) header.pop_back();  // trailing delimiters
  layout.names = CleanHeader(header);
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string given(Trim(header[i]));
    if (!given.empty() && layout.names[i] != given)
      layout.notes.push_back("column " + std::to_string(i + 1) + " repeats the name '" + given + "': read as '" +
                             layout.names[i] + "'");
  }
  layout.header_line = line;
  line += info.line_breaks;
  const size_t body = info.next;

  // Pass A: per chunk, quote parity, line count, NUL bytes and UTF-8 validity, in one pass.
  if (threads == 0) threads = DefaultThreadCount();
  const size_t chunk_bytes = options.chunk_bytes ? options.chunk_bytes : AutoChunkBytes(text.size() - body, threads);
  std::vector<size_t> starts = body < text.size() ? ChunkBoundaries(text, body, chunk_bytes) : std::vector<size_t>{};
  std::vector<ChunkScan> scans(starts.size());
  size_t probe_step = 4096;
  while (probe_step * 64 < text.size() - body) probe_step <<= 1;
  ParallelFor(starts.size(), threads, [&](size_t i) {
    const size_t b = starts[i];
    const size_t e = i + 1 < starts.size() ? starts[i + 1] : text.size();
    ChunkScan& s = scans[i];
    const char* p = text.data();
    ByteCounts counts;
    size_t from = b;
    for (size_t probe = (b / probe_step + 1) * probe_step; probe < e; probe += probe_step) {
      ScanBytes(p + from, p + probe, counts);
      s.probe_quotes.emplace_back(probe, counts.quotes);
      from = probe;
    }
    ScanBytes(p + from, p + e, counts);
    s.quotes = counts.quotes;
    // Lone carriage returns (old Mac line ends) need the byte-by-byte count.
    s.line_breaks = counts.carriage_return ? CountLineBreaks(text, b, e) : counts.line_feeds;
    if (counts.nul) s.nul_at = static_cast<size_t>(static_cast<const char*>(std::memchr(p + b, '\0', e - b)) - p);
    // Chunks start just after a line break, so a character never straddles a chunk start.
    s.valid_utf8 = !counts.non_ascii || IsValidUtf8Span(p + b, p + e, p + text.size());
  });
  // The header region is checked too (it is not in any chunk).
  if (const void* nul = std::memchr(text.data(), '\0', body))
    throw LoadError(name, 1 + CountLineBreaks(text, 0, static_cast<size_t>(static_cast<const char*>(nul) - text.data())),
                    0, "binary or non-text file (contains NUL bytes)");
  layout.valid_utf8 = IsValidUtf8Span(text.data(), text.data() + body, text.data() + text.size());

  size_t quotes = 0;
  size_t chunk_line = line;
  for (size_t i = 0; i < starts.size(); ++i) {
    if (scans[i].nul_at != std::string_view::npos)
      throw LoadError(name, chunk_line + CountLineBreaks(text, starts[i], scans[i].nul_at), 0,
                      "binary or non-text file (contains NUL bytes)");
    layout.valid_utf8 = layout.valid_utf8 && scans[i].valid_utf8;
    ChunkTask task;
    task.begin = starts[i];
    task.end = i + 1 < starts.size() ? starts[i + 1] : text.size();
    task.starts_in_quote = quotes % 2 == 1;
    task.first_line = chunk_line;
    layout.chunks.push_back(task);
    for (const auto& [offset, before] : scans[i].probe_quotes) layout.probes.push_back({offset, (quotes + before) % 2 == 1});
    quotes += scans[i].quotes;
    chunk_line += scans[i].line_breaks;
  }
  if (!layout.valid_utf8) return layout;

  // Header only: no record in the body that is not blank.
  bool any_row = false;
  for (size_t p = body; p < text.size() && !any_row;) {
    tokenizer.ReadRecord(text, p, info);
    any_row = !tokenizer.IsBlank(info);
    p = info.next;
  }
  if (!any_row) throw LoadError(name, layout.header_line, 0, "has a header but no data rows");
  return layout;
}

}  // namespace csc
