#include "generate/demo_common.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "ingest/load_report_io.hpp"
#include "time/anniversary.hpp"

namespace csc::demo {

uint64_t Rng::Next() {
  uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

size_t Rng::Weighted(const std::vector<double>& weights) {
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  double x = static_cast<double>(Next() >> 11) / static_cast<double>(1ull << 53) * total;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return weights.size() - 1;
}

const std::vector<std::string> kWards = {
    "Anston and Woodsetts", "Boston Castle", "Brinsworth and Catcliffe", "Dinnington", "Hellaby", "Holderness",
    "Hoober", "Keppel", "Maltby", "Rawmarsh", "Rother Vale", "Rotherham East", "Rotherham West", "Silverwood",
    "Sitwell", "Swinton", "Valley", "Wales", "Wath", "Wickersley", "Wingfield"};
// Boston Castle, Rotherham East, Rotherham West and Sitwell: central, most deprived.
const std::vector<double> kWardWeights = {0.8, 2.2, 0.9, 1.0, 0.7, 0.9, 1.0, 1.0, 1.3, 1.2, 0.9,
                                          2.6, 2.3, 1.0, 1.8, 1.0, 1.2, 0.8, 1.0, 0.7, 1.1};
const std::vector<std::string> kEthnicities = {"WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA",
                                               "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB",
                                               "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"};
const std::vector<double> kEthnicityWeights = {80, 0.3, 3, 0.2, 1.0, 1.5, 0.4, 0.6, 0.8, 0.3,
                                               3, 0.2, 0.4, 0.2, 0.6, 0.2, 0.1, 1.5, 0.3, 4};

std::vector<int> Apportion(int total, const std::vector<double>& weights) {
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<int> counts(weights.size());
  std::vector<std::pair<double, size_t>> remainders;
  int given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    const double exact = total * weights[i] / sum;
    counts[i] = static_cast<int>(std::floor(exact));
    given += counts[i];
    remainders.push_back({exact - counts[i], i});
  }
  std::sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (size_t k = 0; given < total; ++k, ++given) ++counts[remainders[k % remainders.size()].second];
  return counts;
}

std::vector<std::string> ExactList(const std::vector<std::string>& values, const std::vector<int>& counts, Rng& rng) {
  std::vector<std::string> out;
  for (size_t i = 0; i < values.size(); ++i) out.insert(out.end(), static_cast<size_t>(counts[i]), values[i]);
  rng.Shuffle(out);
  return out;
}

CsvText::CsvText(const std::vector<std::string>& header) { Row(header); }

void CsvText::Row(const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) m_text += ',';
    m_text += CsvEscape(fields[i]);
  }
  m_text += '\n';
}

std::string Iso(int32_t day) { return day == kOpen ? std::string() : FormatIsoDate(day); }

Child MakeChild(Rng& rng, std::string id, int age, int32_t at) {
  Child c;
  c.id = std::move(id);
  if (age < 0) {
    c.dob = at + rng.Between(10, 150);
    c.sex = "U";
  } else {
    // Exactly `age` whole years old at `at`: born after the (age+1)th and on or before the
    // age-th anniversary counted back from `at`.
    const int32_t earliest = AddYears(at, -(age + 1)) + 1;
    const int32_t latest = AddYears(at, -age);
    c.dob = rng.Between(earliest, latest);
    c.sex = rng.Below(100) < 50 ? "F" : "M";
  }
  c.ethnicity = kEthnicities[rng.Weighted(kEthnicityWeights)];
  c.ward = kWards[rng.Weighted(kWardWeights)];
  return c;
}

}  // namespace csc::demo
