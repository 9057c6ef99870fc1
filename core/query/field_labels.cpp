#include "query/field_labels.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "query/compiled_query.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

struct Word {
  const char* name;
  const char* label;
};

// The canonical tables' names (core/dataset's KindName and the Annex A lists).
constexpr Word kDatasets[] = {
    {"cp_plans", "Child protection plans"},
    {"lac_episodes", "Looked-after episodes"},
    {"cme_referrals", "Children missing education referrals"},
    {"missing_episodes", "Missing and away episodes"},
    {"referrals", "Referrals"},
    {"assessments", "Assessments"},
    {"assessment_factors", "Factors identified at assessment"},
    {"adoptions", "Adoptions"},
    {"population", "Population (0-17)"},
};

// The grammar's derived groupings, then the canonical columns (docs/DATA.md).
constexpr Word kDimensions[] = {
    {"period", "Period"},
    {"age-band", "Age band (DfE)"},
    {"age", "Age (single years)"},
    {"duration", "Duration band"},
    {"ethnic-group", "Ethnic group"},
    {"latest_category", "Latest category"},
    {"initial_category", "Initial category"},
    {"ward", "Ward"},
    {"sex", "Sex"},
    {"ethnicity", "Ethnicity"},
    {"previous_plans", "Previous plans"},
    {"legal_status", "Legal status"},
    {"category_of_need", "Category of need"},
    {"placement_type", "Placement type"},
    {"placement_provider", "Placement provider"},
    {"reason_new_episode", "Reason for new episode"},
    {"reason_ceased", "Reason ceased"},
    {"year_group", "Year group"},
    {"reason", "Reason"},
    {"outcome", "Outcome"},
    {"missing_type", "Missing or away"},
    {"looked_after", "Looked after"},
    {"return_interview_offered", "Return interview offered"},
    {"return_interview_accepted", "Return interview accepted"},
    {"return_interview_within_72h", "Return interview within 72 hours"},
    {"cse_concern", "CSE concern"},
    {"referral_source", "Referral source"},
    {"primary_need", "Primary need"},
    {"nfa", "No further action"},
    {"closure_reason", "Closure reason"},
    {"assessment_type", "Assessment type"},
    {"factor", "Factor identified"},
    {"re_referral", "Re-referral"},
    {"within_timescale", "Within timescale"},
    {"placed_within_12_months", "Placed within 12 months"},
};

constexpr Word kMeasures[] = {
    {"children", "Children (each counted once)"},
    {"episodes", "Episodes (each row counted)"},
    {"rate10k", "Rate per 10,000 children"},
    {"share", "Share of the whole (%)"},
    {"share:row", "Share of its row (%)"},
    {"share:column", "Share of its column (%)"},
    {"mean:duration", "Average duration (days)"},
    {"median:duration", "Median duration (days)"},
    {"mean:age", "Average age (years)"},
    {"ratio( / )", "Ratio of two counts (%)"},
};

const char* Find(const Word* begin, const Word* end, std::string_view name) {
  const std::string lower = ToLower(Trim(name));
  for (const Word* w = begin; w != end; ++w)
    if (lower == w->name) return w->label;
  return nullptr;
}

// A name no table knows: "child_age" -> "Child age".
std::string Readable(std::string_view name) {
  std::string s(Trim(name));
  std::replace(s.begin(), s.end(), '_', ' ');
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

bool IsId(const std::string& lower) {
  return lower == "id" || (lower.size() > 3 && lower.compare(lower.size() - 3, 3, "_id") == 0);
}

}  // namespace

std::string DatasetLabel(std::string_view table) {
  if (const char* label = Find(std::begin(kDatasets), std::end(kDatasets), table)) return label;
  return std::string(Trim(table));
}

std::string DimensionLabel(std::string_view dimension) {
  std::string_view base = Trim(dimension), suffix;
  if (const size_t colon = base.find(':'); colon != std::string_view::npos) {
    suffix = Trim(base.substr(colon + 1));
    base = Trim(base.substr(0, colon));
  }
  const char* known = Find(std::begin(kDimensions), std::end(kDimensions), base);
  std::string label = known ? known : Readable(base);
  // "top10" keeps the ten largest values, the rest as "Other".
  if (suffix.size() > 3 && ToLower(suffix.substr(0, 3)) == "top") label += " (top " + std::string(suffix.substr(3)) + ")";
  else if (!suffix.empty()) label += " (" + std::string(suffix) + ")";
  return label;
}

std::string MeasureLabel(std::string_view measure) {
  const std::string m = ToLower(Trim(measure));
  if (const char* label = Find(std::begin(kMeasures), std::end(kMeasures), m)) return label;
  if (m.rfind("ratio", 0) == 0) return m.rfind("ratio:children", 0) == 0 ? "Ratio of children (%)" : "Ratio of two counts (%)";
  if (m == "rate10k:children") return "Rate per 10,000 children";
  if (m == "rate10k:episodes") return "Episodes per 10,000 children";
  if (m == "share:whole") return "Share of the whole (%)";
  for (const char* kind : {"sum", "mean", "median"}) {
    const std::string prefix = std::string(kind) + ":";
    if (m.rfind(prefix, 0) == 0) {
      const std::string what = m.substr(prefix.size());
      const std::string of = what == "duration" ? "duration (days)" : what == "age" ? "age (years)" : Readable(what);
      const std::string word = kind == std::string("sum") ? "Sum" : kind == std::string("mean") ? "Average" : "Median";
      return word + " " + (what == "duration" || what == "age" ? of : "of " + of);
    }
  }
  return std::string(Trim(measure));
}

std::vector<FieldChoice> DimensionChoices(const Table& table) {
  std::vector<FieldChoice> out{{"period", DimensionLabel("period")}};
  // The dataset's own categories first, then where and who, as the slicers list them.
  auto rank = [](const std::string& lower) { return lower == "ward" ? 1 : lower == "sex" ? 2 : lower == "ethnicity" ? 3 : 0; };
  std::vector<std::pair<int, std::string>> columns;
  for (size_t i = 0; i < table.num_columns(); ++i) {
    const Column& c = table.column(i);
    const std::string& name = table.column_name(i);
    const std::string lower = ToLower(name);
    if (IsId(lower) || lower == "age" || lower == "period") continue;  // those words mean the derived groupings
    const bool coded = c.type() == ColumnType::Category && c.dictionary() && c.dictionary()->size() <= 64;
    // Small whole numbers (previous plans, year group) group as they are.
    const bool small_int = c.type() == ColumnType::Int && c.max_int() - c.min_int() < 32 && c.max_int() >= c.min_int();
    if (coded || small_int || c.type() == ColumnType::Bool) columns.emplace_back(rank(lower), name);
  }
  std::stable_sort(columns.begin(), columns.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [r, name] : columns) out.push_back({name, DimensionLabel(name)});
  const EventColumns roles = ResolveEventColumns(table, {});
  if (!roles.dob.empty()) {
    out.push_back({"age-band", DimensionLabel("age-band")});
    out.push_back({"age", DimensionLabel("age")});
  }
  if (!roles.start.empty()) out.push_back({"duration", DimensionLabel("duration")});
  if (!roles.ethnicity.empty()) out.push_back({"ethnic-group", DimensionLabel("ethnic-group")});
  return out;
}

const std::vector<FieldChoice>& MeasureChoices() {
  static const std::vector<FieldChoice> kChoices = [] {
    std::vector<FieldChoice> v;
    for (const Word& w : kMeasures) v.push_back({w.name, w.label});
    return v;
  }();
  return kChoices;
}

std::string FieldLabelsHelp() {
  std::string out = "Fields, as the explorer's picker names them:\n";
  auto section = [&](const char* title, const Word* begin, const Word* end) {
    out += std::string("  ") + title + ":\n";
    for (const Word* w = begin; w != end; ++w) {
      std::string name = w->name;
      name.resize(std::max<size_t>(name.size() + 2, 30), ' ');
      out += "    " + name + w->label + "\n";
    }
  };
  section("datasets (--table)", std::begin(kDatasets), std::end(kDatasets));
  section("groupings (--by)", std::begin(kDimensions), std::end(kDimensions));
  section("measures (--measure)", std::begin(kMeasures), std::end(kMeasures));
  return out;
}

std::vector<std::string> SplitTopLevel(std::string_view list) {
  std::vector<std::string> parts;
  int depth = 0;
  char quote = 0;
  size_t start = 0;
  for (size_t i = 0; i <= list.size(); ++i) {
    const char c = i < list.size() ? list[i] : ',';
    if (quote) {
      if (c == quote) quote = 0;
      if (i < list.size()) continue;
    }
    if (c == '\'' || c == '"' || c == '`') quote = c;
    else if (c == '(') ++depth;
    else if (c == ')' && depth > 0) --depth;
    else if (c == ',' && (depth == 0 || i == list.size())) {
      const std::string_view part = Trim(list.substr(start, i - start));
      if (!part.empty()) parts.emplace_back(part);
      start = i + 1;
    }
  }
  return parts;
}

}  // namespace csc
