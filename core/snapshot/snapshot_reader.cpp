// Opening a snapshot: map it, check the header, the table of contents and every section's
// checksum, then build the tables over the mapping (column values and dictionaries in
// place) and check each column's values against what the engine assumes of them, since
// the query kernels index tables by codes and day numbers.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "async/parallel_for.hpp"
#include "query/row_ages.hpp"
#include "snapshot/snapshot.hpp"
#include "snapshot/snapshot_format.hpp"
#include "snapshot/snapshot_manifest.hpp"
#include "util/content_hash.hpp"

namespace csc {

using nlohmann::json;
using namespace snapshot;

namespace {

// The snapshot's bytes, mapped or (for OpenSnapshotBytes) copied into aligned memory; shared
// by every column and dictionary that reads it in place.
class Image {
 public:
  Image(const std::byte* data, size_t size, bool mapped) : m_data(data), m_size(size), m_mapped(mapped) {}
  ~Image() {
    if (m_mapped) ::munmap(const_cast<std::byte*>(m_data), m_size);
    else std::free(const_cast<std::byte*>(m_data));
  }
  Image(const Image&) = delete;
  Image& operator=(const Image&) = delete;
  const std::byte* data() const { return m_data; }
  size_t size() const { return m_size; }

 private:
  const std::byte* m_data;
  size_t m_size;
  bool m_mapped;
};

uint64_t Get64(const std::byte* p, size_t at) {
  uint64_t v;
  std::memcpy(&v, p + at, sizeof v);
  return v;
}
uint32_t Get32(const std::byte* p, size_t at) {
  uint32_t v;
  std::memcpy(&v, p + at, sizeof v);
  return v;
}

struct Section {
  uint64_t offset = 0, bytes = 0, hash = 0;
  std::string what;
};

// Everything past the header: a ManifestError here says the contents contradict themselves.
class Builder {
 public:
  Builder(std::shared_ptr<const Image> image, const json& contents, std::vector<Section> sections, unsigned threads)
      : m_image(std::move(image)), m_contents(contents), m_sections(std::move(sections)), m_threads(threads) {}

  void Build(OpenedSnapshot& out);

 private:
  const Section& At(uint64_t index, uint64_t bytes, const std::string& what) const {
    if (index >= m_sections.size()) throw ManifestError(what + ": no such section");
    const Section& s = m_sections[index];
    if (s.bytes != bytes)
      throw ManifestError(what + ": section holds " + std::to_string(s.bytes) + " bytes, " + std::to_string(bytes) +
                          " expected");
    return s;
  }
  const std::byte* Bytes(const Section& s) const { return m_image->data() + s.offset; }
  Column BuildColumn(const json& j, size_t rows, const std::string& where);
  TablePtr BuildTable(const json& j, size_t index);

  std::shared_ptr<const Image> m_image;
  const json& m_contents;
  std::vector<Section> m_sections;
  unsigned m_threads;
};

bool WidthFits(ColumnType type, uint64_t width) {
  if (type == ColumnType::Decimal) return width == 8;
  if (type == ColumnType::Bool) return width == 1;
  if (IsStringType(type)) return width == 1 || width == 2 || width == 4;
  return width == 1 || width == 2 || width == 4 || width == 8;
}

// Every valid value within [lo, hi] and every null slot 0, as ColumnBuilder leaves them:
// the kernels read null slots too (masking later), so both bound what they index. Min and
// max in the column's own type, 64 rows at a time, so the loop vectorises; only blocks
// with nulls go row by row.
template <class T>
void BlockMinMax(const T* v, size_t n, T& mn, T& mx) {
  T a = mn, b = mx;
  for (size_t i = 0; i < n; ++i) {
    a = v[i] < a ? v[i] : a;
    b = v[i] > b ? v[i] : b;
  }
  mn = a;
  mx = b;
}

bool ValuesInRange(const Column& c, int64_t lo, int64_t hi) {
  const ValidityBitmap* valid = c.validity();
  return c.Visit([&](auto values) {
    using T = typename decltype(values)::value_type;
    if constexpr (std::is_floating_point_v<T>) {
      return true;
    } else {
      const size_t n = values.size();
      if (n == 0) return true;
      // Start from a value known to be valid-or-zero so the block minimum is meaningful.
      T mn = std::numeric_limits<T>::max(), mx = std::numeric_limits<T>::lowest();
      bool nulls_zero = true;
      for (size_t base = 0; base < n; base += 64) {
        const size_t len = std::min<size_t>(64, n - base);
        const uint64_t word = valid ? valid->words()[base / 64] : ~uint64_t{0};
        const uint64_t full = len == 64 ? ~uint64_t{0} : (uint64_t{1} << len) - 1;
        if ((word & full) == full) {
          BlockMinMax(values.data() + base, len, mn, mx);
          continue;
        }
        for (size_t i = 0; i < len; ++i) {
          const T v = values[base + i];
          if ((word >> i) & 1) {
            mn = v < mn ? v : mn;
            mx = v > mx ? v : mx;
          } else {
            nulls_zero &= v == T{0};
          }
        }
      }
      if (!nulls_zero) return false;
      if (mn > mx) return true;  // no valid values
      return static_cast<int64_t>(mn) >= lo && static_cast<int64_t>(mx) <= hi;
    }
  });
}

Column Builder::BuildColumn(const json& j, size_t rows, const std::string& where) {
  const auto type = ParseColumnType(Text(j, "type"));
  if (!type) throw ManifestError(where + ": unknown column type");
  const uint64_t width = Unsigned(j, "width");
  if (!WidthFits(*type, width)) throw ManifestError(where + ": width " + std::to_string(width) + " does not suit its type");
  const Section& data = At(Unsigned(j, "data"), rows * width, where + " values");
  std::optional<ValidityBitmap> validity;
  if (j.contains("validity")) {
    const size_t words = (rows + 63) / 64;
    const Section& s = At(Unsigned(j, "validity"), words * sizeof(uint64_t), where + " validity");
    std::vector<uint64_t> bits(words);
    if (words) std::memcpy(bits.data(), Bytes(s), words * sizeof(uint64_t));
    validity = ValidityBitmap::FromWords(std::move(bits), rows);
  }
  DictionaryPtr dictionary;
  if (IsStringType(*type)) {
    const json& d = Field(j, "dictionary");
    const uint64_t count = Unsigned(d, "count");
    if (count >= UINT32_MAX) throw ManifestError(where + ": dictionary too large");
    const Section& offsets = At(Unsigned(d, "offsets"), (count + 1) * sizeof(uint32_t), where + " dictionary offsets");
    const uint64_t blob_index = Unsigned(d, "blob");
    if (blob_index >= m_sections.size()) throw ManifestError(where + " dictionary text: no such section");
    const Section& blob = m_sections[blob_index];
    const auto* offs = reinterpret_cast<const uint32_t*>(Bytes(offsets));
    if (offs[0] != 0 || offs[count] != blob.bytes) throw ManifestError(where + ": dictionary offsets do not span its text");
    for (uint64_t k = 0; k < count; ++k)
      if (offs[k] > offs[k + 1]) throw ManifestError(where + ": dictionary offsets go backwards");
    dictionary = std::make_shared<const StringDictionary>(
        std::string_view(reinterpret_cast<const char*>(Bytes(blob)), blob.bytes), offs, static_cast<uint32_t>(count),
        m_image);
  }
  const int64_t min_int = Signed(j, "min_int"), max_int = Signed(j, "max_int");
  Column column(*type, static_cast<int>(width), Buffer::View(Bytes(data), rows * width, m_image), rows,
                std::move(validity), dictionary, min_int, max_int, std::bit_cast<double>(Unsigned(j, "min_double")),
                std::bit_cast<double>(Unsigned(j, "max_double")));
  if (IsStringType(*type)) {
    const int64_t top = dictionary->size() ? int64_t{dictionary->size()} - 1 : 0;
    if (min_int != 0 || max_int != top) throw ManifestError(where + ": code range does not match its dictionary");
    if (dictionary->size() == 0 && column.null_count() < rows) throw ManifestError(where + ": codes but no dictionary");
  } else if (min_int > max_int && column.null_count() < rows) {
    throw ManifestError(where + ": minimum above maximum");
  }
  if (j.contains("status")) {
    const json& s = Field(j, "status");
    auto status = std::make_shared<CellStatus>();
    for (const json& symbol : Array(s, "symbols")) {
      if (!symbol.is_string()) throw ManifestError(where + ": a status symbol is not text");
      status->symbols.push_back(symbol.get<std::string>());
    }
    if (status->symbols.size() > 254) throw ManifestError(where + ": too many status symbols");
    const Section& codes = At(Unsigned(s, "codes"), rows, where + " cell statuses");
    const auto* p = reinterpret_cast<const uint8_t*>(Bytes(codes));
    status->codes.assign(p, p + rows);
    for (const uint8_t code : status->codes) {
      if (code > status->symbols.size()) throw ManifestError(where + ": a cell status names no symbol");
      status->count += code != 0;
    }
    column.AttachStatus(std::move(status));
  }
  return column;
}

TablePtr Builder::BuildTable(const json& j, size_t index) {
  const uint64_t rows = Unsigned(j, "rows");
  Provenance provenance = ProvenanceFromJson(Field(j, "provenance"));
  const std::string name = provenance.path.empty() ? "table " + std::to_string(index) : provenance.path;
  const json& columns_json = Array(j, "columns");
  std::vector<std::string> names;
  std::vector<Column> columns(columns_json.size());
  for (const json& c : columns_json) names.push_back(Text(c, "name"));
  for (size_t c = 0; c < columns.size(); ++c)
    columns[c] = BuildColumn(columns_json[c], rows, name + ": column '" + names[c] + "'");
  // The value checks read every column once: on all cores, one column each.
  std::vector<char> fits(columns.size(), 1);
  ParallelFor(columns.size(), m_threads, [&](size_t c) {
    const Column& col = columns[c];
    if (col.type() == ColumnType::Decimal || col.null_count() == rows) return;
    fits[c] = ValuesInRange(col, col.min_int(), col.max_int());
  });
  for (size_t c = 0; c < columns.size(); ++c)
    if (!fits[c]) throw ManifestError(name + ": column '" + names[c] + "' holds values outside its recorded range");
  auto table = std::make_shared<const Table>(std::move(names), std::move(columns), std::move(provenance));
  for (const json& d : Array(j, "derived")) {
    const std::string key = Text(d, "key");
    size_t dob = 0, ref = 0;
    char tail = 0;
    if (std::sscanf(key.c_str(), "ages:%zu:%zu%c", &dob, &ref, &tail) != 2 || dob >= table->num_columns() ||
        ref >= table->num_columns() || key != RowAgesKey(*table, table->column(dob), table->column(ref)))
      throw ManifestError(name + ": derived value '" + key + "' is not one this engine makes");
    const Section& s = At(Unsigned(d, "section"), rows, name + ": row ages");
    const auto* p = reinterpret_cast<const int8_t*>(Bytes(s));
    auto ages = std::make_shared<std::vector<int8_t>>(p, p + rows);
    for (const int8_t a : *ages)
      if (a != kRowAgeUnknown && (a < -1 || a > 126)) throw ManifestError(name + ": row age out of range");
    table->derived().Put(key, std::move(ages));
  }
  return table;
}

void Builder::Build(OpenedSnapshot& out) {
  std::vector<TablePtr> tables;
  const json& tables_json = Array(m_contents, "tables");
  for (size_t i = 0; i < tables_json.size(); ++i) tables.push_back(BuildTable(tables_json[i], i));
  auto table_at = [&](const json& j) {
    const uint64_t i = Unsigned(j, "table");
    if (i >= tables.size()) throw ManifestError("a table index is out of range");
    return tables[i];
  };
  std::vector<std::shared_ptr<const CodeLabels>> labels;
  for (const json& l : Array(m_contents, "labels")) labels.push_back(LabelsFromJson(l));
  for (const json& s : Array(m_contents, "sources")) {
    SourceFile f;
    f.path = Text(s, "path");
    f.recognition = RecognitionFromJson(Field(s, "recognition"));
    f.load.report = ReportFromJson(Field(s, "report"));
    f.load.table = table_at(s);
    const json& from_store = Field(s, "mapping_from_store");
    if (!from_store.is_boolean()) throw ManifestError("'mapping_from_store' is not true or false");
    f.mapping_from_store = from_store.get<bool>();
    f.snapshot = out.info.path;
    out.files.push_back(std::move(f));
  }
  for (const json& d : Array(m_contents, "datasets")) {
    Dataset dataset = DatasetFromJson(d);
    dataset.table = table_at(d);
    if (d.contains("labels")) {
      const uint64_t i = Unsigned(d, "labels");
      if (i >= labels.size()) throw ManifestError("a code label index is out of range");
      dataset.labels = labels[i];
    }
    dataset.snapshot = out.info.path;
    out.datasets.push_back(std::move(dataset));
  }
}

[[noreturn]] void Refuse(const std::string& name, const std::string& what) { throw LoadError(name, 0, 0, what); }

OpenedSnapshot OpenImage(std::shared_ptr<const Image> image, const std::string& name, unsigned threads) {
  const auto started = std::chrono::steady_clock::now();
  const std::byte* p = image->data();
  const size_t size = image->size();
  const bool magic = size >= sizeof kMagic && std::memcmp(p, kMagic, sizeof kMagic) == 0;
  if (!magic) Refuse(name, "not a CSC snapshot (it does not start with CSCXSNAP)");
  if (size < kHeaderBytes)
    Refuse(name, "snapshot truncated: " + std::to_string(size) + " bytes, shorter than its " +
                     std::to_string(kHeaderBytes) + "-byte header");
  const uint32_t marker = Get32(p, kAtEndian);
  if (marker == __builtin_bswap32(kEndianMarker))
    Refuse(name, "snapshot written on a machine of the other byte order: make it again here with csc snapshot");
  const uint32_t version = Get32(p, kAtFormatVersion);
  if (version != kFormatVersion)
    Refuse(name, "snapshot format version " + std::to_string(version) + ", this csc reads version " +
                     std::to_string(kFormatVersion) + ": make it again from the CSV files with csc snapshot");
  if (marker != kEndianMarker || Get64(p, kAtHeaderHash) != XXH3_64bits(p, kAtHeaderHash))
    Refuse(name, "snapshot header damaged (checksum mismatch)");
  const char* engine = reinterpret_cast<const char*>(p + kAtEngineVersion);
  const std::string writer(engine, strnlen(engine, kEngineVersionBytes));
  if (writer != kEngineVersion)
    Refuse(name, "snapshot written by " + writer + ", this is " + std::string(kEngineVersion) +
                     ": make it again from the CSV files with csc snapshot");
  const uint64_t expected = Get64(p, kAtFileBytes);
  if (size < expected)
    Refuse(name, "snapshot truncated: " + std::to_string(size) + " of its " + std::to_string(expected) + " bytes");
  if (size > expected)
    Refuse(name, "snapshot damaged: " + std::to_string(size - expected) + " bytes past its recorded end");
  const uint64_t contents_offset = Get64(p, kAtContentsOffset), contents_bytes = Get64(p, kAtContentsBytes);
  if (contents_offset < kHeaderBytes || contents_offset > size || contents_bytes > size - contents_offset)
    Refuse(name, "snapshot header damaged: its table of contents lies outside the file");
  if (XXH3_64bits(p + contents_offset, contents_bytes) != Get64(p, kAtContentsHash))
    Refuse(name, "snapshot table of contents damaged (checksum mismatch)");
  json contents;
  try {
    contents = json::parse(reinterpret_cast<const char*>(p + contents_offset),
                           reinterpret_cast<const char*>(p + contents_offset + contents_bytes));
  } catch (const json::exception& e) {
    Refuse(name, std::string("snapshot table of contents unreadable: ") + e.what());
  }
  OpenedSnapshot out;
  out.info.path = name;
  out.info.engine_version = writer;
  out.info.file_bytes = size;
  try {
    std::vector<Section> sections;
    for (const json& s : Array(contents, "sections")) {
      Section section{Unsigned(s, "offset"), Unsigned(s, "bytes"), Unsigned(s, "hash"), Text(s, "what")};
      if (section.offset % kAlignment || section.offset < kHeaderBytes || section.offset > contents_offset ||
          section.bytes > contents_offset - section.offset)
        throw ManifestError("section " + std::to_string(sections.size()) + " (" + section.what + ") lies outside the data");
      sections.push_back(std::move(section));
    }
    // Checksums over 8 MiB blocks (util/content_hash), all blocks of all sections on all cores.
    constexpr size_t kBlock = size_t{8} << 20;
    std::vector<std::pair<size_t, size_t>> blocks;  // (section, first byte)
    std::vector<size_t> first_block(sections.size());
    for (size_t s = 0; s < sections.size(); ++s) {
      first_block[s] = blocks.size();
      for (size_t at = 0; at == 0 || at < sections[s].bytes; at += kBlock) blocks.emplace_back(s, at);
    }
    std::vector<uint64_t> block_hash(blocks.size());
    ParallelFor(blocks.size(), threads, [&](size_t b) {
      const auto [s, at] = blocks[b];
      block_hash[b] = XXH3_64bits(p + sections[s].offset + at, std::min(kBlock, sections[s].bytes - at));
    });
    for (size_t s = 0; s < sections.size(); ++s) {
      const size_t n = (s + 1 < sections.size() ? first_block[s + 1] : blocks.size()) - first_block[s];
      const uint64_t hash =
          n == 1 ? block_hash[first_block[s]] : XXH3_64bits(&block_hash[first_block[s]], n * sizeof(uint64_t));
      if (hash != sections[s].hash)
        Refuse(name, "snapshot damaged: section " + std::to_string(s) + " (" + sections[s].what + ") fails its checksum");
    }
    Builder(image, contents, std::move(sections), threads).Build(out);
  } catch (const ManifestError& e) {
    Refuse(name, std::string("snapshot contents inconsistent: ") + e.what());
  }
  out.info.open_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

}  // namespace

bool IsSnapshotFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char magic[sizeof kMagic] = {};
  const ssize_t n = ::pread(fd, magic, sizeof magic, 0);
  ::close(fd);
  return n == static_cast<ssize_t>(sizeof magic) && std::memcmp(magic, kMagic, sizeof magic) == 0;
}

OpenedSnapshot OpenSnapshot(const std::string& path, unsigned threads) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) Refuse(path, std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    Refuse(path, "is not a regular file");
  }
  const size_t size = static_cast<size_t>(st.st_size);
  if (size == 0) {
    ::close(fd);
    Refuse(path, "not a CSC snapshot (the file is empty)");
  }
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  const int err = errno;
  ::close(fd);
  if (map == MAP_FAILED) Refuse(path, std::string("cannot map: ") + std::strerror(err));
  ::madvise(map, size, MADV_WILLNEED);
  return OpenImage(std::make_shared<const Image>(static_cast<const std::byte*>(map), size, true), path, threads);
}

OpenedSnapshot OpenSnapshotBytes(std::string_view bytes, const std::string& name, unsigned threads) {
  const size_t padded = (bytes.size() + kAlignment) / kAlignment * kAlignment;
  void* copy = std::aligned_alloc(kAlignment, padded);
  if (!copy) throw std::bad_alloc();
  std::memcpy(copy, bytes.data(), bytes.size());
  return OpenImage(std::make_shared<const Image>(static_cast<const std::byte*>(copy), bytes.size(), false), name,
                   threads);
}

void ResealSnapshotForTesting(std::string& bytes) {
  if (bytes.size() < kHeaderBytes) return;
  auto* p = reinterpret_cast<std::byte*>(bytes.data());
  const uint64_t offset = Get64(p, kAtContentsOffset), length = Get64(p, kAtContentsBytes);
  if (offset < kHeaderBytes || offset > bytes.size() || length > bytes.size() - offset) return;
  try {
    json contents = json::parse(bytes.data() + offset, bytes.data() + offset + length);
    for (json& s : contents.at("sections")) {
      const uint64_t at = s.at("offset").get<uint64_t>(), n = s.at("bytes").get<uint64_t>();
      if (at > offset || n > offset - at) continue;
      s["hash"] = ContentHash(std::string_view(bytes.data() + at, n), 1);
    }
    const std::string text = contents.dump();
    bytes.resize(offset);
    bytes += text;
    const uint64_t size = bytes.size(), text_bytes = text.size(), text_hash = XXH3_64bits(text.data(), text.size());
    std::memcpy(bytes.data() + kAtFileBytes, &size, 8);
    std::memcpy(bytes.data() + kAtContentsBytes, &text_bytes, 8);
    std::memcpy(bytes.data() + kAtContentsHash, &text_hash, 8);
  } catch (const json::exception&) {
    // Contents unreadable: only the header is resealed.
  }
  const uint64_t header_hash = XXH3_64bits(bytes.data(), kAtHeaderHash);
  std::memcpy(bytes.data() + kAtHeaderHash, &header_hash, 8);
}

}  // namespace csc
