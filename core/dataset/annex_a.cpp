#include "dataset/annex_a.hpp"

#include <algorithm>
#include <map>

#include "dataset/canonical_builder.hpp"
#include "dataset/codes.hpp"
#include "dataset/recognise.hpp"
#include "time/civil_date.hpp"
#include "time/periods.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

// canonical name -> source column, first match wins
std::map<std::string, const Column*> FindFields(SourceFormat list, const Table& t) {
  std::map<std::string, const Column*> found;
  for (size_t c = 0; c < t.num_columns(); ++c) {
    const AnnexAField f = MatchAnnexAColumn(list, t.column_name(c));
    if (!f.canonical.empty()) found.try_emplace(f.canonical, &t.column(c));
  }
  return found;
}

const Column* Get(const std::map<std::string, const Column*>& fields, const std::string& name) {
  const auto it = fields.find(name);
  return it == fields.end() ? nullptr : it->second;
}

void SetChildColumns(CanonicalBuilder& b, const std::map<std::string, const Column*>& f, size_t r, UnknownCodeTally& tally) {
  b.SetText(b.Index("child_id"), std::string(Trim(CellText(Get(f, "child_id"), r))));
  b.SetText(b.Index("sex"), tally.Take(CodeField::Sex, CellText(Get(f, "sex"), r), "sex"));
  b.SetDateFrom(b.Index("dob"), Get(f, "dob"), r);
  b.SetText(b.Index("ethnicity"), tally.Take(CodeField::Ethnicity, CellText(Get(f, "ethnicity"), r), "ethnicity"));
  b.SetText(b.Index("ward"), std::string(Trim(CellText(Get(f, "ward"), r))));
}

Provenance From(const Table& t, const char* format) {
  Provenance p = t.provenance();
  p.encoding = format;
  return p;
}

}  // namespace

// A child recorded as unborn with no date of birth is Unborn at every date the list speaks
// for: the list is taken as at the end of the financial year of the last date it holds
// (Annex A lists are pulled for a year ending 31 March), so the date of birth is taken as
// the next 1 April. A recorded date of birth (an expected one, for an unborn child) is kept.
std::optional<int32_t> UnbornUntil(const std::map<std::string, const Column*>& f, const Table& t) {
  std::optional<int32_t> last;
  for (const char* name : {"plan_start", "plan_end"})
    for (size_t r = 0; r < t.num_rows(); ++r)
      if (const auto d = CellDate(Get(f, name), r)) last = std::max(last.value_or(*d), *d);
  if (!last) return std::nullopt;
  const CivilDate c = CivilFromDays(*last);
  return FinancialYearPeriod(c.month >= 4 ? c.year : c.year - 1).last + 1;
}

bool RecordedUnborn(const std::map<std::string, const Column*>& f, size_t r) {
  return EqualsIgnoreCase(Trim(StripListPrefix(CellText(Get(f, "sex"), r))), "unborn");
}

ConvertedTable ConvertAnnexAList7(const Table& t) {
  const auto f = FindFields(SourceFormat::AnnexAList7, t);
  UnknownCodeTally tally;
  CanonicalBuilder b(DatasetKind::CpPlans);
  size_t unreadable_previous = 0, unborn_without_dob = 0;
  const std::optional<int32_t> unborn_until = UnbornUntil(f, t);
  for (size_t r = 0; r < t.num_rows(); ++r) {
    SetChildColumns(b, f, r, tally);
    if (!CellDate(Get(f, "dob"), r) && RecordedUnborn(f, r) && unborn_until) {
      b.SetDate(b.Index("dob"), unborn_until);
      ++unborn_without_dob;
    }
    b.SetDateFrom(b.Index("plan_start"), Get(f, "plan_start"), r);
    b.SetDateFrom(b.Index("plan_end"), Get(f, "plan_end"), r);
    b.SetText(b.Index("initial_category"), tally.Take(CodeField::Abuse, CellText(Get(f, "initial_category"), r), "initial_category"));
    b.SetText(b.Index("latest_category"), tally.Take(CodeField::Abuse, CellText(Get(f, "latest_category"), r), "latest_category"));
    const Column* previous = Get(f, "previous_plans");
    const auto n = CellInt(previous, r);
    if (!n && !CellText(previous, r).empty()) ++unreadable_previous;
    b.SetInt(b.Index("previous_plans"), n);
    b.EndRow();
  }
  ConvertedTable out{b.Finish(From(t, "annex-a-list-7")), ToUnknownCodes(tally.counts()), {}};
  for (const char* needed : {"child_id", "plan_start", "latest_category"})
    if (!Get(f, needed)) out.notes.push_back(std::string("no column found for ") + needed);
  if (unreadable_previous)
    out.notes.push_back(std::to_string(unreadable_previous) + " 'number of previous plans' cells are not numbers (left blank)");
  if (unborn_without_dob)
    out.notes.push_back(std::to_string(unborn_without_dob) + " children recorded as unborn with no date of birth: counted as Unborn up to " +
                        FormatIsoDate(*unborn_until - 1) + " (the end of the list's year; their date of birth taken as " +
                        FormatIsoDate(*unborn_until) + ")");
  return out;
}

ConvertedTable ConvertAnnexAList8(const Table& t) {
  const auto f = FindFields(SourceFormat::AnnexAList8, t);
  UnknownCodeTally tally;
  CanonicalBuilder b(DatasetKind::LacEpisodes, {{"placements_12m", ColumnType::Int},
                                                {"missing_episodes_12m", ColumnType::Int},
                                                {"absent_episodes_12m", ColumnType::Int},
                                                {"return_interview_offered", ColumnType::Bool},
                                                {"return_interview_accepted", ColumnType::Bool}});
  static const std::pair<const char*, CodeField> kCoded[] = {{"legal_status", CodeField::LegalStatus},
                                                             {"category_of_need", CodeField::CategoryOfNeed},
                                                             {"placement_type", CodeField::Placement},
                                                             {"placement_provider", CodeField::Provider},
                                                             {"reason_ceased", CodeField::ReasonCeased}};
  for (size_t r = 0; r < t.num_rows(); ++r) {
    SetChildColumns(b, f, r, tally);
    const auto period = CellDate(Get(f, "period_start"), r);
    const auto placement = CellDate(Get(f, "episode_start"), r);
    b.SetDate(b.Index("period_start"), period);
    b.SetDate(b.Index("episode_start"), placement ? placement : period);
    b.SetDateFrom(b.Index("episode_end"), Get(f, "episode_end"), r);
    for (const auto& [name, field] : kCoded) b.SetText(b.Index(name), tally.Take(field, CellText(Get(f, name), r), name));
    for (const char* count : {"placements_12m", "missing_episodes_12m", "absent_episodes_12m"})
      b.SetInt(b.Index(count), CellInt(Get(f, count), r));
    for (const char* flag : {"return_interview_offered", "return_interview_accepted"})
      b.SetText(b.Index(flag), std::string(StripListPrefix(CellText(Get(f, flag), r))));
    b.EndRow();
  }
  ConvertedTable out{b.Finish(From(t, "annex-a-list-8")), ToUnknownCodes(tally.counts()), {}};
  for (const char* needed : {"child_id", "period_start", "legal_status"})
    if (!Get(f, needed)) out.notes.push_back(std::string("no column found for ") + needed);
  return out;
}

}  // namespace csc
