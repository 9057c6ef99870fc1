#include "dataset/codes.hpp"

#include <algorithm>
#include <utility>

#include "util/text.hpp"

namespace csc {

namespace {

struct Label {
  std::string_view code;
  std::vector<std::string_view> texts;  // compared after Squash()
};

// Lower-case letters and digits only, so "White - British" equals "white british".
std::string Squash(std::string_view s) {
  std::string out;
  for (char c : s)
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    else if (c >= 'A' && c <= 'Z') out += ToLowerAscii(c);
  return out;
}

const std::vector<Label>& LabelsOf(CodeField field) {
  static const std::vector<Label> kSex = {
      {"M", {"male", "boy", "1", "man"}},
      {"F", {"female", "girl", "2", "woman"}},
      {"U", {"unknown", "unborn", "not known", "not stated", "indeterminate", "0", "9", "not specified"}}};
  static const std::vector<Label> kAbuse = {{"NEG", {"neglect"}},
                                            {"PHY", {"physical abuse", "physical"}},
                                            {"SAB", {"sexual abuse", "sexual"}},
                                            {"EMO", {"emotional abuse", "emotional"}},
                                            {"MUL", {"multiple", "multiple not recommended", "mixed"}}};
  static const std::vector<Label> kEthnicity = {
      {"WBRI", {"white british", "british"}},
      {"WIRI", {"white irish", "irish"}},
      {"WOTH", {"any other white background", "white other", "other white"}},
      {"WIRT", {"traveller of irish heritage", "white traveller of irish heritage"}},
      {"WROM", {"gypsy roma", "white gypsy roma", "gypsy", "roma"}},
      {"MWBC", {"white and black caribbean", "mixed white and black caribbean"}},
      {"MWBA", {"white and black african", "mixed white and black african"}},
      {"MWAS", {"white and asian", "mixed white and asian"}},
      {"MOTH", {"any other mixed background", "mixed other", "other mixed"}},
      {"AIND", {"indian", "asian indian"}},
      {"APKN", {"pakistani", "asian pakistani"}},
      {"ABAN", {"bangladeshi", "asian bangladeshi"}},
      {"AOTH", {"any other asian background", "asian other", "other asian"}},
      {"BCRB", {"caribbean", "black caribbean"}},
      {"BAFR", {"african", "black african"}},
      {"BOTH", {"any other black background", "black other", "other black"}},
      {"CHNE", {"chinese"}},
      {"OOTH", {"any other ethnic group", "other ethnic group", "other"}},
      {"REFU", {"refused", "declined"}},
      {"NOBT", {"information not yet obtained", "not obtained", "not yet obtained", "not known"}}};
  static const std::vector<Label> kMissing = {{"M", {"missing"}}, {"A", {"away", "absent"}}};
  static const std::vector<Label> kYesNo = {{"Y", {"yes", "y", "true"}}, {"N", {"no", "n", "false"}}};
  static const std::vector<Label> kNone;
  switch (field) {
    case CodeField::Sex: return kSex;
    case CodeField::Abuse: return kAbuse;
    case CodeField::Ethnicity: return kEthnicity;
    case CodeField::MissingType: return kMissing;
    case CodeField::YesNo: return kYesNo;
    default: return kNone;
  }
}

const std::vector<std::string>& CodesOf(CodeField field) {
  static const std::vector<std::string> kYesNo = {"Y", "N"};
  switch (field) {
    case CodeField::Sex: return codes::kSex;
    case CodeField::Ethnicity: return codes::kEthnicity;
    case CodeField::Abuse: return codes::kAbuse;
    case CodeField::LegalStatus: return codes::kLegalStatus;
    case CodeField::CategoryOfNeed: return codes::kCategoryOfNeed;
    case CodeField::Placement: return codes::kPlacement;
    case CodeField::Provider: return codes::kProvider;
    case CodeField::ReasonNew: return codes::kReasonNew;
    case CodeField::ReasonCeased: return codes::kReasonCeased;
    case CodeField::MissingType: return codes::kMissingType;
    case CodeField::YesNo: return kYesNo;
  }
  return codes::kSex;
}

bool IsCodeEnd(char c) { return c == ' ' || c == ':' || c == '-' || c == ')' || c == '.' || c == ',' || c == '\t'; }

}  // namespace

std::string_view StripListPrefix(std::string_view s) {
  s = Trim(s);
  size_t i = 0;
  if (i < s.size() && s[i] == '(') ++i;
  const size_t letters = i;
  while (i < s.size() && i - letters < 2 && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) ++i;
  // One or two letters then ')' and a space: a list marker, not a code like "C2)".
  if (i > letters && i + 1 < s.size() && s[i] == ')' && s[i + 1] == ' ') return Trim(s.substr(i + 1));
  return s;
}

NormalisedCode NormaliseCode(CodeField field, std::string_view raw) {
  const std::string_view trimmed = Trim(raw);
  if (trimmed.empty()) return {"", true};
  const std::string_view s = StripListPrefix(trimmed);
  // A code at the start ("N1 - Abuse or Neglect", "U6: Foster", "WBRI"), longest first so
  // Z11 wins over Z1.
  const auto& list = CodesOf(field);
  const std::string* best = nullptr;
  for (const std::string& code : list) {
    if (s.size() < code.size() || !StartsWithIgnoreCase(s, code)) continue;
    if (s.size() > code.size() && !IsCodeEnd(s[code.size()])) continue;
    if (!best || code.size() > best->size()) best = &code;
  }
  // A one-letter code must stand alone or be followed by a separator and a label; "M"
  // must not be read out of "Missing" (IsCodeEnd already demands the separator).
  if (best) return {*best, true};
  const std::string squashed = Squash(s);
  for (const Label& label : LabelsOf(field))
    for (std::string_view text : label.texts)
      if (squashed == Squash(text)) return {std::string(label.code), true};
  return {std::string(trimmed), false};
}

std::optional<CodeField> CodeFieldForColumn(std::string_view canonical) {
  static const std::pair<std::string_view, CodeField> kFields[] = {
      {"sex", CodeField::Sex},
      {"ethnicity", CodeField::Ethnicity},
      {"initial_category", CodeField::Abuse},
      {"latest_category", CodeField::Abuse},
      {"legal_status", CodeField::LegalStatus},
      {"category_of_need", CodeField::CategoryOfNeed},
      {"placement_type", CodeField::Placement},
      {"placement_provider", CodeField::Provider},
      {"reason_new_episode", CodeField::ReasonNew},
      {"reason_ceased", CodeField::ReasonCeased},
      {"missing_type", CodeField::MissingType}};
  for (const auto& [name, field] : kFields)
    if (name == canonical) return field;
  return std::nullopt;
}

std::string UnknownCodeTally::Take(CodeField field, std::string_view raw, const std::string& column) {
  NormalisedCode n = NormaliseCode(field, raw);
  if (!n.known) ++m_counts[column][n.code];
  return std::move(n.code);
}

}  // namespace csc
