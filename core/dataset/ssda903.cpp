#include "dataset/ssda903.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "dataset/canonical_builder.hpp"
#include "dataset/codes.hpp"
#include "dataset/ssda903_tables.hpp"
#include "dataset/unborn.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

struct ChildFacts {
  NormalisedCode sex, ethnicity;
  std::optional<int32_t> dob;
  std::string mother;  // MOTHER: 1 = the child is a mother, 0 = not; "" = not given
  bool recorded_unborn = false;  // SEX written as "unborn": dataset/unborn.hpp gives a blank dob
};

using Tally = UnknownCodeTally;

// Unknown sex and ethnicity codes are counted per output row (SetChild), so a dataset lists
// only the codes of children it holds.
std::map<std::string, ChildFacts> ReadHeaders(const std::vector<const Table*>& headers) {
  std::map<std::string, ChildFacts> children;
  for (const Table* t : headers) {
    const Column* child = t->ColumnByName("CHILD");
    const Column* sex = t->ColumnByName("SEX");
    const Column* dob = t->ColumnByName("DOB");
    const Column* ethnic = t->ColumnByName("ETHNIC");
    const Column* mother = t->ColumnByName("MOTHER");
    for (size_t r = 0; r < t->num_rows(); ++r) {
      const std::string id(Trim(CellText(child, r)));
      if (id.empty()) continue;
      ChildFacts& f = children[id];
      // A later return corrects an earlier one, but a blank never erases a value.
      if (NormalisedCode s = NormaliseCode(CodeField::Sex, CellText(sex, r)); !s.code.empty()) {
        f.sex = std::move(s);
        f.recorded_unborn = IsRecordedUnborn(CellText(sex, r));
      }
      if (NormalisedCode e = NormaliseCode(CodeField::Ethnicity, CellText(ethnic, r)); !e.code.empty())
        f.ethnicity = std::move(e);
      if (auto d = CellDate(dob, r)) f.dob = d;
      if (std::string m(Trim(CellText(mother, r))); !m.empty()) f.mother = std::move(m);
    }
  }
  return children;
}

struct Episode {
  std::string child;
  std::optional<int32_t> start, end;
  std::string ls, cin, place, provider, rne, rec;
  bool start_unreadable, end_unreadable;  // the date was there but could not be read
  // Carried beyond the canonical columns: the reason for a placement change, the Ofsted URN
  // of the placement, and the home and placement postcodes cut to their districts.
  std::string reason_place_change = {}, urn = {}, home_district = {}, placement_district = {};
};

bool AnyHas(const std::vector<const Table*>& tables, std::string_view column) {
  return std::any_of(tables.begin(), tables.end(), [&](const Table* t) { return t->FindColumn(column).has_value(); });
}

void SetChild(CanonicalBuilder& b, const std::string& id, const std::map<std::string, ChildFacts>& children,
              std::optional<int32_t> own_dob, size_t& unjoined, Tally& tally) {
  b.SetText(b.Index("child_id"), id);
  const auto it = children.find(id);
  if (it == children.end()) {
    ++unjoined;
    b.SetDate(b.Index("dob"), own_dob);
    return;
  }
  const ChildFacts& f = it->second;
  const std::optional<int32_t> dob = own_dob ? own_dob : f.dob;
  // Kept as written so the unborn rule (applied to every converted table) sees it.
  if (f.recorded_unborn && !dob) b.SetText(b.Index("sex"), "unborn");
  else b.SetText(b.Index("sex"), tally.Take(CodeField::Sex, f.sex.code, "sex"));
  b.SetDate(b.Index("dob"), dob);
  b.SetText(b.Index("ethnicity"), tally.Take(CodeField::Ethnicity, f.ethnicity.code, "ethnicity"));
}

Provenance Joined(const std::vector<const Table*>& parts) {
  Provenance p;
  for (const Table* t : parts) {
    p.path += (p.path.empty() ? "" : " + ") + t->provenance().path;
    p.file_bytes += t->provenance().file_bytes;
  }
  p.encoding = "ssda903";
  return p;
}

// Of two versions of the same episode or missing spell, the closed one; of two closed, the later return's.
template <class T>
void KeepBetter(T& kept, T&& incoming) {
  if (incoming.end || !kept.end) kept = std::move(incoming);
}

}  // namespace

std::vector<UnknownCodes> ToUnknownCodes(const std::map<std::string, std::map<std::string, size_t>>& counts) {
  std::vector<UnknownCodes> out;
  for (const auto& [column, codes] : counts) out.push_back({column, codes});
  return out;
}

ConvertedTable ConvertSsda903Episodes(const std::vector<const Table*>& headers, const std::vector<const Table*>& episodes) {
  Tally tally;
  const auto children = ReadHeaders(headers);
  std::vector<Episode> rows;
  std::map<std::pair<std::string, int32_t>, size_t> seen;
  size_t merged = 0, undated = 0;
  for (const Table* t : episodes) {
    const Column *child = t->ColumnByName("CHILD"), *decom = t->ColumnByName("DECOM"), *dec = t->ColumnByName("DEC");
    const Column *ls = t->ColumnByName("LS"), *cin = t->ColumnByName("CIN"), *place = t->ColumnByName("PLACE");
    const Column *provider = t->ColumnByName("PLACE_PROVIDER"), *rne = t->ColumnByName("RNE"),
                 *rec = t->ColumnByName("REC");
    const Column *rpc = t->ColumnByName("REASON_PLACE_CHANGE"), *urn = t->ColumnByName("URN"),
                 *home_post = t->ColumnByName("HOME_POST"), *pl_post = t->ColumnByName("PL_POST");
    for (size_t r = 0; r < t->num_rows(); ++r) {
      Episode e{std::string(Trim(CellText(child, r))),
                CellDate(decom, r),
                CellDate(dec, r),
                NormaliseCode(CodeField::LegalStatus, CellText(ls, r)).code,
                NormaliseCode(CodeField::CategoryOfNeed, CellText(cin, r)).code,
                NormaliseCode(CodeField::Placement, CellText(place, r)).code,
                NormaliseCode(CodeField::Provider, CellText(provider, r)).code,
                NormaliseCode(CodeField::ReasonNew, CellText(rne, r)).code,
                NormaliseCode(CodeField::ReasonCeased, CellText(rec, r)).code,
                CellUnreadable(decom, r),
                CellUnreadable(dec, r)};
      e.reason_place_change = std::string(Trim(CellText(rpc, r)));
      e.urn = std::string(Trim(CellText(urn, r)));
      e.home_district = PostcodeDistrict(CellText(home_post, r));
      e.placement_district = PostcodeDistrict(CellText(pl_post, r));
      if (!e.start) {  // cannot be matched across years; kept as it is
        ++undated;
        rows.push_back(std::move(e));
        continue;
      }
      const auto [it, fresh] = seen.try_emplace({e.child, *e.start}, rows.size());
      if (fresh) {
        rows.push_back(std::move(e));
      } else {
        ++merged;
        KeepBetter(rows[it->second], std::move(e));
      }
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Episode& a, const Episode& b) {
    return std::tie(a.child, a.start) < std::tie(b.child, b.start);
  });
  // Extra columns only where some return has the field, so older returns load as before.
  std::vector<std::pair<std::string, ColumnType>> extras;
  const bool has_rpc = AnyHas(episodes, "REASON_PLACE_CHANGE"), has_urn = AnyHas(episodes, "URN");
  const bool has_home = AnyHas(episodes, "HOME_POST"), has_pl = AnyHas(episodes, "PL_POST");
  const bool has_mother = AnyHas(headers, "MOTHER");
  if (has_rpc) extras.emplace_back("reason_place_change", ColumnType::Category);
  if (has_urn) extras.emplace_back("urn", ColumnType::Category);
  if (has_home) extras.emplace_back("home_district", ColumnType::Category);
  if (has_pl) extras.emplace_back("placement_district", ColumnType::Category);
  if (has_mother) extras.emplace_back("mother", ColumnType::Category);
  CanonicalBuilder b(DatasetKind::LacEpisodes, extras);
  const size_t period = b.Index("period_start");
  size_t unjoined = 0, x1 = 0;
  std::optional<int32_t> period_start;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Episode& e = rows[i];
    // X1 ends an episode only because the next began that day: the period of care goes on.
    const bool continues = i > 0 && rows[i - 1].child == e.child && rows[i - 1].rec == "X1" && rows[i - 1].end &&
                           e.start && *rows[i - 1].end == *e.start;
    if (!continues) period_start = e.start;
    x1 += e.rec == "X1";
    SetChild(b, e.child, children, std::nullopt, unjoined, tally);
    b.SetDate(period, period_start);
    b.SetDate(b.Index("episode_start"), e.start);
    b.SetDate(b.Index("episode_end"), e.end);
    if (e.start_unreadable) b.MarkUnreadable(b.Index("episode_start")), b.MarkUnreadable(period);
    if (e.end_unreadable) b.MarkUnreadable(b.Index("episode_end"));
    // Counted here, once per kept row, not once per return that repeated the episode.
    b.SetText(b.Index("legal_status"), tally.Take(CodeField::LegalStatus, e.ls, "legal_status"));
    b.SetText(b.Index("category_of_need"), tally.Take(CodeField::CategoryOfNeed, e.cin, "category_of_need"));
    b.SetText(b.Index("placement_type"), tally.Take(CodeField::Placement, e.place, "placement_type"));
    b.SetText(b.Index("placement_provider"), tally.Take(CodeField::Provider, e.provider, "placement_provider"));
    b.SetText(b.Index("reason_new_episode"), tally.Take(CodeField::ReasonNew, e.rne, "reason_new_episode"));
    b.SetText(b.Index("reason_ceased"), tally.Take(CodeField::ReasonCeased, e.rec, "reason_ceased"));
    if (has_rpc) b.SetText(b.Index("reason_place_change"), e.reason_place_change);
    if (has_urn) b.SetText(b.Index("urn"), e.urn);
    if (has_home) b.SetText(b.Index("home_district"), e.home_district);
    if (has_pl) b.SetText(b.Index("placement_district"), e.placement_district);
    if (has_mother) {
      const auto it = children.find(e.child);
      b.SetText(b.Index("mother"), it == children.end() ? "" : it->second.mother);
    }
    b.EndRow();
  }
  ConvertedTable out{b.Finish(Joined(episodes)), ToUnknownCodes(tally.counts()), {}};
  out.notes.push_back(std::to_string(merged) + " repeated episodes (same CHILD and DECOM in several returns) merged, keeping the closed version");
  out.notes.push_back(std::to_string(x1) + " episodes end with X1 (a new episode the same day; not a ceasing of care)");
  if (unjoined) out.notes.push_back(std::to_string(unjoined) + " episodes have no Header row for their CHILD (sex, dob and ethnicity left blank)");
  if (undated) out.notes.push_back(std::to_string(undated) + " episodes have no readable DECOM (kept, not de-duplicated)");
  if (AnyHas(headers, "UPN")) out.notes.push_back(kDroppedUpn);
  if (AnyHas(headers, "MC_DOB")) out.notes.push_back(kDroppedMcDob);
  if (has_home || has_pl) out.notes.push_back(kPostcodeDistricts);
  return out;
}

ConvertedTable ConvertSsda903Missing(const std::vector<const Table*>& headers, const std::vector<const Table*>& missing) {
  Tally tally;
  const auto children = ReadHeaders(headers);
  struct Spell {
    std::string child, type;
    std::optional<int32_t> dob, start, end;
    bool start_unreadable, end_unreadable;
  };
  std::vector<Spell> rows;
  std::map<std::pair<std::string, int32_t>, size_t> seen;
  size_t merged = 0;
  for (const Table* t : missing) {
    const Column *child = t->ColumnByName("CHILD"), *dob = t->ColumnByName("DOB"), *type = t->ColumnByName("MISSING");
    const Column *start = t->ColumnByName("MIS_START"), *end = t->ColumnByName("MIS_END");
    for (size_t r = 0; r < t->num_rows(); ++r) {
      Spell s{std::string(Trim(CellText(child, r))), NormaliseCode(CodeField::MissingType, CellText(type, r)).code,
              CellDate(dob, r), CellDate(start, r), CellDate(end, r), CellUnreadable(start, r), CellUnreadable(end, r)};
      if (!s.start) {
        rows.push_back(std::move(s));
        continue;
      }
      const auto [it, fresh] = seen.try_emplace({s.child, *s.start}, rows.size());
      if (fresh) rows.push_back(std::move(s));
      else ++merged, KeepBetter(rows[it->second], std::move(s));
    }
  }
  CanonicalBuilder b(DatasetKind::MissingEpisodes);
  size_t unjoined = 0;
  for (const Spell& s : rows) {
    SetChild(b, s.child, children, s.dob, unjoined, tally);
    b.SetDate(b.Index("missing_start"), s.start);
    b.SetDate(b.Index("missing_end"), s.end);
    if (s.start_unreadable) b.MarkUnreadable(b.Index("missing_start"));
    if (s.end_unreadable) b.MarkUnreadable(b.Index("missing_end"));
    b.SetText(b.Index("missing_type"), tally.Take(CodeField::MissingType, s.type, "missing_type"));
    b.SetText(b.Index("looked_after"), "Y");  // the 903 records missing spells of looked-after children only
    b.EndRow();
  }
  ConvertedTable out{b.Finish(Joined(missing)), ToUnknownCodes(tally.counts()), {}};
  out.notes.push_back(std::to_string(merged) + " repeated missing episodes (same CHILD and MIS_START) merged, keeping the closed version");
  if (unjoined) out.notes.push_back(std::to_string(unjoined) + " missing episodes have no Header row for their CHILD");
  return out;
}

}  // namespace csc
