#include "query/record_keys.hpp"

#include <xxhash.h>

#include <string>

namespace csc {

namespace {

// SplitMix64's finaliser: every input bit reaches every output bit.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

constexpr int64_t kBlankDate = int64_t{INT32_MIN};

// The role columns a record key reads, found from the query's resolved role names
// whatever the query itself needs (an episode count reads no child column, but its row keys
// must be the same as in a query that does).
struct KeyColumns {
  const Column *child = nullptr, *start = nullptr, *end = nullptr;
};

KeyColumns KeyColumnsOf(const CompiledQuery& cq) {
  auto find = [&](const std::string& name) { return name.empty() ? nullptr : cq.table->ColumnByName(name); };
  KeyColumns k{find(cq.query.columns.child), find(cq.query.columns.start), find(cq.query.columns.end)};
  if (k.child && !k.child->dictionary()) k.child = nullptr;
  return k;
}

std::string CacheKey(const char* what, uint64_t seed, const KeyColumns& k) {
  // Column addresses are stable for the table's life, and the cache lives with the table.
  return std::string(what) + std::to_string(seed) + ":" + std::to_string(reinterpret_cast<uintptr_t>(k.child)) + ":" +
         std::to_string(reinterpret_cast<uintptr_t>(k.start)) + ":" + std::to_string(reinterpret_cast<uintptr_t>(k.end));
}

std::optional<int32_t> DateAt(const Column* c, size_t row) {
  if (!c || !c->IsValid(row)) return std::nullopt;
  return static_cast<int32_t>(c->GetInt(row));
}

}  // namespace

uint64_t ChildIdHash(std::string_view child_id, uint64_t seed) {
  return XXH3_64bits_withSeed(child_id.data(), child_id.size(), seed);
}

uint8_t RowRecordKey(uint64_t child_hash, std::optional<int32_t> start, std::optional<int32_t> end) {
  const uint64_t s = static_cast<uint32_t>(start ? int64_t{*start} : kBlankDate);
  const uint64_t e = static_cast<uint32_t>(end ? int64_t{*end} : kBlankDate);
  return static_cast<uint8_t>(Mix(child_hash ^ Mix(s << 32 | e)) >> 56);
}

std::shared_ptr<const std::vector<uint8_t>> ChildKeysOf(const CompiledQuery& cq, uint64_t seed) {
  const KeyColumns k = KeyColumnsOf(cq);
  if (!k.child) return nullptr;
  const Column& child = *k.child;
  auto value = cq.table->derived().GetOrMake(CacheKey("child-keys:", seed, {k.child, nullptr, nullptr}), [&]() -> DerivedCache::Value {
    const StringDictionary& dict = *child.dictionary();
    auto keys = std::make_shared<std::vector<uint8_t>>(dict.size());
    for (uint32_t c = 0; c < dict.size(); ++c) (*keys)[c] = ChildRecordKey(ChildIdHash(dict.Get(c), seed));
    return keys;
  });
  return std::static_pointer_cast<const std::vector<uint8_t>>(value);
}

std::shared_ptr<const std::vector<uint8_t>> RowKeysOf(const CompiledQuery& cq, uint64_t seed) {
  const Table& table = *cq.table;
  const KeyColumns k = KeyColumnsOf(cq);
  auto value = table.derived().GetOrMake(CacheKey("row-keys:", seed, k), [&]() -> DerivedCache::Value {
    const size_t rows = table.num_rows();
    // Each child's hash once, then one mix per row.
    std::vector<uint64_t> child_hash;
    if (k.child) {
      const StringDictionary& dict = *k.child->dictionary();
      child_hash.resize(dict.size());
      for (uint32_t c = 0; c < dict.size(); ++c) child_hash[c] = ChildIdHash(dict.Get(c), seed);
    }
    const uint64_t no_child = ChildIdHash({}, seed);
    auto keys = std::make_shared<std::vector<uint8_t>>(rows);
    for (size_t r = 0; r < rows; ++r) {
      const uint64_t h = k.child && k.child->IsValid(r) ? child_hash[k.child->GetCode(r)] : no_child;
      (*keys)[r] = RowRecordKey(h, DateAt(k.start, r), DateAt(k.end, r));
    }
    return keys;
  });
  return std::static_pointer_cast<const std::vector<uint8_t>>(value);
}

}  // namespace csc
