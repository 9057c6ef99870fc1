#include "ingest/csv_loader.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "async/parallel_for.hpp"
#include "ingest/chunk_parser.hpp"
#include "ingest/csv_layout.hpp"
#include "ingest/csv_tokenizer.hpp"
#include "ingest/encoding.hpp"
#include "ingest/mapped_file.hpp"
#include "ingest/type_inference.hpp"
#include "storage/column_builder.hpp"
#include "util/content_hash.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

using Clock = std::chrono::steady_clock;

bool IsStatusSymbol(std::string_view value, const std::vector<std::string>& symbols) {
  for (const auto& symbol : symbols)
    if (EqualsIgnoreCase(value, symbol)) return true;
  return false;
}

struct Sample {
  std::vector<TypeVote> votes;
  double bytes_per_record = 64;
};

// Type votes from the first records and from records at fixed fractions of the body, so a
// column whose values change character halfway down (codes, then free text) is noticed.
// The sample positions depend only on the bytes, never on chunking or thread count, so a
// parallel load infers exactly what a serial one does.
Sample SampleTypes(std::string_view text, const CsvLayout& layout, const LoadOptions& options) {
  constexpr size_t kProbes = 64;
  constexpr size_t kRecordsPerProbe = 200;
  constexpr size_t kRecordsAtStart = 2000;
  Sample sample;
  sample.votes.resize(layout.names.size());
  if (layout.chunks.empty()) return sample;
  const size_t body = layout.chunks.front().begin;
  CsvTokenizer tokenizer(layout.delimiter);
  RecordInfo info;
  size_t bytes = 0, records = 0;
  auto read_from = [&](size_t pos, size_t limit) {
    for (size_t r = 0; r < limit && pos < text.size(); ++r) {
      tokenizer.ReadRecord(text, pos, info);
      bytes += info.next - pos;
      pos = info.next;
      if (tokenizer.IsBlank(info)) continue;
      ++records;
      const auto& fields = tokenizer.fields();
      if (fields.size() < layout.names.size()) continue;  // a ragged row votes for nothing
      for (size_t i = 0; i < layout.names.size(); ++i)
        if (!IsStatusSymbol(fields[i], options.status_symbols)) sample.votes[i].Add(fields[i], options.date_order);
    }
  };
  read_from(body, kRecordsAtStart);
  const size_t covered = body + bytes;
  const size_t n = layout.probes.size();
  for (size_t k = 1; k < kProbes && n; ++k) {
    const auto& probe = layout.probes[std::min(n - 1, n * k / kProbes)];
    if (probe.offset <= covered) continue;  // inside the opening sample
    size_t breaks = 0;
    read_from(SkipToRecordStart(text, probe.offset, probe.in_quote, breaks), kRecordsPerProbe);
  }
  if (records) sample.bytes_per_record = std::max(1.0, static_cast<double>(bytes) / static_cast<double>(records));
  return sample;
}

const ColumnType* FindOverride(const LoadOptions& options, const std::string& name) {
  for (const auto& [key, type] : options.type_overrides)
    if (EqualsIgnoreCase(Trim(key), name)) return &type;
  return nullptr;
}

// One full pass over the chunks: parse in parallel, merge in file order.
class ChunkedLoad {
 public:
  ChunkedLoad(std::string_view text, const CsvLayout& layout, const std::vector<ColumnPlan>& plans,
              const ParseSettings& settings, size_t expected_rows, unsigned threads, Progress* progress,
              const CancelToken* cancel)
      : m_text(text), m_layout(layout), m_plans(plans), m_settings(settings), m_threads(threads),
        m_progress(progress), m_cancel(cancel) {
    for (const auto& plan : plans) m_builders.emplace_back(plan.type, expected_rows);
    m_slots.resize(layout.chunks.size());
    m_non_null.assign(plans.size(), 0);
    m_failures.assign(plans.size(), 0);
    m_widenable.assign(plans.size(), 0);
    m_text_like.assign(plans.size(), 0);
    m_status.resize(plans.size());
    m_unreadable.resize(plans.size());
    m_first_record.assign(layout.chunks.size(), 0);
    m_next_record.assign(layout.chunks.size(), 0);
  }

  // True when every chunk began exactly where the previous chunk's last record ended, so the
  // chunks read the same records a serial pass would. Only a resync (a broken quote) after a
  // chunk's parity-derived start can make this false.
  bool Contiguous() const {
    for (size_t i = 1; i < m_next_record.size(); ++i)
      if (m_next_record[i - 1] != m_first_record[i]) return false;
    return true;
  }

  void Run() {
    const size_t n = m_layout.chunks.size();
    const unsigned threads = static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(m_threads, n)));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back([this] { Work(); });
    Work();
    for (auto& t : pool) t.join();
    if (m_error) std::rethrow_exception(m_error);
  }

  std::vector<ColumnBuilder>& builders() { return m_builders; }
  LoadReport& report() { return m_report; }
  size_t non_null(size_t c) const { return m_non_null[c]; }
  size_t failures(size_t c) const { return m_failures[c]; }
  size_t widenable(size_t c) const { return m_widenable[c]; }
  size_t text_like(size_t c) const { return m_text_like[c]; }
  std::vector<uint8_t>& status(size_t c) { return m_status[c]; }
  const std::vector<uint8_t>& unreadable(size_t c) const { return m_unreadable[c]; }
  double merge_seconds() const { return m_merge_seconds; }

 private:
  void Work() {
    const size_t n = m_layout.chunks.size();
    const size_t window = size_t{m_threads} * 2 + 2;  // bounds memory held in parsed, unmerged chunks
    for (;;) {
      size_t i;
      {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] { return m_abort || m_next_claim >= n || m_next_claim < m_next_merge + window; });
        if (m_abort || m_next_claim >= n) return;
        i = m_next_claim++;
      }
      try {
        std::unique_ptr<ChunkResult> result;
        {
          std::lock_guard lock(m_mutex);
          if (!m_free.empty()) {
            result = std::move(m_free.back());
            m_free.pop_back();
          }
        }
        if (!result) result = std::make_unique<ChunkResult>();
        ParseChunk(m_text, m_layout.chunks[i], m_plans, m_settings, *result, m_cancel);
        std::unique_lock lock(m_mutex);
        m_slots[i] = std::move(result);
        if (m_merging) continue;  // the merging thread will pick this slot up
        m_merging = true;
        while (!m_abort && m_next_merge < n && m_slots[m_next_merge]) {
          std::unique_ptr<ChunkResult> ready = std::move(m_slots[m_next_merge]);
          const size_t index = m_next_merge;
          lock.unlock();
          const auto merge_start = Clock::now();
          Merge(*ready, index);
          m_merge_seconds += std::chrono::duration<double>(Clock::now() - merge_start).count();  // one merger at a time
          lock.lock();
          m_free.push_back(std::move(ready));
          ++m_next_merge;
          m_cv.notify_all();
        }
        m_merging = false;
      } catch (...) {
        std::lock_guard lock(m_mutex);
        if (!m_error) m_error = std::current_exception();
        m_abort = true;
        m_merging = false;
        m_cv.notify_all();
        return;
      }
    }
  }

  void Merge(ChunkResult& r, size_t index) {
    m_first_record[index] = r.first_record;
    m_next_record[index] = r.next_record;
    for (size_t c = 0; c < m_plans.size(); ++c) {
      ChunkColumn& col = r.columns[c];
      ColumnBuilder& b = m_builders[c];
      switch (m_plans[c].type) {
        case ColumnType::Category:
        case ColumnType::Text: {
          // Local codes are in first-appearance order within the chunk, and chunks merge in
          // file order, so global codes come out exactly as a serial parse assigns them.
          b.dictionary().InternAll(col.dict, m_remap);
          for (auto& code : col.codes) code = m_remap.empty() ? 0 : m_remap[code];
          b.AppendCodes(col.codes, col.valid);
          break;
        }
        case ColumnType::Decimal: b.AppendDoubles(col.doubles, col.valid); break;
        default: b.AppendInts(col.ints, col.valid); break;
      }
      if (!col.status.empty() || !m_status[c].empty()) {
        m_status[c].resize(b.size() - r.rows, 0);  // rows merged before this chunk
        col.status.resize(r.rows, 0);
        m_status[c].insert(m_status[c].end(), col.status.begin(), col.status.end());
      }
      if (!col.unreadable.empty() || !m_unreadable[c].empty()) {
        m_unreadable[c].resize(b.size() - r.rows, 0);
        col.unreadable.resize(r.rows, 0);
        m_unreadable[c].insert(m_unreadable[c].end(), col.unreadable.begin(), col.unreadable.end());
      }
      m_non_null[c] += col.non_null;
      m_failures[c] += col.failures;
      m_widenable[c] += col.widenable;
      m_text_like[c] += col.text_like;
    }
    LoadReport& rep = m_report;
    rep.rows_loaded += r.rows;
    rep.record_lines.insert(rep.record_lines.end(), r.lines.begin(), r.lines.end());
    rep.rows_rejected += r.rows_rejected;
    rep.blank_lines += r.blank_lines;
    rep.cell_warnings += r.cell_warnings;
    rep.status_cells += r.status_cells;
    for (auto& reject : r.rejects)
      if (rep.rejects.size() < m_settings.max_listed) rep.rejects.push_back(std::move(reject));
    for (auto& warning : r.warnings)
      if (rep.warnings.size() < m_settings.max_listed) rep.warnings.push_back(std::move(warning));
    if (m_progress) {
      const ChunkTask& task = m_layout.chunks[index];
      m_progress->bytes_done.fetch_add(task.end - task.begin, std::memory_order_relaxed);
      m_progress->rows_done.fetch_add(r.rows + r.rows_rejected, std::memory_order_relaxed);
    }
  }

  std::string_view m_text;
  const CsvLayout& m_layout;
  const std::vector<ColumnPlan>& m_plans;
  const ParseSettings& m_settings;
  unsigned m_threads;
  Progress* m_progress;
  const CancelToken* m_cancel;

  std::vector<ColumnBuilder> m_builders;
  LoadReport m_report;
  std::vector<size_t> m_non_null, m_failures, m_widenable, m_text_like;
  std::vector<uint32_t> m_remap;  // used only by the merging thread
  std::vector<std::vector<uint8_t>> m_status;  // per column; empty until a status symbol is met
  std::vector<size_t> m_first_record, m_next_record;  // per chunk
  std::vector<std::vector<uint8_t>> m_unreadable;     // per column; empty until a cell fails

  std::mutex m_mutex;
  std::condition_variable m_cv;
  std::vector<std::unique_ptr<ChunkResult>> m_slots;
  std::vector<std::unique_ptr<ChunkResult>> m_free;  // merged results, recycled
  size_t m_next_claim = 0, m_next_merge = 0;
  bool m_merging = false;
  bool m_abort = false;
  std::exception_ptr m_error;
  double m_merge_seconds = 0;
};

// Chunk starts from a serial walk of the records (the tokenizer's own rule, resyncs
// included) instead of quote parity: each chunk then begins at a true record start. Used
// only when a broken quote made the parity-derived starts disagree with the records.
void ReplanChunkStarts(std::string_view text, char delimiter, CsvLayout& layout) {
  if (layout.chunks.size() < 2) return;
  CsvTokenizer tokenizer(delimiter);
  RecordInfo info;
  size_t pos = layout.chunks.front().begin;
  size_t line = layout.chunks.front().first_line;
  for (size_t i = 1; i < layout.chunks.size(); ++i) {
    ChunkTask& chunk = layout.chunks[i];
    while (pos < chunk.begin && pos < text.size()) {
      tokenizer.ReadRecord(text, pos, info);
      pos = info.next;
      line += info.line_breaks;
    }
    // pos is the first record start at or after the old boundary (a record longer than a
    // chunk leaves the chunk empty: begin == end)
    chunk.begin = pos;
    chunk.first_line = line;
    chunk.starts_in_quote = false;
    layout.chunks[i - 1].end = pos;
  }
}

// After a pass: an auto-typed column whose failures all fit the next wider type is re-read
// as that type; one where more than 1% of values look like text is re-read as text. Returns
// true when some column changed type.
bool Retype(ChunkedLoad& load, std::vector<ColumnPlan>& plans, const std::vector<bool>& automatic,
            std::vector<std::string>& notes) {
  bool changed = false;
  for (size_t c = 0; c < plans.size(); ++c) {
    const size_t failures = load.failures(c);
    if (!automatic[c] || failures == 0) continue;
    ColumnPlan& plan = plans[c];
    const std::string count = WithThousands(static_cast<long long>(failures));
    if (load.widenable(c) == failures && (plan.type == ColumnType::Int || plan.type == ColumnType::Date)) {
      const bool to_decimal = plan.type == ColumnType::Int;
      plan.type = to_decimal ? ColumnType::Decimal : ColumnType::DateTime;
      notes.push_back("column '" + plan.name + "' read as " + std::string(ToString(plan.type)) + ": " + count +
                      (failures == 1 ? (to_decimal ? " value has decimals" : " value has a time of day")
                                     : (to_decimal ? " values have decimals" : " values have a time of day")));
      changed = true;
    } else if (plan.type == ColumnType::Date || plan.type == ColumnType::DateTime ? !IsMostlyDates(plan.name, load.non_null(c) - load.text_like(c), load.non_null(c))
                                     : load.text_like(c) * 100 > load.non_null(c)) {
      notes.push_back("column '" + plan.name + "' read as text: " + count + " values are not " +
                      std::string(ToString(plan.type)) + "s");
      plan.type = ColumnType::Category;
      changed = true;
    }
  }
  return changed;
}

LoadResult LoadPlanned(std::string_view text, const std::string& name, const std::string& encoding,
                       const std::string& used_encoding, const CsvLayout& layout, const LoadOptions& options,
                       Progress* progress, const CancelToken* cancel, Clock::time_point t0, Provenance prov, bool dfe,
                       std::vector<LoadStage> stages);

// Appends the time since `since` as a stage and restarts the clock.
void Stage(std::vector<LoadStage>& stages, const char* name, Clock::time_point& since) {
  const auto now = Clock::now();
  stages.push_back({name, std::chrono::duration<double>(now - since).count()});
  since = now;
}

LoadResult LoadText(std::string_view text, const std::string& name, const std::string& encoding,
                    const LoadOptions& options, Progress* progress, const CancelToken* cancel, Clock::time_point t0,
                    Provenance prov, std::vector<LoadStage> stages, Clock::time_point since) {
  const unsigned threads = options.threads ? options.threads : DefaultThreadCount();
  CsvLayout layout = PlanCsv(text, name, options, threads);
  std::string transcoded;
  std::string used_encoding = encoding;
  if (!layout.valid_utf8) {
    TranscodeWindows1252ToUtf8(text, transcoded);
    text = transcoded;
    used_encoding = "windows-1252";
    layout = PlanCsv(text, name, options, threads);
  }
  Stage(stages, "encoding, sniff, pass A (quotes, lines, UTF-8)", since);
  if (cancel && cancel->IsCancelled()) throw Cancelled();

  // DfE open data announces itself by its first columns; its symbols are statuses.
  LoadOptions effective = options;
  const bool dfe = options.status_symbols.empty() && options.detect_dfe_symbols && layout.names.size() >= 3 &&
                   EqualsIgnoreCase(layout.names[0], "time_period") &&
                   std::any_of(layout.names.begin(), layout.names.end(),
                               [](const std::string& n) { return EqualsIgnoreCase(n, "geographic_level"); });
  if (dfe) effective.status_symbols = kDfeStatusSymbols;
  return LoadPlanned(text, name, encoding, used_encoding, layout, effective, progress, cancel, t0, std::move(prov), dfe,
                     std::move(stages));
}

LoadResult LoadPlanned(std::string_view text, const std::string& name, const std::string& encoding,
                       const std::string& used_encoding, const CsvLayout& layout, const LoadOptions& options,
                       Progress* progress, const CancelToken* cancel, Clock::time_point t0, Provenance prov, bool dfe,
                       std::vector<LoadStage> stages) {
  const unsigned threads = options.threads ? options.threads : DefaultThreadCount();
  auto since = Clock::now();
  const Sample sample = SampleTypes(text, layout, options);
  std::vector<ColumnPlan> plans(layout.names.size());
  std::vector<bool> automatic(plans.size(), true);
  for (size_t c = 0; c < plans.size(); ++c) {
    plans[c].name = layout.names[c];
    if (const ColumnType* forced = FindOverride(options, plans[c].name)) {
      plans[c].type = *forced;
      automatic[c] = false;
    } else {
      plans[c].type = sample.votes[c].Decide(plans[c].name);
    }
  }
  ParseSettings settings;
  settings.delimiter = layout.delimiter;
  settings.date_order = options.date_order;
  settings.two_digit_pivot = options.two_digit_years;
  settings.max_listed = options.max_listed;
  settings.keep_lines = options.keep_record_lines;
  settings.status_symbols = options.status_symbols.empty() ? nullptr : &options.status_symbols;
  const size_t body_bytes = layout.chunks.empty() ? 0 : text.size() - layout.chunks.front().begin;
  const size_t expected_rows = static_cast<size_t>(static_cast<double>(body_bytes) / sample.bytes_per_record * 1.02);
  if (!layout.chunks.empty()) {
    const auto& first = layout.chunks.front();
    settings.expected_rows =
        static_cast<size_t>(static_cast<double>(first.end - first.begin) / sample.bytes_per_record * 1.1) + 16;
  }

  Stage(stages, "type inference (sample)", since);
  std::vector<std::string> notes;
  CsvLayout chunks = layout;  // chunk starts may be re-planned after a resync
  bool replanned = false;
  for (int attempt = 0;; ++attempt) {
    if (progress) {
      progress->bytes_total = body_bytes;
      progress->bytes_done = 0;
      progress->rows_done = 0;
    }
    auto load = std::make_unique<ChunkedLoad>(text, chunks, plans, settings, expected_rows, threads, progress, cancel);
    load->Run();
    if (!replanned && !load->Contiguous()) {  // a broken quote resynced: start chunks at true record starts
      ReplanChunkStarts(text, layout.delimiter, chunks);
      replanned = true;
      --attempt;  // not a retype
      continue;
    }
    Stage(stages, attempt == 0 ? "parse + merge" : "re-read: a column's type changed", since);
    stages.push_back({"  of which merging (one thread)", load->merge_seconds()});
    if (attempt < 2 && Retype(*load, plans, automatic, notes)) continue;

    TableBuilder table;
    for (size_t c = 0; c < plans.size(); ++c) {
      ColumnBuilder& b = load->builders()[c];
      std::optional<ColumnType> final_type;
      if (IsStringType(plans[c].type) && automatic[c])
        final_type = ChooseStringType(b.dictionary().size(), load->non_null(c), IsIdLikeName(plans[c].name));
      Column column = b.Finish(final_type);
      if (!load->status(c).empty()) {
        auto status = std::make_shared<CellStatus>();
        status->codes = std::move(load->status(c));
        status->codes.resize(column.size(), 0);
        status->symbols = options.status_symbols;
        status->count = static_cast<size_t>(
            std::count_if(status->codes.begin(), status->codes.end(), [](uint8_t s) { return s != 0; }));
        column.AttachStatus(std::move(status));
      }
      if (!load->unreadable(c).empty()) column.AttachUnreadable(MakeUnreadableCells(load->unreadable(c), column.size()));
      table.AddColumn(plans[c].name, std::move(column));
    }
    Stage(stages, "columns finished (dictionaries, shrink)", since);
    LoadResult result;
    result.report = std::move(load->report());
    result.report.stages = std::move(stages);
    LoadReport& rep = result.report;
    rep.path = name;
    rep.blank_lines += layout.blank_lines;
    rep.rows_read = rep.rows_loaded + rep.rows_rejected;
    rep.notes = layout.notes;
    rep.notes.insert(rep.notes.end(), notes.begin(), notes.end());
    for (const auto& override_type : options.type_overrides) {  // not a structured binding: clang 14 (fuzz) captures
      const std::string& key = override_type.first;
      if (std::none_of(layout.names.begin(), layout.names.end(),
                       [&](const std::string& n) { return EqualsIgnoreCase(Trim(key), n); }))
        rep.notes.push_back("--type " + key + "=" + std::string(ToString(override_type.second)) +
                            ": this file has no column '" + key + "'");
    }
    if (options.two_digit_years)
      rep.notes.push_back("two-digit years read as " + std::to_string(options.two_digit_years) + "-" +
                          std::to_string(options.two_digit_years + 99) + " (as asked)");
    if (dfe) rep.notes.push_back("DfE open-data file: symbols c, z, x, low, k, u and : kept as cell status");
    if (encoding != "utf-8" || used_encoding != encoding) rep.notes.push_back("encoding: " + used_encoding);
    prov.path = name;
    prov.encoding = used_encoding;
    prov.delimiter = layout.delimiter;
    prov.loaded_at = std::chrono::system_clock::now();
    prov.rows_read = rep.rows_read;
    prov.rows_rejected = rep.rows_rejected;
    rep.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    prov.load_seconds = rep.seconds;
    result.table = table.Finish(std::move(prov));
    return result;
  }
}

LoadResult LoadBytes(std::string_view bytes, const std::string& name, const LoadOptions& options, Progress* progress,
                     const CancelToken* cancel, Clock::time_point t0, std::vector<LoadStage> stages) {
  if (bytes.empty()) throw LoadError(name, 0, 0, "file is empty");
  auto since = Clock::now();
  Provenance prov;
  prov.file_bytes = bytes.size();
  prov.content_hash = ContentHash(bytes, options.threads);
  Stage(stages, "content hash (XXH3, first read of the file's pages)", since);
  const uint64_t limit = options.memory_limit_bytes ? options.memory_limit_bytes : AvailableMemoryBytes();
  if (limit && bytes.size() > limit)
    throw LoadError(name, 0, 0,
                    "file is larger than the memory available to load it (" +
                        WithThousands(static_cast<long long>(bytes.size() >> 20)) + " MB > " +
                        WithThousands(static_cast<long long>(limit >> 20)) + " MB)");
  const ByteOrderMark bom = DetectBom(bytes);
  std::string_view text = bytes.substr(BomLength(bom));
  LoadResult result;
  if (bom == ByteOrderMark::Utf16LE || bom == ByteOrderMark::Utf16BE) {
    std::string utf8;
    const bool big = bom == ByteOrderMark::Utf16BE;
    if (!TranscodeUtf16ToUtf8(text, big, utf8))
      throw LoadError(name, 0, 0, "truncated UTF-16 text (odd number of bytes)");
    result = LoadText(utf8, name, big ? "utf-16be" : "utf-16le", options, progress, cancel, t0, prov, std::move(stages),
                      since);
  } else {
    result = LoadText(text, name, bom == ByteOrderMark::Utf8 ? "utf-8-bom" : "utf-8", options, progress, cancel, t0, prov,
                      std::move(stages), since);
  }
  result.report.file_bytes = bytes.size();
  return result;
}

}  // namespace

LoadResult LoadCsvFile(const std::string& path, const LoadOptions& options, Progress* progress,
                       const CancelToken* cancel) {
  const auto t0 = Clock::now();
  MappedFile file(path);
  if (progress) progress->bytes_total = file.size();
  if (options.on_mapped) options.on_mapped();
  std::vector<LoadStage> stages = {{"open and map the file", std::chrono::duration<double>(Clock::now() - t0).count()}};
  // A file truncated or rewritten while we read it gives a torn table or zeros (the SIGBUS
  // handler's stand-in pages), and any error the parse raised is about bytes that were never
  // the file's: either way the one true message is that the file changed.
  auto changed = [&] {
    return LoadError(path, 0, 0,
                     "file changed while it was being read (truncated, rewritten or replaced); load it again once "
                     "whatever is writing it has finished");
  };
  LoadResult result;
  try {
    result = LoadBytes(file.bytes(), path, options, progress, cancel, t0, std::move(stages));
  } catch (const LoadError&) {
    if (file.Changed()) throw changed();
    throw;
  }
  if (file.Changed()) throw changed();
  return result;
}

LoadResult LoadCsvBytes(std::string_view bytes, const std::string& name, const LoadOptions& options,
                        Progress* progress, const CancelToken* cancel) {
  const auto t0 = Clock::now();
  return LoadBytes(bytes, name, options, progress, cancel, t0, {});
}

}  // namespace csc
