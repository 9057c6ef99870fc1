#include "dataset/mapping.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include <set>
#include <stdexcept>

#include "dataset/canonical_builder.hpp"
#include "dataset/codes.hpp"
#include "dataset/recognise.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

// `target` as a canonical column of `kind`: the name itself, or the column for a role.
std::string ResolveTarget(DatasetKind kind, const std::string& target) {
  const auto& layout = CanonicalLayout(kind);
  for (const CanonicalColumn& c : layout)
    if (EqualsIgnoreCase(c.name, target)) return c.name;
  if (const auto role = ParseRole(target); role && *role != Role::Category) {
    for (const CanonicalColumn& c : layout)
      if (c.role == *role) return c.name;
  }
  std::string names;
  for (const CanonicalColumn& c : layout) names += (names.empty() ? "" : ", ") + c.name;
  throw std::runtime_error("mapping: '" + target + "' is not a column of " + std::string(KindName(kind)) + " (" + names + ")");
}

bool Has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

// How well a normalised source name suggests a canonical column; 0 = not at all.
int Score(const std::string& n, const CanonicalColumn& c) {
  std::string canonical = c.name;
  for (char& ch : canonical) ch = ch == '_' ? ' ' : ch;
  if (n == canonical) return 10;
  switch (c.role) {
    case Role::ChildId: return (n == "child" || n == "id" || Has(n, "child id") || Has(n, "unique id") || Has(n, "child ref") || n == "ref" || n == "reference") ? 8 : 0;
    case Role::Sex: return (n == "sex" || n == "gender" || Has(n, "gender")) ? 8 : 0;
    case Role::DateOfBirth: return (n == "dob" || Has(n, "birth") || n == "born") ? 8 : 0;
    case Role::Ethnicity: return Has(n, "ethnic") ? 8 : 0;
    case Role::Ward: return Has(n, "ward") ? 8 : 0;
    case Role::Start: return (Has(n, "start") || Has(n, "referral date") || Has(n, "referred") || n == "decom") ? 6 : 0;
    case Role::End: return (Has(n, "end") || Has(n, "ceased") || Has(n, "resolved") || Has(n, "closed") || n == "dec") ? 6 : 0;
    default: break;
  }
  // Coded and count columns: every word of the canonical name appears in the source name.
  int words = 0;
  for (std::string_view w : Split(canonical, ' ')) {
    if (!Has(n, std::string(w))) return 0;
    ++words;
  }
  return words > 0 ? 5 : 0;
}

}  // namespace

ColumnMapping ParseMappingJson(std::string_view text) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("mapping: not valid JSON: ") + e.what());
  }
  if (!j.is_object() || !j.contains("kind") || !j["kind"].is_string())
    throw std::runtime_error("mapping: expected an object with \"kind\" and \"columns\"");
  ColumnMapping m;
  const auto kind = ParseKind(j["kind"].get<std::string>());
  if (!kind || CanonicalLayout(*kind).empty())
    throw std::runtime_error("mapping: kind '" + j["kind"].get<std::string>() +
                             "' is not one of cp_plans, lac_episodes, cme_referrals, missing_episodes, population");
  m.kind = *kind;
  if (!j.contains("columns") || !j["columns"].is_object()) throw std::runtime_error("mapping: \"columns\" must be an object");
  for (const auto& [source, target] : j["columns"].items()) {
    if (!target.is_string()) throw std::runtime_error("mapping: column '" + source + "' must map to a column name");
    m.columns[source] = ResolveTarget(m.kind, target.get<std::string>());
  }
  if (j.contains("recodes")) {
    if (!j["recodes"].is_object()) throw std::runtime_error("mapping: \"recodes\" must be an object");
    for (const auto& [column, values] : j["recodes"].items()) {
      if (!values.is_object()) throw std::runtime_error("mapping: recodes of '" + column + "' must be an object");
      auto& out = m.recodes[ResolveTarget(m.kind, column)];
      for (const auto& [from, to] : values.items()) {
        if (!to.is_string()) throw std::runtime_error("mapping: recode '" + from + "' must be a string");
        out[from] = to.get<std::string>();
      }
    }
  }
  return m;
}

std::string MappingToJson(const ColumnMapping& m) {
  nlohmann::json j;
  j["kind"] = std::string(KindName(m.kind));
  j["columns"] = nlohmann::json::object();
  for (const auto& [source, target] : m.columns) j["columns"][source] = target;
  if (!m.recodes.empty()) j["recodes"] = m.recodes;
  return j.dump(2) + "\n";
}

ColumnMapping GuessMapping(const std::vector<std::string>& header, DatasetKind kind) {
  ColumnMapping m;
  m.kind = kind;
  std::set<std::string> taken;
  // Best score first, so "plan_start" takes the exact column before a looser "start" match.
  for (int want = 10; want > 0; --want)
    for (const auto& h : header) {
      if (m.columns.count(h)) continue;
      const std::string n = NormaliseHeaderName(h);
      for (const CanonicalColumn& c : CanonicalLayout(kind))
        if (!taken.count(c.name) && Score(n, c) == want) {
          m.columns[h] = c.name;
          taken.insert(c.name);
          break;
        }
    }
  return m;
}

DatasetKind GuessKind(const std::vector<std::string>& header) {
  DatasetKind best = DatasetKind::Unknown;
  size_t best_score = 0;
  for (DatasetKind kind : {DatasetKind::CpPlans, DatasetKind::LacEpisodes, DatasetKind::CmeReferrals,
                           DatasetKind::MissingEpisodes, DatasetKind::Population}) {
    const ColumnMapping m = GuessMapping(header, kind);
    // Kind-specific columns decide; the shared child columns fit every kind equally.
    size_t score = 0;
    for (const auto& [source, target] : m.columns)
      score += (target == "child_id" || target == "sex" || target == "dob" || target == "ethnicity" || target == "ward") ? 1 : 3;
    if (score > best_score) best = kind, best_score = score;
  }
  return best_score >= 3 ? best : DatasetKind::Unknown;
}

ConvertedTable ApplyMapping(const Table& source, const ColumnMapping& m) {
  if (CanonicalLayout(m.kind).empty()) throw std::runtime_error("mapping: no canonical layout for " + std::string(KindName(m.kind)));
  std::map<std::string, const Column*> by_target;
  std::set<std::string> mapped_sources;
  for (const auto& [src, target] : m.columns) {
    const Column* col = source.ColumnByName(src);
    if (!col) throw std::runtime_error("mapping: the file has no column '" + src + "'");
    by_target[target] = col;
    mapped_sources.insert(std::string(Trim(src)));
  }
  std::set<std::string> canonical_names;
  for (const CanonicalColumn& c : CanonicalLayout(m.kind)) canonical_names.insert(c.name);
  std::vector<std::pair<std::string, ColumnType>> extras;
  std::vector<const Column*> extra_columns;
  std::vector<std::string> notes;
  for (size_t c = 0; c < source.num_columns(); ++c) {
    const std::string& name = source.column_name(c);
    if (mapped_sources.count(std::string(Trim(name))) || canonical_names.count(name)) continue;
    if (source.column(c).type() == ColumnType::Decimal || source.column(c).type() == ColumnType::DateTime) {
      notes.push_back("column '" + name + "' not kept (" + std::string(ToString(source.column(c).type())) + ")");
      continue;
    }
    extras.emplace_back(name, source.column(c).type());
    extra_columns.push_back(&source.column(c));
  }
  CanonicalBuilder b(m.kind, extras);
  UnknownCodeTally tally;
  const auto& layout = CanonicalLayout(m.kind);
  for (size_t r = 0; r < source.num_rows(); ++r) {
    for (const CanonicalColumn& c : layout) {
      const auto it = by_target.find(c.name);
      if (it == by_target.end()) continue;
      const size_t i = b.Index(c.name);
      if (c.type == ColumnType::Date) {
        b.SetDateFrom(i, it->second, r);
      } else if (c.type == ColumnType::Int) {
        b.SetInt(i, CellInt(it->second, r));
      } else {
        std::string value(Trim(CellText(it->second, r)));
        if (const auto rc = m.recodes.find(c.name); rc != m.recodes.end())
          if (const auto v = rc->second.find(value); v != rc->second.end()) value = v->second;
        if (const auto field = CodeFieldForColumn(c.name)) value = tally.Take(*field, value, c.name);
        b.SetText(i, std::move(value));
      }
    }
    for (size_t e = 0; e < extras.size(); ++e) {
      const Column* col = extra_columns[e];
      const size_t i = layout.size() + e;
      if (IsStringType(col->type())) b.SetText(i, CellText(col, r));
      else b.SetInt(i, col->IsValid(r) ? std::optional<int64_t>(col->GetInt(r)) : std::nullopt);
    }
    b.EndRow();
  }
  Provenance p = source.provenance();
  ConvertedTable out{b.Finish(std::move(p)), ToUnknownCodes(tally.counts()), std::move(notes)};
  for (const CanonicalColumn& c : layout)
    if ((c.role == Role::ChildId || c.role == Role::Start) && !by_target.count(c.name))
      out.notes.push_back("no column mapped to " + c.name);
  return out;
}

ColumnMapping ReadMappingFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read mapping file " + path);
  std::stringstream text;
  text << in.rdbuf();
  return ParseMappingJson(text.str());
}

}  // namespace csc
