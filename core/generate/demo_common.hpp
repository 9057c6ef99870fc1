#pragma once
// Shared pieces of the synthetic demonstration extract: a platform-independent PRNG,
// Rotherham's 21 wards (2004-2021) with the four central wards weighted up, ethnicity codes,
// date helpers and a CSV writer. Everything is deterministic for a seed.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "time/civil_date.hpp"

namespace csc::demo {

// SplitMix64: the same numbers on every platform and standard library.
class Rng {
 public:
  explicit Rng(uint64_t seed) : m_state(seed) {}
  uint64_t Next();
  // Uniform in [0, n).
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>(((Next() >> 32) * n) >> 32); }
  int32_t Between(int32_t lo, int32_t hi) { return lo + static_cast<int32_t>(Below(static_cast<uint32_t>(hi - lo + 1))); }
  // Index drawn with the given weights.
  size_t Weighted(const std::vector<double>& weights);
  template <class T>
  void Shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[Below(static_cast<uint32_t>(i))]);
  }

 private:
  uint64_t m_state;
};

extern const std::vector<std::string> kWards;           // 21 names
extern const std::vector<double> kWardWeights;          // central wards higher
extern const std::vector<std::string> kEthnicities;     // the 20 DfE codes
extern const std::vector<double> kEthnicityWeights;     // Rotherham-like: mostly WBRI

inline int32_t Day(int y, int m, int d) { return DaysFromCivil(y, m, d); }
inline int32_t FyStart(int y) { return Day(y, 4, 1); }    // FY y-(y+1) starts 1 April y
inline int32_t FyEnd(int y) { return Day(y + 1, 3, 31); }  // and ends 31 March y+1

// Counts that sum exactly to `total`, proportional to `weights` (largest remainder).
std::vector<int> Apportion(int total, const std::vector<double>& weights);

// A list with `counts[i]` copies of `values[i]`, shuffled.
std::vector<std::string> ExactList(const std::vector<std::string>& values, const std::vector<int>& counts, Rng& rng);

// Builds CSV text: a header then rows; fields are quoted when they need it.
class CsvText {
 public:
  explicit CsvText(const std::vector<std::string>& header);
  void Row(const std::vector<std::string>& fields);
  const std::string& text() const { return m_text; }

 private:
  std::string m_text;
};

std::string Iso(int32_t day);  // "" for kOpen
inline constexpr int32_t kOpen = INT32_MIN;

struct Child {
  std::string id;
  std::string sex;  // M, F, U
  int32_t dob = 0;
  std::string ethnicity;
  std::string ward;
};

// A child of the given age (whole years; -1 = unborn, due within 5 months) at `at`.
Child MakeChild(Rng& rng, std::string id, int age, int32_t at);

}  // namespace csc::demo
