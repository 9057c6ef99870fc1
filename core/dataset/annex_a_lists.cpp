#include "dataset/annex_a_lists.hpp"

#include <algorithm>
#include <optional>

#include "dataset/codes.hpp"
#include "dataset/recognise.hpp"
#include "storage/column_builder.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

bool Has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

// Each list's event dates, as normalised header fragments: the first column containing one
// of `start` becomes start_date, of `end` end_date (empty = the list has none).
struct ListDates {
  std::vector<std::string_view> start, end;
};

ListDates DatesOf(int list) {
  switch (list) {
    case 1: return {{"date of contact"}, {}};
    case 2: return {{"assessment start date", "start date"}, {"assessment completion date", "completion date"}};
    case 3: return {{"date of referral", "referral date"}, {}};
    case 4: return {{"assessment start date", "start date"}, {"date of authorisation", "authorisation date", "completion date"}};
    case 5: return {{"section 47 enquiry start date", "s47 start date", "start date"}, {"date of initial child protection conference"}};
    case 6: return {{"cin start date", "start date"}, {"cin closure date", "closure date"}};
    case 10: return {{"decision that child should be placed for adoption"}, {"date placed for adoption"}};
    case 11: return {{"date enquiry received"}, {"date of leaving adoption process"}};
    default: return {};
  }
}

std::string SnakeName(const std::string& header) {
  std::string s = NormaliseHeaderName(header);
  std::replace(s.begin(), s.end(), ' ', '_');
  return s.empty() ? "column" : s;
}

std::optional<size_t> FindDate(const Table& t, const std::vector<std::string_view>& fragments) {
  for (std::string_view f : fragments)
    for (size_t c = 0; c < t.num_columns(); ++c)
      if (Has(NormaliseHeaderName(t.column_name(c)), f)) return c;
  return std::nullopt;
}

// One source column copied into a new column, text values normalised.
Column CopyColumn(const Column& src, const std::string& canonical, UnknownCodeTally& tally, ColumnType& type_out) {
  const ColumnType type = src.type();
  std::optional<CodeField> field;
  if (canonical == "sex") field = CodeField::Sex;
  if (canonical == "ethnicity") field = CodeField::Ethnicity;
  const bool text = IsStringType(type);
  ColumnBuilder b(text ? ColumnType::Text : type, src.size());
  for (size_t r = 0; r < src.size(); ++r) {
    if (!src.IsValid(r)) {
      b.AppendNull();
    } else if (text) {
      const std::string_view raw = Trim(src.GetString(r));
      const std::string value = field ? tally.Take(*field, raw, canonical) : std::string(Trim(StripListPrefix(raw)));
      if (value.empty()) b.AppendNull();
      else b.AppendString(value);
    } else if (type == ColumnType::Decimal) {
      b.AppendDouble(src.GetDouble(r));
    } else {
      b.AppendInt(src.GetInt(r));
    }
  }
  type_out = text ? ColumnType::Text : type;
  Column out = b.Finish();
  // Rows copy one to one, so the source's unreadable cells stay unreadable here: a count
  // that needs the date leaves them out and says so, as on every other dataset.
  if (const UnreadableCells* u = src.unreadable(); u && u->count) {
    std::vector<uint8_t> per_row(src.size(), 0);
    for (size_t r = 0; r < src.size(); ++r) per_row[r] = src.IsUnreadable(r);
    out.AttachUnreadable(MakeUnreadableCells(per_row, src.size()));
  }
  return out;
}

}  // namespace

int AnnexAOtherListOfHeader(const std::vector<std::string>& header) {
  std::vector<std::string> n;
  for (const auto& h : header) n.push_back(NormaliseHeaderName(h));
  auto any = [&](auto&& pred) { return std::any_of(n.begin(), n.end(), pred); };
  auto contains = [&](std::string_view part) { return any([&](const std::string& s) { return Has(s, part); }); };
  if (contains("adopter identifier")) return 11;
  const bool child = any([](const std::string& s) { return Has(s, "unique id") || s == "child id" || s == "child"; });
  if (!child) return 0;
  if (contains("decision that child should be placed for adoption")) return 10;
  if (contains("eligibility category") || contains("la in touch")) return 9;
  if (contains("section 47")) return 5;
  if (contains("cin start date") || contains("cin closure")) return 6;
  if (contains("date of referral")) return 3;
  if (contains("date of contact")) return 1;
  if (contains("continuous assessment") || (contains("assessment") && contains("authorisation"))) return 4;
  if (contains("organisation completing assessment") || contains("early help")) return 2;
  return 0;
}

int AnnexAListOfSheetName(std::string_view sheet) {
  const std::string n = NormaliseHeaderName(sheet);
  size_t at = n.find("list");
  if (at == std::string::npos) return 0;
  at += 4;
  while (at < n.size() && n[at] == ' ') ++at;
  int list = 0;
  size_t digits = 0;
  while (at < n.size() && n[at] >= '0' && n[at] <= '9' && digits < 2) list = list * 10 + (n[at++] - '0'), ++digits;
  if (at < n.size() && n[at] >= '0' && n[at] <= '9') return 0;  // "list 123" is not a list
  return list >= 1 && list <= 11 ? list : 0;
}

std::string_view AnnexAListTopic(int list) {
  static constexpr std::string_view kTopics[] = {"",
                                                 "contacts",
                                                 "early_help",
                                                 "referrals",
                                                 "assessments",
                                                 "section_47",
                                                 "children_in_need",
                                                 "child_protection",
                                                 "looked_after",
                                                 "care_leavers",
                                                 "adoption",
                                                 "adopters"};
  return list >= 1 && list <= 11 ? kTopics[list] : "";
}

SourceFormat AnnexAListFormat(int list) {
  static constexpr SourceFormat kFormats[] = {
      SourceFormat::Unrecognised, SourceFormat::AnnexAList1, SourceFormat::AnnexAList2, SourceFormat::AnnexAList3,
      SourceFormat::AnnexAList4,  SourceFormat::AnnexAList5, SourceFormat::AnnexAList6, SourceFormat::AnnexAList7,
      SourceFormat::AnnexAList8,  SourceFormat::AnnexAList9, SourceFormat::AnnexAList10, SourceFormat::AnnexAList11};
  return list >= 1 && list <= 11 ? kFormats[list] : SourceFormat::Unrecognised;
}

int AnnexAListNumber(SourceFormat format) {
  for (int list = 1; list <= 11; ++list)
    if (AnnexAListFormat(list) == format) return list;
  return 0;
}

ConvertedTable ConvertAnnexAOtherList(const Table& t, int list) {
  UnknownCodeTally tally;
  TableBuilder tb;
  std::vector<std::string> used;
  auto free_name = [&](std::string name) {
    std::string candidate = name;
    for (int i = 2; std::find(used.begin(), used.end(), candidate) != used.end(); ++i)
      candidate = name + "_" + std::to_string(i);
    used.push_back(candidate);
    return candidate;
  };
  // The child's own columns take the names every dataset uses, so links and slicers agree.
  std::vector<std::string> names(t.num_columns());
  for (size_t c = 0; c < t.num_columns(); ++c) {
    const std::string n = NormaliseHeaderName(t.column_name(c));
    std::string canonical;
    if (list != 11 && (Has(n, "unique id") || n == "child id")) canonical = "child_id";
    else if (n == "gender" || n == "sex") canonical = "sex";
    else if (n == "ethnicity" || n == "ethnic origin") canonical = "ethnicity";
    else if (n == "date of birth" || n == "dob") canonical = "dob";
    names[c] = canonical.empty() ? SnakeName(t.column_name(c)) : canonical;
  }
  for (size_t c = 0; c < t.num_columns(); ++c) {
    ColumnType type{};
    tb.AddColumn(free_name(names[c]), CopyColumn(t.column(c), names[c], tally, type));
  }
  ConvertedTable out;
  const ListDates dates = DatesOf(list);
  for (const auto& [role_name, fragments] : {std::pair{"start_date", dates.start}, std::pair{"end_date", dates.end}}) {
    if (fragments.empty()) continue;
    const std::optional<size_t> c = FindDate(t, fragments);
    if (!c) {
      out.notes.push_back(std::string("no column found for ") + role_name + " (" + std::string(fragments.front()) + ")");
      continue;
    }
    if (t.column(*c).type() != ColumnType::Date) {
      out.notes.push_back("'" + t.column_name(*c) + "' is not a date column: no " + role_name);
      continue;
    }
    ColumnType type{};
    tb.AddColumn(free_name(role_name), CopyColumn(t.column(*c), "", tally, type));
    out.notes.push_back(std::string(role_name) + " is '" + t.column_name(*c) + "'");
    if (const UnreadableCells* u = t.column(*c).unreadable(); u && u->count)
      out.notes.push_back(WithThousands(static_cast<long long>(u->count)) + (u->count == 1 ? " record has an" : " records have an") +
                          " unreadable " + (std::string_view(role_name) == "start_date" ? "start" : "end") + " date ('" +
                          t.column_name(*c) + "'): left out of counts that need it");
  }
  Provenance p = t.provenance();
  p.encoding = "annex-a-list-" + std::to_string(list);
  out.table = tb.Finish(std::move(p));
  out.unknown_codes = ToUnknownCodes(tally.counts());
  return out;
}

}  // namespace csc
