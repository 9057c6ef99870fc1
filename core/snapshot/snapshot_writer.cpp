// Writing a snapshot: the arrays first, each on a 64-byte boundary, then the table of
// contents, then the header over the placeholder at the start (see snapshot_format.hpp).
#include <xxhash.h>

#include <cstring>
#include <map>

#include "query/row_ages.hpp"
#include "snapshot/snapshot.hpp"
#include "snapshot/snapshot_format.hpp"
#include "snapshot/snapshot_manifest.hpp"
#include "util/atomic_file.hpp"
#include "util/content_hash.hpp"

namespace csc {

using nlohmann::json;
using namespace snapshot;

namespace {

class SectionWriter {
 public:
  explicit SectionWriter(AtomicFileWriter& out) : m_out(out) {}

  void Pad() {
    static constexpr char kZeros[kAlignment] = {};
    const size_t pad = (kAlignment - m_out.size() % kAlignment) % kAlignment;
    m_out.Write(kZeros, pad);
  }
  // Returns the section's index in the table of contents.
  size_t Add(const void* data, size_t bytes, std::string what) {
    Pad();
    const uint64_t offset = m_out.size();
    m_out.Write(data, bytes);
    const uint64_t hash = ContentHash(std::string_view(static_cast<const char*>(data), bytes), 0);
    m_sections.push_back({{"offset", offset}, {"bytes", bytes}, {"hash", hash}, {"what", std::move(what)}});
    return m_sections.size() - 1;
  }
  json& sections() { return m_sections; }

 private:
  AtomicFileWriter& m_out;
  json m_sections = json::array();
};

json ColumnJson(SectionWriter& sections, const Column& c, const std::string& where) {
  json j = {{"type", std::string(ToString(c.type()))},
            {"width", c.width()},
            {"min_int", c.min_int()},
            {"max_int", c.max_int()},
            {"min_double", std::bit_cast<uint64_t>(c.min_double())},
            {"max_double", std::bit_cast<uint64_t>(c.max_double())}};
  j["data"] = sections.Add(c.data(), c.size() * static_cast<size_t>(c.width()), where + " values");
  if (const ValidityBitmap* v = c.validity())
    j["validity"] = sections.Add(v->words().data(), v->words().size() * sizeof(uint64_t), where + " validity");
  if (IsStringType(c.type())) {
    const StringDictionary& d = *c.dictionary();
    const uint32_t no_offsets[1] = {0};
    j["dictionary"] = {{"count", d.size()},
                       {"blob", sections.Add(d.blob().data(), d.blob().size(), where + " dictionary text")},
                       {"offsets", sections.Add(d.size() ? d.offsets() : no_offsets,
                                                (size_t{d.size()} + 1) * sizeof(uint32_t), where + " dictionary offsets")}};
  }
  if (const CellStatus* s = c.status())
    j["status"] = {{"symbols", s->symbols}, {"codes", sections.Add(s->codes.data(), s->codes.size(), where + " cell statuses")}};
  return j;
}

json TableJson(SectionWriter& sections, const Table& t, size_t index) {
  const std::string name = t.provenance().path.empty() ? "table " + std::to_string(index) : t.provenance().path;
  json columns = json::array();
  for (size_t c = 0; c < t.num_columns(); ++c) {
    json col = ColumnJson(sections, t.column(c), name + ": column '" + t.column_name(c) + "'");
    col["name"] = t.column_name(c);
    columns.push_back(std::move(col));
  }
  // Derived values worth keeping: the row ages (keys by column index; see RowAgesKey).
  json derived = json::array();
  for (const auto& [key, value] : t.derived().Entries()) {
    if (key.rfind(kRowAgesKeyPrefix, 0) != 0 || key.find('@') != std::string::npos || !value) continue;
    const auto& ages = *std::static_pointer_cast<const std::vector<int8_t>>(value);
    if (ages.size() != t.num_rows()) continue;
    derived.push_back({{"key", key}, {"section", sections.Add(ages.data(), ages.size(), name + ": row ages " + key)}});
  }
  return {{"rows", t.num_rows()}, {"provenance", ToJson(t.provenance())}, {"columns", columns}, {"derived", derived}};
}

void Put64(unsigned char* header, size_t at, uint64_t v) { std::memcpy(header + at, &v, sizeof v); }

}  // namespace

void WriteSnapshot(const std::string& path, const DatasetLoad& load) {
  // Made now so that whoever opens the snapshot finds them.
  DeriveRowAgesAhead(*ToCatalog(load.datasets));

  std::map<const Table*, size_t> table_index;
  std::vector<const Table*> tables;
  auto index_of = [&](const TablePtr& t) -> size_t {
    const auto [it, added] = table_index.emplace(t.get(), tables.size());
    if (added) tables.push_back(t.get());
    return it->second;
  };
  std::map<const CodeLabels*, size_t> label_index;
  json labels = json::array();
  json sources = json::array();
  for (const SourceFile& f : load.files) {
    if (!f.load.table) continue;
    sources.push_back({{"path", f.path},
                       {"recognition", ToJson(f.recognition)},
                       {"report", ToJson(f.load.report)},
                       {"table", index_of(f.load.table)},
                       {"mapping_from_store", f.mapping_from_store}});
  }
  json datasets = json::array();
  for (const Dataset& d : load.datasets) {
    if (!d.table) continue;
    json j = ToJson(d);
    j["table"] = index_of(d.table);
    if (d.labels) {
      const auto [it, added] = label_index.emplace(d.labels.get(), labels.size());
      if (added) labels.push_back(ToJson(*d.labels));
      j["labels"] = it->second;
    }
    datasets.push_back(std::move(j));
  }

  AtomicFileWriter out(path);
  unsigned char header[kHeaderBytes] = {};
  out.Write(header, sizeof header);  // the real one goes here last
  SectionWriter sections(out);
  json tables_json = json::array();
  for (size_t i = 0; i < tables.size(); ++i) tables_json.push_back(TableJson(sections, *tables[i], i));
  json contents = {{"sections", std::move(sections.sections())},
                   {"tables", std::move(tables_json)},
                   {"sources", std::move(sources)},
                   {"datasets", std::move(datasets)},
                   {"labels", std::move(labels)}};
  const std::string text = contents.dump();
  sections.Pad();
  const uint64_t contents_offset = out.size();
  out.Write(text.data(), text.size());

  std::memcpy(header, kMagic, sizeof kMagic);
  const uint32_t version = kFormatVersion, marker = kEndianMarker;
  std::memcpy(header + kAtFormatVersion, &version, sizeof version);
  std::memcpy(header + kAtEndian, &marker, sizeof marker);
  std::memcpy(header + kAtEngineVersion, kEngineVersion.data(), std::min(kEngineVersion.size(), kEngineVersionBytes - 1));
  Put64(header, kAtFileBytes, out.size());
  Put64(header, kAtContentsOffset, contents_offset);
  Put64(header, kAtContentsBytes, text.size());
  Put64(header, kAtContentsHash, XXH3_64bits(text.data(), text.size()));
  Put64(header, kAtHeaderHash, XXH3_64bits(header, kAtHeaderHash));
  out.WriteAt(0, header, sizeof header);
  out.Commit();
}

}  // namespace csc
