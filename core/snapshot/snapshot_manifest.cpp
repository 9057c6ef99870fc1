#include "snapshot/snapshot_manifest.hpp"

#include <bit>

namespace csc::snapshot {

using nlohmann::json;

const json& Field(const json& j, const char* key) {
  if (!j.is_object()) throw ManifestError(std::string("expected an object holding '") + key + "'");
  const auto it = j.find(key);
  if (it == j.end()) throw ManifestError(std::string("'") + key + "' is missing");
  return *it;
}

uint64_t Unsigned(const json& j, const char* key) {
  const json& v = Field(j, key);
  if (!v.is_number_unsigned()) throw ManifestError(std::string("'") + key + "' is not a count");
  return v.get<uint64_t>();
}

int64_t Signed(const json& j, const char* key) {
  const json& v = Field(j, key);
  if (!v.is_number_integer()) throw ManifestError(std::string("'") + key + "' is not an integer");
  return v.get<int64_t>();
}

std::string Text(const json& j, const char* key) {
  const json& v = Field(j, key);
  if (!v.is_string()) throw ManifestError(std::string("'") + key + "' is not text");
  return v.get<std::string>();
}

const json& Array(const json& j, const char* key) {
  const json& v = Field(j, key);
  if (!v.is_array()) throw ManifestError(std::string("'") + key + "' is not a list");
  return v;
}

namespace {

double Real(const json& j, const char* key) {
  // Doubles travel as their bits: exact, and infinities and NaN survive JSON.
  return std::bit_cast<double>(Unsigned(j, key));
}
uint64_t Bits(double v) { return std::bit_cast<uint64_t>(v); }

std::vector<std::string> Texts(const json& j, const char* key) {
  std::vector<std::string> out;
  for (const json& v : Array(j, key)) {
    if (!v.is_string()) throw ManifestError(std::string("'") + key + "' holds something other than text");
    out.push_back(v.get<std::string>());
  }
  return out;
}

SourceFormat ParseFormat(const std::string& name) {
  for (int f = 0; f <= static_cast<int>(SourceFormat::Unrecognised); ++f)
    if (FormatName(static_cast<SourceFormat>(f)) == name) return static_cast<SourceFormat>(f);
  throw ManifestError("unknown source format '" + name + "'");
}

DatasetKind Kind(const json& j) {
  const std::string name = Text(j, "kind");
  const auto kind = ParseKind(name);
  if (!kind) throw ManifestError("unknown dataset kind '" + name + "'");
  return *kind;
}

Role RoleOf(const std::string& name) {
  const auto role = ParseRole(name);
  if (!role) throw ManifestError("unknown role '" + name + "'");
  return *role;
}

}  // namespace

json ToJson(const Provenance& p) {
  return {{"path", p.path},
          {"file_bytes", p.file_bytes},
          {"content_hash", p.content_hash},
          {"encoding", p.encoding},
          {"delimiter", static_cast<unsigned>(static_cast<unsigned char>(p.delimiter))},
          {"loaded_at_ns", static_cast<int64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                                    p.loaded_at.time_since_epoch())
                                                    .count())},
          {"load_seconds", Bits(p.load_seconds)},
          {"rows_read", p.rows_read},
          {"rows_rejected", p.rows_rejected}};
}

Provenance ProvenanceFromJson(const json& j) {
  Provenance p;
  p.path = Text(j, "path");
  p.file_bytes = Unsigned(j, "file_bytes");
  p.content_hash = Unsigned(j, "content_hash");
  p.encoding = Text(j, "encoding");
  p.delimiter = static_cast<char>(Unsigned(j, "delimiter") & 0xFF);
  p.loaded_at = std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::nanoseconds(Signed(j, "loaded_at_ns"))));
  p.load_seconds = Real(j, "load_seconds");
  p.rows_read = Unsigned(j, "rows_read");
  p.rows_rejected = Unsigned(j, "rows_rejected");
  return p;
}

static json Stages(const std::vector<LoadStage>& stages) {
  json out = json::array();
  for (const LoadStage& s : stages) out.push_back({{"name", s.name}, {"seconds", Bits(s.seconds)}});
  return out;
}

json ToJson(const LoadReport& r) {
  json rejects = json::array(), warnings = json::array();
  for (const RejectedRow& x : r.rejects) rejects.push_back({{"line", x.line}, {"reason", x.reason}, {"text", x.text}});
  for (const CellWarning& w : r.warnings)
    warnings.push_back({{"line", w.line},
                        {"column", w.column},
                        {"column_name", w.column_name},
                        {"value", w.value},
                        {"expected", std::string(ToString(w.expected))},
                        {"reason", w.reason}});
  return {{"path", r.path},
          {"status_cells", r.status_cells},
          {"rows_read", r.rows_read},
          {"rows_loaded", r.rows_loaded},
          {"rows_rejected", r.rows_rejected},
          {"blank_lines", r.blank_lines},
          {"cell_warnings", r.cell_warnings},
          {"rejects", rejects},
          {"warnings", warnings},
          {"notes", r.notes},
          {"seconds", Bits(r.seconds)},
          {"stages", Stages(r.stages)},
          {"file_bytes", r.file_bytes}};
}

LoadReport ReportFromJson(const json& j) {
  LoadReport r;
  r.path = Text(j, "path");
  r.status_cells = Unsigned(j, "status_cells");
  r.rows_read = Unsigned(j, "rows_read");
  r.rows_loaded = Unsigned(j, "rows_loaded");
  r.rows_rejected = Unsigned(j, "rows_rejected");
  r.blank_lines = Unsigned(j, "blank_lines");
  r.cell_warnings = Unsigned(j, "cell_warnings");
  if (r.rows_read != r.rows_loaded + r.rows_rejected)
    throw ManifestError("load report of " + r.path + ": rows read is not rows loaded + rows rejected");
  for (const json& x : Array(j, "rejects")) r.rejects.push_back({Unsigned(x, "line"), Text(x, "reason"), Text(x, "text")});
  for (const json& w : Array(j, "warnings")) {
    CellWarning c;
    c.line = Unsigned(w, "line");
    c.column = Unsigned(w, "column");
    c.column_name = Text(w, "column_name");
    c.value = Text(w, "value");
    const auto type = ParseColumnType(Text(w, "expected"));
    if (!type) throw ManifestError("unknown column type in a cell warning");
    c.expected = *type;
    c.reason = Text(w, "reason");
    r.warnings.push_back(std::move(c));
  }
  r.notes = Texts(j, "notes");
  r.seconds = Real(j, "seconds");
  for (const json& stage : Array(j, "stages")) r.stages.push_back({Text(stage, "name"), Real(stage, "seconds")});
  r.file_bytes = Unsigned(j, "file_bytes");
  return r;
}

json ToJson(const Recognition& r) {
  json columns = json::array();
  for (const ColumnGuess& g : r.columns)
    columns.push_back({{"column", g.column}, {"role", std::string(RoleName(g.role))}, {"canonical", g.canonical}});
  return {{"format", std::string(FormatName(r.format))}, {"kind", std::string(KindName(r.kind))}, {"columns", columns}};
}

Recognition RecognitionFromJson(const json& j) {
  Recognition r;
  r.format = ParseFormat(Text(j, "format"));
  r.kind = Kind(j);
  for (const json& g : Array(j, "columns")) r.columns.push_back({Text(g, "column"), RoleOf(Text(g, "role")), Text(g, "canonical")});
  return r;
}

json ToJson(const CodeLabels& labels) {
  json out = json::object();
  for (const auto& [field, codes] : labels.entries()) {
    json c = json::object();
    for (const auto& [code, label] : codes) c[code] = label;
    out[field] = std::move(c);
  }
  return out;
}

std::shared_ptr<const CodeLabels> LabelsFromJson(const json& j) {
  if (!j.is_object()) throw ManifestError("code labels are not an object");
  CodeLabels::Map map;
  for (const auto& [field, codes] : j.items()) {
    if (!codes.is_object()) throw ManifestError("code labels of '" + field + "' are not an object");
    auto& out = map[field];
    for (const auto& [code, label] : codes.items()) {
      if (!label.is_string()) throw ManifestError("the label of '" + code + "' is not text");
      out[code] = label.get<std::string>();
    }
  }
  return CodeLabels::FromEntries(std::move(map));
}

json ToJson(const Dataset& d) {
  json roles = json::object();
  for (const auto& [role, columns] : d.roles) roles[std::string(RoleName(role))] = columns;
  json unknown = json::array();
  for (const UnknownCodes& u : d.unknown_codes) unknown.push_back({{"column", u.column}, {"counts", u.counts}});
  json reports = json::array();
  for (const LoadReport& r : d.reports) reports.push_back(ToJson(r));
  return {{"name", d.name},
          {"kind", std::string(KindName(d.kind))},
          {"format", std::string(FormatName(d.format))},
          {"roles", roles},
          {"sources", d.sources},
          {"reports", reports},
          {"unknown_codes", unknown},
          {"notes", d.notes}};
}

Dataset DatasetFromJson(const json& j) {
  Dataset d;
  d.name = Text(j, "name");
  d.kind = Kind(j);
  d.format = ParseFormat(Text(j, "format"));
  const json& roles = Field(j, "roles");
  if (!roles.is_object()) throw ManifestError("'roles' is not an object");
  for (const auto& [role, columns] : roles.items()) {
    auto& out = d.roles[RoleOf(role)];
    if (!columns.is_array()) throw ManifestError("the columns of role '" + role + "' are not a list");
    for (const json& c : columns) {
      if (!c.is_string()) throw ManifestError("a column of role '" + role + "' is not text");
      out.push_back(c.get<std::string>());
    }
  }
  d.sources = Texts(j, "sources");
  for (const json& r : Array(j, "reports")) d.reports.push_back(ReportFromJson(r));
  for (const json& u : Array(j, "unknown_codes")) {
    UnknownCodes codes;
    codes.column = Text(u, "column");
    const json& counts = Field(u, "counts");
    if (!counts.is_object()) throw ManifestError("unknown code counts are not an object");
    for (const auto& [code, n] : counts.items()) {
      if (!n.is_number_unsigned()) throw ManifestError("the count of unknown code '" + code + "' is not a count");
      codes.counts[code] = n.get<size_t>();
    }
    d.unknown_codes.push_back(std::move(codes));
  }
  d.notes = Texts(j, "notes");
  return d;
}

}  // namespace csc::snapshot
