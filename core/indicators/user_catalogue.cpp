#include "indicators/user_catalogue.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "util/atomic_file.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

using Json = nlohmann::json;
constexpr const char* kName = "my indicators";

[[noreturn]] void Fail(const IndicatorDraft& d, const std::string& field, const std::string& why) {
  throw CatalogueError(std::string(kName) + ": indicator " + (d.id.empty() ? "?" : d.id) + ": " + field + ": " + why);
}

// "a: 1, b: 2" or "a = 1; b = 2" (one pair per comma, semicolon or line) as key, value pairs.
std::vector<std::pair<std::string, std::string>> Pairs(const IndicatorDraft& d, const std::string& field,
                                                       const std::string& text, const char* example) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string normalised = text;
  for (char& c : normalised)
    if (c == ';' || c == '\n' || c == ',') c = ',';
  for (std::string_view item : Split(normalised, ',')) {
    item = Trim(item);
    if (item.empty()) continue;
    const size_t sep = item.find_first_of(":=");
    if (sep == std::string_view::npos || Trim(item.substr(0, sep)).empty() || Trim(item.substr(sep + 1)).empty())
      Fail(d, field, "'" + std::string(item) + "': expected " + example);
    out.push_back({std::string(Trim(item.substr(0, sep))), std::string(Trim(item.substr(sep + 1)))});
  }
  return out;
}

Json Entry(const IndicatorDraft& d) {
  Json j;
  j["id"] = std::string(Trim(d.id));
  j["name"] = std::string(Trim(d.name));
  j["polarity"] = d.polarity;
  j["unit"] = d.unit;
  j["decimals"] = d.decimals;
  if (!Trim(d.numerator).empty()) j["numerator"] = std::string(Trim(d.numerator));
  else Fail(d, "numerator", "missing: give the count as a query, e.g. cp_plans --period fy:{year} --count started");
  if (!Trim(d.denominator).empty()) j["denominator"] = std::string(Trim(d.denominator));
  Json targets = Json::object();
  for (const auto& [year, value] : Pairs(d, "targets", d.targets, "YEAR: NUMBER, e.g. 2012-13: 13.3")) {
    char* end = nullptr;
    const double v = std::strtod(value.c_str(), &end);
    if (end == value.c_str() || *end != '\0') Fail(d, "targets." + year, "'" + value + "' is not a number");
    targets[year] = v;
  }
  if (!targets.empty()) j["targets"] = targets;
  if (!Trim(d.benchmark_file).empty()) {
    Json b;
    b["file"] = std::string(Trim(d.benchmark_file));
    b["column"] = std::string(Trim(d.benchmark_column));
    Json where = Json::object();
    for (const auto& [column, value] : Pairs(d, "benchmark.where", d.benchmark_where, "COLUMN = VALUE, e.g. category = All"))
      where[column] = value;
    if (!where.empty()) b["where"] = where;
    j["benchmark"] = b;
  }
  return j;
}

Json ReadJsonFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CatalogueError(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  try {
    return Json::parse(ss.str());
  } catch (const Json::parse_error& e) {
    throw CatalogueError(path + ": not valid JSON (left as it is): " + e.what());
  }
}

}  // namespace

Indicator ValidateDraft(const IndicatorDraft& draft, const IndicatorCatalogue& existing) {
  Json root;
  root["indicators"] = Json::array({Entry(draft)});
  IndicatorCatalogue one = ParseCatalogue(root.dump(), kName);
  Indicator ind = std::move(one.indicators.front());
  if (const Indicator* other = existing.Find(ind.id))
    Fail(draft, "id", "'" + ind.id + "' is already used by " + other->ref + " (" + other->name + ")");
  if (ind.name.empty()) Fail(draft, "name", "missing: the name reports print");
  if (ind.benchmark && ind.benchmark->column.empty()) Fail(draft, "benchmark.column", "missing: name the value column");
  return ind;
}

IndicatorPreview PreviewIndicator(const IndicatorDraft& draft, const IndicatorCatalogue& existing, const Catalog& data,
                                  const std::string& year, const ScorecardOptions& options) {
  IndicatorPreview p;
  p.draft = draft;
  p.year = year;
  try {
    auto cat = std::make_shared<IndicatorCatalogue>();
    cat->path = kName;
    cat->indicators.push_back(ValidateDraft(draft, existing));
    p.catalogue = cat;
    Scorecard card(*p.catalogue, data, options);
    p.row = card.Row(p.catalogue->indicators.front(), year);
    if (!p.row.current.error.empty()) p.error = p.row.current.error;
    else if (p.catalogue->indicators.front().benchmark && !p.row.comparators.comparison)
      p.error = "benchmark: " + p.row.comparators.note;
  } catch (const std::exception& e) {
    p.error = e.what();
  }
  return p;
}

void AppendUserIndicator(const std::string& path, const IndicatorDraft& draft, const IndicatorCatalogue& existing) {
  Json root = {{"format", "csc-indicators/1"}, {"indicators", Json::array()}};
  if (std::filesystem::exists(path)) {
    root = ReadJsonFile(path);
    if (!root.is_object() || !root.contains("indicators") || !root["indicators"].is_array())
      throw CatalogueError(path + ": expected {\"indicators\": [ ... ]} (left as it is)");
  }
  ValidateDraft(draft, existing);
  root["indicators"].push_back(Entry(draft));
  if (const auto dir = std::filesystem::path(path).parent_path(); !dir.empty()) std::filesystem::create_directories(dir);
  WriteFileAtomically(path, root.dump(2) + "\n");
}

IndicatorCatalogue LoadCatalogues(const std::string& bundled_path, const std::string& user_path, std::string* user_error) {
  IndicatorCatalogue cat = LoadCatalogue(bundled_path);
  if (user_path.empty() || !std::filesystem::exists(user_path)) return cat;
  IndicatorCatalogue user;
  try {
    user = LoadCatalogue(user_path);
  } catch (const std::exception& e) {
    if (user_error) *user_error = e.what();
    return cat;
  }
  std::string skipped;
  for (auto& ind : user.indicators) {
    if (const Indicator* other = cat.Find(ind.id)) {
      skipped += (skipped.empty() ? "" : ", ") + ind.id + " (used by " + other->ref + ")";
      continue;
    }
    cat.indicators.push_back(std::move(ind));
  }
  if (!skipped.empty() && user_error) *user_error = user_path + ": left out, id already used: " + skipped;
  return cat;
}

}  // namespace csc
