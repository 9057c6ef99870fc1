#include "ingest/chunk_parser.hpp"

#include <algorithm>

#include "ingest/csv_tokenizer.hpp"
#include "ingest/value_parsers.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

constexpr size_t kShownBytes = 200;
constexpr size_t kListOnlySample = 1024;  // cells of a chunk looked at before choosing

std::string Shorten(std::string_view s, size_t limit = kShownBytes) {
  if (s.size() <= limit) return std::string(s);
  return std::string(Utf8Prefix(s, limit)) + "...";  // never cut a character in two
}

const char* Describe(ColumnType t) {
  switch (t) {
    case ColumnType::Int: return "not a whole number";
    case ColumnType::Decimal: return "not a number";
    case ColumnType::Bool: return "not a yes/no value";
    case ColumnType::Date: return "not a date";
    case ColumnType::DateTime: return "not a date and time";
    default: return "not a valid value";
  }
}

class CellSink {
 public:
  CellSink(const std::vector<ColumnPlan>& plans, const ParseSettings& settings, ChunkResult& out)
      : m_plans(plans), m_settings(settings), m_out(out) {}

  void Row(const std::vector<std::string_view>& fields, size_t line) {
    const size_t row = m_out.rows;
    for (size_t c = 0; c < m_plans.size(); ++c) Cell(c, fields[c], row, line);
    ++m_out.rows;
  }

 private:
  void Null(ChunkColumn& col, size_t row) {
    if (col.valid.empty()) col.valid.assign(row, 1);
    col.valid.push_back(0);
  }
  void Valid(ChunkColumn& col) {
    if (!col.valid.empty()) col.valid.push_back(1);
  }
  // A status symbol ("c", "z", ...) where a value should be: null with that status.
  bool Symbol(size_t c, std::string_view value, size_t row) {
    if (!m_settings.status_symbols) return false;
    const auto& symbols = *m_settings.status_symbols;
    for (size_t k = 0; k < symbols.size(); ++k) {
      if (!EqualsIgnoreCase(value, symbols[k])) continue;
      ChunkColumn& col = m_out.columns[c];
      col.status.resize(row, 0);
      col.status.push_back(static_cast<uint8_t>(k + 1));
      --col.non_null;
      ++m_out.status_cells;
      return true;
    }
    return false;
  }

  void Fail(size_t c, std::string_view value, size_t row, size_t line, ParseStatus status, bool widenable) {
    ChunkColumn& col = m_out.columns[c];
    col.unreadable.resize(row, 0);
    col.unreadable.push_back(1);
    ++col.failures;
    if (widenable) ++col.widenable;
    if ((status == ParseStatus::Invalid || status == ParseStatus::TooLarge) && !widenable) ++col.text_like;
    ++m_out.cell_warnings;
    if (m_out.warnings.size() < m_settings.max_listed) {
      const ColumnPlan& plan = m_plans[c];
      std::string reason = status == ParseStatus::TwoDigitYear ? "two-digit year is ambiguous"
                           : status == ParseStatus::HasTime    ? "has a time of day in a date column"
                           : status == ParseStatus::NoSuchDay  ? "no such date"
                           : status == ParseStatus::TooLarge   ? "too large for a whole number (beyond 9,223,372,036,854,775,807)"
                                                               : Describe(plan.type);
      m_out.warnings.push_back({line, c + 1, plan.name, Shorten(value, 100), plan.type, std::move(reason)});
    }
  }

  void Cell(size_t c, std::string_view v, size_t row, size_t line) {
    ChunkColumn& col = m_out.columns[c];
    const ColumnType type = m_plans[c].type;
    const bool null = IsNullToken(v);
    if (!null) ++col.non_null;
    if (type == ColumnType::Category || type == ColumnType::Text) {
      if (null) {
        Null(col, row);
        col.codes.push_back(0);
      } else {
        Valid(col);
        col.codes.push_back(col.list_only ? col.dict.Append(v) : col.dict.Intern(v));
        if (col.codes.size() == kListOnlySample) col.list_only = col.dict.size() * 4 > kListOnlySample * 3;
      }
      return;
    }
    if (type == ColumnType::Decimal) {
      double d = 0;
      ParseStatus status = null ? ParseStatus::Invalid : ParseDecimal(v, d);
      if (!null && status != ParseStatus::Ok && !Symbol(c, v, row)) Fail(c, v, row, line, status, false);
      if (null || status != ParseStatus::Ok) {
        Null(col, row);
        col.doubles.push_back(0);
      } else {
        Valid(col);
        col.doubles.push_back(d);
      }
      return;
    }
    int64_t x = 0;
    ParseStatus status = ParseStatus::Invalid;
    if (!null) {
      switch (type) {
        case ColumnType::Int: status = ParseInt(v, x); break;
        case ColumnType::Bool: status = ParseBool(v, x); break;
        case ColumnType::Date: status = ParseDate(v, m_settings.date_order, x, m_settings.two_digit_pivot); break;
        default: status = ParseDateTime(v, m_settings.date_order, x, m_settings.two_digit_pivot); break;
      }
      if (status != ParseStatus::Ok && !Symbol(c, v, row)) {
        bool widenable = false;
        if (type == ColumnType::Int) {
          double d;
          // a value with decimals widens the column; a whole number past int64 does not (as
          // a double it would silently lose its last digits)
          widenable = status != ParseStatus::TooLarge && ParseDecimal(v, d) == ParseStatus::Ok;
        } else if (type == ColumnType::Date) {
          widenable = status == ParseStatus::HasTime;
        }
        Fail(c, v, row, line, status, widenable);
      }
    }
    if (null || status != ParseStatus::Ok) {
      Null(col, row);
      col.ints.push_back(0);
    } else {
      Valid(col);
      col.ints.push_back(x);
    }
  }

  const std::vector<ColumnPlan>& m_plans;
  const ParseSettings& m_settings;
  ChunkResult& m_out;
};

}  // namespace

void ParseChunk(std::string_view data, const ChunkTask& task, const std::vector<ColumnPlan>& columns,
                const ParseSettings& settings, ChunkResult& out, const CancelToken* cancel) {
  // `out` may be a recycled result: clear it but keep its memory (fresh pages cost ~10 us each).
  out.rows = out.rows_rejected = out.blank_lines = out.cell_warnings = out.status_cells = 0;
  out.rejects.clear();
  out.warnings.clear();
  out.lines.clear();
  out.columns.resize(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) {
    auto& col = out.columns[c];
    col.ints.clear();
    col.doubles.clear();
    col.codes.clear();
    col.valid.clear();
    col.dict.Clear();
    col.list_only = false;
    col.status.clear();
    col.unreadable.clear();
    col.failures = col.widenable = col.text_like = col.non_null = 0;
    switch (columns[c].type) {
      case ColumnType::Category:
      case ColumnType::Text: col.codes.reserve(settings.expected_rows); break;
      case ColumnType::Decimal: col.doubles.reserve(settings.expected_rows); break;
      default: col.ints.reserve(settings.expected_rows); break;
    }
  }
  size_t line = task.first_line;
  size_t pos = task.begin;
  if (task.starts_in_quote) {
    size_t breaks = 0;
    pos = SkipToRecordStart(data, pos, true, breaks);
    line += breaks;
  }
  out.first_record = pos;
  const size_t ncols = columns.size();
  CsvTokenizer tokenizer(settings.delimiter);
  CellSink sink(columns, settings, out);
  RecordInfo info;
  size_t since_check = 0;
  while (pos < task.end) {
    if (cancel && ++since_check == 8192) {
      since_check = 0;
      if (cancel->IsCancelled()) throw Cancelled();
    }
    tokenizer.ReadRecord(data, pos, info);
    const auto& fields = tokenizer.fields();
    const size_t record_line = line;
    line += info.line_breaks;
    pos = info.next;
    if (tokenizer.IsBlank(info)) {
      ++out.blank_lines;
      continue;
    }
    size_t nfields = fields.size();
    // Trailing delimiters ("a,b,c,,") add empty fields past the header: harmless.
    while (nfields > ncols && fields[nfields - 1].empty()) --nfields;
    if (nfields == ncols && !info.unterminated_quote) {
      sink.Row(fields, record_line);
      if (settings.keep_lines) out.lines.push_back(record_line);
      continue;
    }
    ++out.rows_rejected;
    if (out.rejects.size() < settings.max_listed) {
      const size_t last_line = record_line + (info.line_breaks ? info.line_breaks - 1 : 0);
      std::string reason;
      if (info.unterminated_quote) {
        reason = "unterminated quoted field: a '\"' opened on this line is not closed within " +
                 WithThousands(kMaxQuotedLineBreaks) + " lines; this line is rejected and reading resumes on the next";
      } else {
        reason = "expected " + std::to_string(ncols) + " fields, found " + std::to_string(fields.size());
        if (last_line > record_line)
          reason += " (the record spans lines " + std::to_string(record_line) + "-" + std::to_string(last_line) +
                    "; check for an unbalanced quote)";
      }
      out.rejects.push_back(
          {record_line, std::move(reason), Shorten(data.substr(info.begin, info.content_end - info.begin))});
    }
  }
  out.next_record = std::max(pos, out.first_record);
}

}  // namespace csc
