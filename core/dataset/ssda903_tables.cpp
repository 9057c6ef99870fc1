#include "dataset/ssda903_tables.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "dataset/canonical_builder.hpp"
#include "dataset/codes.hpp"
#include "dataset/recognise.hpp"
#include "storage/column_builder.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

struct TableSpec {
  SourceFormat format;
  std::string_view topic;
  std::vector<std::string_view> signature;  // normalised names, any one of which marks the table
  std::string_view start, end;              // normalised names of the event dates ("" = none)
};

const std::vector<TableSpec>& Specs() {
  static const std::vector<TableSpec> kSpecs = {
      {SourceFormat::Ssda903Reviews, "reviews", {"review code"}, "review", ""},
      {SourceFormat::Ssda903Uasc, "uasc", {"duc"}, "", "duc"},
      {SourceFormat::Ssda903Oc2, "oc2", {"sdq score", "health check", "convicted"}, "", ""},
      {SourceFormat::Ssda903Oc3, "oc3", {"in touch", "accom"}, "", ""},
      {SourceFormat::Ssda903Ad1, "ad1", {"date int", "date match"}, "date int", "date match"},
      {SourceFormat::Ssda903PlacedAdoption, "placed_adoption", {"date placed"}, "date placed", "date placed ceased"},
      {SourceFormat::Ssda903PrevPerm, "prev_perm", {"prev perm"}, "date perm", ""},
      {SourceFormat::Ssda903SwEpisodes, "sw_episodes", {"sw decom", "sw id"}, "sw decom", "sw dec"},
  };
  return kSpecs;
}

const TableSpec* SpecOf(SourceFormat format) {
  for (const TableSpec& s : Specs())
    if (s.format == format) return &s;
  return nullptr;
}

// One source column copied one to one, text trimmed (SEX coded), unreadable cells kept so.
Column CopyColumn(const Column& src, bool sex, UnknownCodeTally& tally) {
  // SEX is a code whatever the loader made of it (1/2 reads as a number).
  const bool text = sex || IsStringType(src.type());
  ColumnBuilder b(text ? ColumnType::Category : src.type(), src.size());
  for (size_t r = 0; r < src.size(); ++r) {
    if (!src.IsValid(r)) {
      b.AppendNull();
    } else if (text) {
      const std::string cell = CellText(&src, r);
      const std::string_view raw = Trim(cell);
      const std::string value = sex ? tally.Take(CodeField::Sex, raw, "sex") : std::string(raw);
      value.empty() ? b.AppendNull() : b.AppendString(value);
    } else if (src.type() == ColumnType::Decimal) {
      b.AppendDouble(src.GetDouble(r));
    } else {
      b.AppendInt(src.GetInt(r));
    }
  }
  Column out = b.Finish();
  if (const UnreadableCells* u = src.unreadable(); u && u->count) {
    std::vector<uint8_t> per_row(src.size(), 0);
    for (size_t r = 0; r < src.size(); ++r) per_row[r] = src.IsUnreadable(r);
    out.AttachUnreadable(MakeUnreadableCells(per_row, src.size()));
  }
  return out;
}

std::string SnakeName(std::string_view name) {
  std::string n = NormaliseHeaderName(name);
  std::replace(n.begin(), n.end(), ' ', '_');
  return n.empty() ? "column" : n;
}

}  // namespace

SourceFormat Ssda903TableOfHeader(const std::vector<std::string>& header) {
  std::vector<std::string> n;
  for (const auto& h : header) n.push_back(NormaliseHeaderName(h));
  auto has = [&](std::string_view name) { return std::find(n.begin(), n.end(), name) != n.end(); };
  if (!has("child")) return SourceFormat::Unrecognised;
  for (const TableSpec& s : Specs())
    for (std::string_view sig : s.signature)
      if (has(sig)) return s.format;
  return SourceFormat::Unrecognised;
}

std::string_view Ssda903TableTopic(SourceFormat format) {
  const TableSpec* s = SpecOf(format);
  return s ? s->topic : "";
}

ConvertedTable ConvertSsda903Table(const Table& t, SourceFormat format) {
  const TableSpec* spec = SpecOf(format);
  UnknownCodeTally tally;
  TableBuilder tb;
  ConvertedTable out;
  std::optional<size_t> start, end;
  for (size_t c = 0; c < t.num_columns(); ++c) {
    const std::string n = NormaliseHeaderName(t.column_name(c));
    if (n == "upn") {  // never carried: see kDroppedUpn
      out.notes.push_back(kDroppedUpn);
      continue;
    }
    const std::string name = n == "child" ? "child_id" : SnakeName(t.column_name(c));
    tb.AddColumn(name, CopyColumn(t.column(c), n == "sex", tally));
    if (spec && n == spec->start) start = c;
    if (spec && !spec->end.empty() && n == spec->end) end = c;
  }
  for (const auto& [role_name, column] : {std::pair{"start_date", start}, std::pair{"end_date", end}}) {
    if (!column) continue;
    if (t.column(*column).type() != ColumnType::Date) {
      out.notes.push_back("'" + t.column_name(*column) + "' is not a date column: no " + role_name);
      continue;
    }
    tb.AddColumn(role_name, CopyColumn(t.column(*column), false, tally));
    out.notes.push_back(std::string(role_name) + " is '" + t.column_name(*column) + "'");
    if (const UnreadableCells* u = t.column(*column).unreadable(); u && u->count)
      out.notes.push_back(WithThousands(static_cast<long long>(u->count)) +
                          (u->count == 1 ? " record has an unreadable " : " records have an unreadable ") +
                          t.column_name(*column) + ": left out of counts that need it");
  }
  Provenance p = t.provenance();
  p.encoding = std::string(FormatName(format));
  out.table = tb.Finish(std::move(p));
  out.unknown_codes = ToUnknownCodes(tally.counts());
  return out;
}

std::string PostcodeDistrict(std::string_view postcode) {
  std::string s;
  for (char c : Trim(postcode))
    if (c != ' ') s += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  // A UK postcode is an outward code (2-4 characters) and an inward code (digit + 2 letters).
  if (s.size() < 5 || s.size() > 7) return "";
  const std::string inward = s.substr(s.size() - 3);
  if (!(inward[0] >= '0' && inward[0] <= '9') || !std::isalpha(static_cast<unsigned char>(inward[1])) ||
      !std::isalpha(static_cast<unsigned char>(inward[2])))
    return "";
  const std::string outward = s.substr(0, s.size() - 3);
  if (!std::isalpha(static_cast<unsigned char>(outward[0]))) return "";
  return outward;
}

}  // namespace csc
