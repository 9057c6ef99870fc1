#include "util/content_hash.hpp"

#include <xxhash.h>

#include <vector>

#include "async/parallel_for.hpp"

namespace csc {

uint64_t ContentHash(std::string_view bytes, unsigned threads) {
  constexpr size_t kBlock = size_t{8} << 20;
  const size_t blocks = (bytes.size() + kBlock - 1) / kBlock;
  if (blocks <= 1) return XXH3_64bits(bytes.data(), bytes.size());
  std::vector<uint64_t> hashes(blocks);
  ParallelFor(blocks, threads, [&](size_t i) {
    const size_t begin = i * kBlock;
    hashes[i] = XXH3_64bits(bytes.data() + begin, std::min(kBlock, bytes.size() - begin));
  });
  return XXH3_64bits(hashes.data(), hashes.size() * sizeof(uint64_t));
}

}  // namespace csc
