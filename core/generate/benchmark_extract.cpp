#include "generate/benchmark_extract.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "async/parallel_for.hpp"
#include "time/civil_date.hpp"

namespace csc {

namespace {

// SplitMix64: tiny, fast, and identical on every platform (std:: distributions are not).
struct Rng {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>((Next() >> 32) * n >> 32); }
};

constexpr const char* kDatasets[] = {"CP", "LAC", "CME", "MISSING"};
constexpr const char* kCpCategories[] = {"NEG", "NEG", "NEG", "EMO", "EMO", "PHY", "SAB", "MUL"};
constexpr const char* kNeeds[] = {"N1", "N1", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"};
constexpr const char* kCmeReasons[] = {"NEVER_ENROLLED", "MOVED_IN", "EXCLUDED", "ABSENT", "ELECTIVE_HOME_ED"};
constexpr const char* kMissing[] = {"M", "M", "M", "A"};
constexpr const char* kEthnicities[] = {"WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WIRI",
                                        "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN",
                                        "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"};
constexpr uint64_t kRowsPerBlock = 1 << 16;

void PutDigits(char*& p, uint64_t v, int width) {
  for (int i = width - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  p += width;
}
void PutText(char*& p, const char* s) {
  const size_t n = std::strlen(s);
  std::memcpy(p, s, n);
  p += n;
}
void PutDate(char*& p, int32_t days) {
  const CivilDate c = CivilFromDays(days);
  PutDigits(p, static_cast<uint64_t>(c.year), 4);
  *p++ = '-';
  PutDigits(p, static_cast<uint64_t>(c.month), 2);
  *p++ = '-';
  PutDigits(p, static_cast<uint64_t>(c.day), 2);
}

// One row from its index alone: rows of a block never depend on other blocks.
void AppendRow(std::string& out, uint64_t row, int las, uint64_t seed) {
  Rng rng{seed * 0x2545F4914F6CDD1Dull ^ (row * 0x9E3779B97F4A7C15ull)};
  rng.Next();
  char buf[160];
  char* p = buf;
  const uint32_t la = rng.Below(static_cast<uint32_t>(las));
  // About four rows per child: children recur across datasets and years.
  const uint64_t child = rng.Below(static_cast<uint32_t>(std::max<uint64_t>(row / 4, 1) + 1000));
  *p++ = 'C';
  *p++ = 'H';
  PutDigits(p, child % 100000000, 8);
  *p++ = ',';
  *p++ = 'E';
  PutDigits(p, 8000000 + la, 8);
  *p++ = ',';
  const uint32_t dataset = rng.Below(100) < 40 ? 0 : rng.Below(3) + 1;
  PutText(p, kDatasets[dataset]);
  *p++ = ',';
  switch (dataset) {
    case 0: PutText(p, kCpCategories[rng.Below(8)]); break;
    case 1: PutText(p, kNeeds[rng.Below(10)]); break;
    case 2: PutText(p, kCmeReasons[rng.Below(5)]); break;
    default: PutText(p, kMissing[rng.Below(4)]); break;
  }
  *p++ = ',';
  const uint32_t sex = rng.Below(100);
  *p++ = sex < 49 ? 'M' : sex < 98 ? 'F' : 'U';
  *p++ = ',';
  PutText(p, kEthnicities[rng.Below(sizeof kEthnicities / sizeof *kEthnicities)]);
  *p++ = ',';
  PutText(p, "E05");
  PutDigits(p, 1000 + la * 21 + rng.Below(21), 6);
  *p++ = ',';
  const int32_t start = DaysFromCivil(2009, 4, 1) + static_cast<int32_t>(rng.Below(7 * 365));
  const int32_t dob = start - static_cast<int32_t>(rng.Below(18 * 365)) + 100;
  PutDate(p, dob);
  *p++ = ',';
  PutDate(p, start);
  *p++ = ',';
  if (rng.Below(100) >= 18) PutDate(p, start + 1 + static_cast<int32_t>(rng.Below(3 * 365)));
  *p++ = ',';
  PutDigits(p, 1 + (rng.Below(100) < 80 ? 0 : rng.Below(4)), 1);
  *p++ = '\n';
  out.append(buf, static_cast<size_t>(p - buf));
}

}  // namespace

std::string BenchmarkExtractRows(uint64_t first, uint64_t count, int las, uint64_t seed) {
  std::string out;
  out.reserve(count * 84);
  for (uint64_t r = first; r < first + count; ++r) AppendRow(out, r, las, seed);
  return out;
}

BenchmarkExtractStats WriteBenchmarkExtract(const std::string& path, uint64_t rows, int las, uint64_t seed,
                                            unsigned threads) {
  if (las < 1) throw std::invalid_argument("at least one LA is needed");
  const auto t0 = std::chrono::steady_clock::now();
  const std::string tmp = path + ".partial";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) throw std::runtime_error(path + ": cannot write");
  BenchmarkExtractStats stats;
  auto write = [&](const std::string& s) {
    if (std::fwrite(s.data(), 1, s.size(), f) != s.size()) {
      std::fclose(f);
      std::remove(tmp.c_str());
      throw std::runtime_error(path + ": write failed (disk full?)");
    }
    stats.bytes += s.size();
  };
  write(kBenchmarkExtractHeader);
  const uint64_t blocks = (rows + kRowsPerBlock - 1) / kRowsPerBlock;
  const unsigned workers = threads ? threads : DefaultThreadCount();
  const uint64_t batch = uint64_t{workers} * 4;
  std::vector<std::string> buffers(batch);
  for (uint64_t b0 = 0; b0 < blocks; b0 += batch) {
    const uint64_t n = std::min(batch, blocks - b0);
    ParallelFor(n, workers, [&](size_t i) {
      const uint64_t first = (b0 + i) * kRowsPerBlock;
      buffers[i] = BenchmarkExtractRows(first, std::min(kRowsPerBlock, rows - first), las, seed);
    });
    for (uint64_t i = 0; i < n; ++i) write(buffers[i]);
  }
  if (std::fclose(f) != 0 || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw std::runtime_error(path + ": cannot finish writing");
  }
  stats.rows = rows;
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace csc
