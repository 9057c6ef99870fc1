#include "dataset/quality_check.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "dataset/canonical_builder.hpp"
#include "dataset/codes.hpp"
#include "dataset/dataset_loader.hpp"
#include "storage/column_builder.hpp"
#include "time/anniversary.hpp"
#include "time/civil_date.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

constexpr size_t kNoRow = static_cast<size_t>(-1);

struct Origin {
  std::string file;
  size_t line = 0;
};

// Where a dataset's rows came from. A dataset read 1:1 from one file (canonical, Annex A,
// mapped) has the file's line of each row; SSDA903 records, merged across returns, are found
// by (CHILD, start date) in the returns that hold them.
class Origins {
 public:
  Origins(const Dataset& d, const std::vector<SourceFile>& files) {
    const size_t rows = d.table ? d.table->num_rows() : 0;
    const bool episodes = d.format == SourceFormat::Ssda903Episodes, missing = d.format == SourceFormat::Ssda903Missing;
    // SSDA903 records are merged across returns and sorted: never one to one with a file.
    if (!episodes && !missing && d.sources.size() == 1 && d.reports.size() == 1 &&
        d.reports[0].record_lines.size() == rows) {
      m_lines = &d.reports[0].record_lines;
      m_single = d.sources[0];
      return;
    }
    if (d.sources.size() == 1) m_single = d.sources[0];
    if (!episodes && !missing) return;
    for (const SourceFile& f : files) {
      if (f.recognition.format != d.format || !f.load.table) continue;
      if (std::find(d.sources.begin(), d.sources.end(), f.path) == d.sources.end()) continue;
      const Table& t = *f.load.table;
      const Column* child = t.ColumnByName("CHILD");
      const Column* start = t.ColumnByName(episodes ? "DECOM" : "MIS_START");
      const auto& lines = f.load.report.record_lines;
      if (lines.size() != t.num_rows()) continue;
      for (size_t r = 0; r < t.num_rows(); ++r) {
        const auto day = CellDate(start, r);
        if (!day) continue;
        // The later return's line: its version of an episode is the one kept when closed.
        m_keyed[std::string(Trim(CellText(child, r))) + '\x1f' + std::to_string(*day)] = {f.path, lines[r]};
      }
    }
  }

  Origin Of(size_t row, const Column* child, const Column* start) const {
    if (m_lines) return {m_single, (*m_lines)[row]};
    if (!m_keyed.empty()) {
      const auto day = CellDate(start, row);
      if (day) {
        auto it = m_keyed.find(CellText(child, row) + '\x1f' + std::to_string(*day));
        if (it != m_keyed.end()) return it->second;
      }
    }
    return {m_single, 0};
  }

 private:
  const std::vector<uint64_t>* m_lines = nullptr;
  std::string m_single;
  std::unordered_map<std::string, Origin> m_keyed;
};

const Column* RoleColumn(const Dataset& d, Role role) {
  const std::string name = d.ColumnFor(role);
  return name.empty() ? nullptr : d.table->ColumnByName(name);
}

bool IsDate(const Column* c) { return c && c->type() == ColumnType::Date; }

// Collects one dataset's issues: exact counts per rule, a listing capped per rule, row flags.
class Collector {
 public:
  Collector(const Dataset& d, const Origins& origins, const Column* child, const Column* start)
      : m_d(d), m_origins(origins), m_child(child), m_start(start) {
    m_q.flagged.assign(d.table->num_rows(), 0);
  }

  void Add(size_t row, std::string_view rule, std::string_view dfe_code, IssueSeverity severity, std::string detail) {
    auto it = std::find_if(m_q.counts.begin(), m_q.counts.end(),
                           [&](const RuleCount& c) { return c.rule == rule && c.dfe_code == dfe_code; });
    if (it == m_q.counts.end()) it = m_q.counts.insert(m_q.counts.end(), {std::string(rule), std::string(dfe_code), severity, 0});
    const size_t listed_for_rule = it->records;
    ++it->records;
    (severity == IssueSeverity::Error ? m_q.errors : m_q.warnings) += 1;
    if (row != kNoRow && !m_q.flagged[row]) m_q.flagged[row] = 1, ++m_q.flagged_records;
    if (listed_for_rule >= kMaxListedIssues) return;
    QualityIssue issue;
    issue.dataset = m_d.name;
    issue.row = row;
    if (row != kNoRow) {
      const Origin o = m_origins.Of(row, m_child, m_start);
      issue.file = o.file;
      issue.line = o.line;
      issue.child = CellText(m_child, row);
    }
    issue.rule = std::string(rule);
    issue.dfe_code = std::string(dfe_code);
    issue.severity = severity;
    issue.detail = std::move(detail);
    m_q.issues.push_back(std::move(issue));
  }
  // An issue found outside the dataset's rows (a Header return), listed with its own place.
  void AddAt(const Origin& where, const std::string& child, const std::vector<size_t>& rows, std::string_view rule,
             std::string detail) {
    const size_t first = rows.empty() ? kNoRow : rows.front();
    for (size_t r : rows)
      if (!m_q.flagged[r]) m_q.flagged[r] = 1, ++m_q.flagged_records;
    const size_t before = m_q.issues.size();
    Add(kNoRow, rule, "", IssueSeverity::Error, std::move(detail));
    if (m_q.issues.size() > before) {
      QualityIssue& i = m_q.issues.back();
      i.file = where.file;
      i.line = where.line;
      i.child = child;
      i.row = first;
    }
  }

  DatasetQuality Finish() {
    // In file order, as a person works through them; records without a line by row.
    std::stable_sort(m_q.issues.begin(), m_q.issues.end(), [](const QualityIssue& a, const QualityIssue& b) {
      return std::tie(a.file, a.line, a.row) < std::tie(b.file, b.line, b.row);
    });
    if (m_q.flagged_records == 0) {
      m_q.flagged.clear();
    } else {
      ColumnBuilder b(ColumnType::Category, m_q.flagged.size());
      for (uint8_t f : m_q.flagged) f ? b.AppendString("Y") : b.AppendNull();
      m_q.flag_column = std::make_shared<const Column>(b.Finish());
    }
    return std::move(m_q);
  }

 private:
  const Dataset& m_d;
  const Origins& m_origins;
  const Column* m_child;
  const Column* m_start;
  DatasetQuality m_q;
};

// The DfE 903 validator's number for an invalid code in a canonical lac_episodes column.
std::string_view InvalidCode903(std::string_view column) {
  if (column == "sex") return "101";
  if (column == "reason_new_episode") return "143";
  if (column == "legal_status") return "144";
  if (column == "category_of_need") return "145";
  if (column == "placement_type") return "146";
  if (column == "reason_ceased") return "149";
  return "";
}

// Every column of two rows equal (nulls equal to nulls).
bool SameRecord(const Table& t, size_t a, size_t b) {
  for (size_t c = 0; c < t.num_columns(); ++c) {
    const Column& col = t.column(c);
    const bool va = col.IsValid(a), vb = col.IsValid(b);
    if (va != vb) return false;
    if (!va) continue;
    if (col.type() == ColumnType::Decimal ? col.GetDouble(a) != col.GetDouble(b) : col.GetInt(a) != col.GetInt(b))
      return false;
  }
  return true;
}

// A per-row key of the child id that sorts and compares cheaply: the dictionary code.
int64_t ChildKey(const Column* child, size_t row) { return child->IsValid(row) ? child->GetInt(row) : -1; }

void CheckDataset(const Dataset& d, Collector& out) {
  const Table& t = *d.table;
  const size_t rows = t.num_rows();
  const Column* child = RoleColumn(d, Role::ChildId);
  const Column* start = RoleColumn(d, Role::Start);
  const Column* end = RoleColumn(d, Role::End);
  const Column* dob = RoleColumn(d, Role::DateOfBirth);
  const bool is903 = d.format == SourceFormat::Ssda903Episodes;
  const bool is903_any = is903 || d.format == SourceFormat::Ssda903Missing;

  if (IsDate(start) && IsDate(end))
    for (size_t r = 0; r < rows; ++r)
      if (start->IsValid(r) && end->IsValid(r) && end->GetInt(r) < start->GetInt(r))
        out.Add(r, "end-before-start", is903 ? "356" : "", IssueSeverity::Error,
                "starts " + start->FormatCell(r) + ", ends " + end->FormatCell(r));

  // Work with an unborn child is ordinary practice (pre-birth referrals, assessments and
  // plans); a looked-after episode, a missing spell or an adoption decision cannot precede birth.
  const bool may_precede_birth = d.kind == DatasetKind::CpPlans || d.kind == DatasetKind::Referrals ||
                                 d.kind == DatasetKind::Assessments || d.kind == DatasetKind::AssessmentFactors;
  if (IsDate(start) && IsDate(dob) && !may_precede_birth)
    for (size_t r = 0; r < rows; ++r)
      if (start->IsValid(r) && dob->IsValid(r) && dob->GetInt(r) > start->GetInt(r))
        out.Add(r, "born-after-start", is903 ? "302" : "", IssueSeverity::Error,
                "born " + dob->FormatCell(r) + ", starts " + start->FormatCell(r));

  if (d.kind == DatasetKind::LacEpisodes && IsDate(start) && IsDate(dob)) {
    const Column* rne = t.ColumnByName("reason_new_episode");
    int64_t latest = start->max_int();
    if (IsDate(end) && end->null_count() < end->size()) latest = std::max(latest, end->max_int());
    for (size_t r = 0; r < rows; ++r) {
      if (!start->IsValid(r) || !dob->IsValid(r)) continue;
      const int32_t eighteen = AddYears(static_cast<int32_t>(dob->GetInt(r)), 18);
      if (start->GetInt(r) >= eighteen) {
        const bool started_care = CellText(rne, r) == "S";
        out.Add(r, "aged-18-or-over", is903 && started_care ? "352" : "", IssueSeverity::Error,
                "born " + dob->FormatCell(r) + ", episode starts " + start->FormatCell(r) + " (aged 18 or over)");
      } else if (IsDate(end) && end->IsValid(r) && end->GetInt(r) > eighteen) {
        out.Add(r, "aged-18-or-over", "", IssueSeverity::Warning,
                "born " + dob->FormatCell(r) + ", episode ends " + end->FormatCell(r) + ", after the 18th birthday");
      } else if (IsDate(end) && !end->IsValid(r) && !end->IsUnreadable(r) && latest > eighteen) {
        out.Add(r, "aged-18-or-over", "", IssueSeverity::Warning,
                "born " + dob->FormatCell(r) + ", episode still open after the 18th birthday (" +
                    FormatIsoDate(eighteen) + ")");
      }
    }
  }

  if (dob && IsDate(dob))
    for (size_t r = 0; r < rows; ++r)
      if (!dob->IsValid(r))
        out.Add(r, "missing-dob", is903_any ? "102" : "", IssueSeverity::Error,
                dob->IsUnreadable(r) ? "date of birth unreadable" : "no date of birth");

  for (const CanonicalColumn& cc : CanonicalLayout(d.kind)) {
    if (cc.codes.empty()) continue;
    const Column* col = t.ColumnByName(cc.name);
    if (!col || !col->dictionary()) continue;
    const StringDictionary& dict = *col->dictionary();
    std::vector<uint8_t> known(dict.size(), 0);
    for (size_t k = 0; k < dict.size(); ++k)
      known[k] = std::find(cc.codes.begin(), cc.codes.end(), dict.Get(static_cast<uint32_t>(k))) != cc.codes.end();
    if (std::all_of(known.begin(), known.end(), [](uint8_t k) { return k != 0; })) continue;
    for (size_t r = 0; r < rows; ++r)
      if (col->IsValid(r) && !known[col->GetCode(r)])
        out.Add(r, "invalid-code", is903 ? InvalidCode903(cc.name) : "", IssueSeverity::Error,
                cc.name + " '" + col->FormatCell(r) + "' is not in its code list");
  }

  // Duplicates and overlaps: the child's records in start order.
  if (!child || !IsDate(start) || d.kind == DatasetKind::AssessmentFactors) return;
  std::vector<uint32_t> order;
  order.reserve(rows);
  for (size_t r = 0; r < rows; ++r)
    if (child->IsValid(r) && start->IsValid(r)) order.push_back(static_cast<uint32_t>(r));
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const int64_t ca = ChildKey(child, a), cb = ChildKey(child, b);
    return ca != cb ? ca < cb : start->GetInt(a) < start->GetInt(b);
  });
  const bool overlaps = (d.kind == DatasetKind::CpPlans || d.kind == DatasetKind::LacEpisodes) && IsDate(end);
  size_t group = 0;  // first index in `order` of the current (child, start) group
  for (size_t i = 1; i < order.size(); ++i) {
    const uint32_t prev = order[i - 1], r = order[i];
    if (ChildKey(child, prev) != ChildKey(child, r)) {
      group = i;
      continue;
    }
    if (start->GetInt(prev) == start->GetInt(r)) {
      // A duplicate is the same record twice, every column equal; two different records of
      // one child on one day (two missing spells, two referrals) are not.
      bool same = false;
      for (size_t j = group; j < i && !same; ++j) same = SameRecord(t, order[j], r);
      if (same) {
        out.Add(r, "duplicate", "", IssueSeverity::Error,
                "the same record as an earlier one (child and every value equal; starts " + start->FormatCell(r) + ")");
        continue;
      }
    } else {
      group = i;
    }
    if (!overlaps) continue;
    if (end->IsValid(prev) && start->GetInt(r) < end->GetInt(prev))
      out.Add(r, "overlap", is903 ? "501" : "", IssueSeverity::Error,
              "starts " + start->FormatCell(r) + ", before the previous record (from " + start->FormatCell(prev) +
                  ") ends " + end->FormatCell(prev));
    else if (!end->IsValid(prev) && !end->IsUnreadable(prev))
      out.Add(r, "overlap", is903 ? "142" : "", IssueSeverity::Error,
              "starts " + start->FormatCell(r) + " while the previous record (from " + start->FormatCell(prev) +
                  ") is still open");
  }
}

std::string FactsText(const std::string& sex, std::optional<int32_t> dob) {
  return "sex " + (sex.empty() ? std::string("blank") : sex) + ", born " + (dob ? FormatIsoDate(*dob) : "blank");
}

// A child's sex or date of birth differing between records: within a dataset (by the child
// column's dictionary codes, so a 10-million-row table costs integer compares), then between
// datasets by id, once per distinct child. Blanks are missing values, not differences.
void CheckChildFacts(const std::vector<Dataset>& datasets, std::vector<Collector>& out, const std::vector<size_t>& checked) {
  struct Facts {
    std::string sex;
    std::optional<int32_t> dob;
    std::string where;
  };
  std::unordered_map<std::string, Facts> seen;  // across datasets: the first record's facts
  for (size_t k = 0; k < checked.size(); ++k) {
    const Dataset& d = datasets[checked[k]];
    const Column* child = RoleColumn(d, Role::ChildId);
    const Column* sex = RoleColumn(d, Role::Sex);
    const Column* dob = RoleColumn(d, Role::DateOfBirth);
    if (!child || !child->dictionary() || (!sex && !IsDate(dob))) continue;
    const bool has_dob = IsDate(dob);
    const size_t children = child->dictionary()->size();
    // Per child code: the row whose facts stand (the first with each fact given), and whether
    // a difference was already reported.
    std::vector<int64_t> sex_row(children, -1), dob_row(children, -1);
    std::vector<uint8_t> reported(children, 0);
    for (size_t r = 0; r < d.table->num_rows(); ++r) {
      if (!child->IsValid(r)) continue;
      const uint32_t c = child->GetCode(r);
      bool differs = false;
      if (sex && sex->IsValid(r)) {
        if (sex_row[c] < 0) sex_row[c] = static_cast<int64_t>(r);
        else differs |= sex->GetCode(r) != sex->GetCode(static_cast<size_t>(sex_row[c]));
      }
      if (has_dob && dob->IsValid(r)) {
        if (dob_row[c] < 0) dob_row[c] = static_cast<int64_t>(r);
        else differs |= dob->GetInt(r) != dob->GetInt(static_cast<size_t>(dob_row[c]));
      }
      if (!differs || reported[c]) continue;
      reported[c] = 1;
      const auto s0 = sex_row[c] < 0 ? std::string() : CellText(sex, static_cast<size_t>(sex_row[c]));
      const auto b0 = dob_row[c] < 0 ? std::nullopt : CellDate(dob, static_cast<size_t>(dob_row[c]));
      out[k].Add(r, "child-differs", "", IssueSeverity::Error,
                 FactsText(CellText(sex, r), has_dob ? CellDate(dob, r) : std::nullopt) + " here; " + FactsText(s0, b0) +
                     " in an earlier record of " + d.name);
    }
    for (uint32_t c = 0; c < children; ++c) {
      if (sex_row[c] < 0 && dob_row[c] < 0) continue;
      const std::string s = sex_row[c] < 0 ? std::string() : CellText(sex, static_cast<size_t>(sex_row[c]));
      const std::optional<int32_t> b = dob_row[c] < 0 ? std::nullopt : CellDate(dob, static_cast<size_t>(dob_row[c]));
      auto [it, fresh] = seen.try_emplace(std::string(child->dictionary()->Get(c)), Facts{s, b, d.name});
      if (fresh) continue;
      Facts& f = it->second;
      const bool differs = (!s.empty() && !f.sex.empty() && s != f.sex) || (b && f.dob && *b != *f.dob);
      if (f.sex.empty()) f.sex = s;
      if (!f.dob) f.dob = b;
      if (!differs || reported[c]) continue;
      reported[c] = 1;
      const size_t row = static_cast<size_t>(sex_row[c] >= 0 ? sex_row[c] : dob_row[c]);
      out[k].Add(row, "child-differs", "", IssueSeverity::Error,
                 FactsText(s, b) + " here; " + FactsText(f.sex, f.dob) + " in an earlier record of " + f.where);
    }
  }
}

// SSDA903 Header returns that disagree about a child: the later return replaces the earlier
// one's values when loading, so the disagreement would otherwise pass unseen.
void CheckHeaderReturns(const Dataset& d, const std::vector<SourceFile>& files, Collector& out) {
  const Column* child_col = RoleColumn(d, Role::ChildId);
  std::unordered_map<std::string, std::vector<size_t>> rows_of;
  for (size_t r = 0; r < d.table->num_rows(); ++r) rows_of[CellText(child_col, r)].push_back(r);
  struct Seen {
    std::string sex;
    std::optional<int32_t> dob;
    std::string file;
  };
  std::unordered_map<std::string, Seen> seen;
  std::vector<const SourceFile*> headers;
  for (const SourceFile& f : files)
    if (f.recognition.format == SourceFormat::Ssda903Header && f.load.table &&
        std::find(d.sources.begin(), d.sources.end(), f.path) != d.sources.end())
      headers.push_back(&f);
  std::sort(headers.begin(), headers.end(), [](const SourceFile* a, const SourceFile* b) { return a->path < b->path; });
  for (const SourceFile* f : headers) {
    const Table& t = *f->load.table;
    const Column *child = t.ColumnByName("CHILD"), *sex = t.ColumnByName("SEX"), *dob = t.ColumnByName("DOB");
    const auto& lines = f->load.report.record_lines;
    for (size_t r = 0; r < t.num_rows(); ++r) {
      const std::string id(Trim(CellText(child, r)));
      if (id.empty()) continue;
      const std::string s = NormaliseCode(CodeField::Sex, CellText(sex, r)).code;
      const std::optional<int32_t> b = CellDate(dob, r);
      auto [it, fresh] = seen.try_emplace(id, Seen{s, b, f->path});
      if (fresh) continue;
      Seen& was = it->second;
      const bool differs = (!s.empty() && !was.sex.empty() && s != was.sex) || (b && was.dob && *b != *was.dob);
      if (differs) {
        const auto rows = rows_of.find(id);
        out.AddAt({f->path, lines.size() == t.num_rows() ? lines[r] : 0}, id,
                  rows == rows_of.end() ? std::vector<size_t>{} : rows->second, "child-differs",
                  "Header: " + FactsText(s, b) + " here; " + FactsText(was.sex, was.dob) + " in " + was.file);
      }
      if (!s.empty()) was.sex = s;
      if (b) was.dob = b;
      was.file = f->path;
    }
  }
}

}  // namespace

std::string_view SeverityName(IssueSeverity s) { return s == IssueSeverity::Error ? "error" : "warning"; }

std::string_view RuleTitle(std::string_view rule) {
  if (rule == "end-before-start") return "end date before start date";
  if (rule == "overlap") return "overlapping records for one child";
  if (rule == "born-after-start") return "date of birth after the start";
  if (rule == "aged-18-or-over") return "looked after at 18 or over";
  if (rule == "missing-dob") return "missing date of birth";
  if (rule == "invalid-code") return "code not in its code list";
  if (rule == "duplicate") return "duplicate record";
  if (rule == "child-differs") return "child's sex or date of birth differs";
  return "unknown rule";
}

void CheckQuality(std::vector<Dataset>& datasets, const std::vector<SourceFile>& files) {
  const auto& kinds = CaseKinds();
  std::vector<size_t> checked;
  for (size_t i = 0; i < datasets.size(); ++i)
    if (datasets[i].table && std::find(kinds.begin(), kinds.end(), datasets[i].kind) != kinds.end()) checked.push_back(i);
  std::vector<Origins> origins;
  std::vector<Collector> collectors;
  origins.reserve(checked.size());
  collectors.reserve(checked.size());
  for (size_t i : checked) {
    const Dataset& d = datasets[i];
    origins.emplace_back(d, files);
    collectors.emplace_back(d, origins.back(), RoleColumn(d, Role::ChildId), RoleColumn(d, Role::Start));
    CheckDataset(d, collectors.back());
    if (d.format == SourceFormat::Ssda903Episodes) CheckHeaderReturns(d, files, collectors.back());
  }
  CheckChildFacts(datasets, collectors, checked);
  for (size_t k = 0; k < checked.size(); ++k)
    datasets[checked[k]].quality = std::make_shared<const DatasetQuality>(collectors[k].Finish());
}

}  // namespace csc
