// Distinct-children counting in all three layouts (pairs, bitmaps, buffered bitmaps)
// against std::set, across a merge of two workers' stores.
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <vector>

#include "query/aggregate.hpp"

namespace csc {
namespace {

struct Expected {
  std::vector<std::set<uint32_t>> sets;
  explicit Expected(uint64_t groups) : sets(groups) {}
};

void AddRandom(std::mt19937_64& rng, DistinctStore& store, Expected& expected, uint64_t groups, uint32_t children,
               size_t adds) {
  for (size_t i = 0; i < adds; ++i) {
    const uint64_t g = rng() % groups;
    // Half the adds repeat a small set of children so duplicates are common.
    const uint32_t c = static_cast<uint32_t>(rng() % 2 ? rng() % children : rng() % 50);
    store.Add(g, c);
    expected.sets[g].insert(c);
  }
}

}  // namespace

TEST_CASE("distinct stores count each child once per group in every layout, across a merge", "[query][distinct]") {
  const uint64_t groups = 15;
  const uint32_t children = 3'000'000;  // bitmaps of 375 KB a group: past the cache, so buffered
  struct Layout {
    const char* name;
    bool bitmaps;
    bool buffered;
  };
  for (const Layout layout : {Layout{"pairs", false, false}, Layout{"buffered bitmaps", true, true}}) {
    INFO(layout.name);
    std::mt19937_64 rng(7);
    DistinctStore a(groups, children, layout.bitmaps), b(groups, children, layout.bitmaps);
    REQUIRE(a.uses_bitmaps() == layout.bitmaps);
    REQUIRE(a.buffered() == layout.buffered);
    Expected expected(groups);
    // More adds than one buffer holds for some groups, so buffers fill and flush mid-scan.
    AddRandom(rng, a, expected, groups, children, 400'000);
    AddRandom(rng, b, expected, groups, children, 150'000);
    a.Merge(b);
    a.Finish();
    for (uint64_t g = 0; g < groups; ++g) CHECK(a.Count(g) == expected.sets[g].size());
  }
}

TEST_CASE("small distinct bitmaps are set directly, without buffers", "[query][distinct]") {
  DistinctStore store(4, 10'000, true);
  CHECK(store.uses_bitmaps());
  CHECK_FALSE(store.buffered());
  store.Add(0, 9'999);
  store.Add(0, 9'999);
  store.Add(3, 0);
  store.Finish();
  CHECK(store.Count(0) == 1);
  CHECK(store.Count(1) == 0);
  CHECK(store.Count(3) == 1);
}

}  // namespace csc
