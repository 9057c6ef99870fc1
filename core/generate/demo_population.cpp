#include "generate/demo_population.hpp"

namespace csc::demo {

std::string PopulationCsv() {
  // Published mid-year totals for 2012-2016 (domain.md section 3); 2008-2011 plausible.
  const std::pair<int, int> totals[] = {{2008, 56050}, {2009, 56000}, {2010, 56020}, {2011, 56080}, {2012, 56103},
                                        {2013, 56118}, {2014, 56556}, {2015, 56392}, {2016, 56509}};
  CsvText csv({"year", "ward", "age", "sex", "population"});
  for (const auto& [year, total] : totals) {
    std::vector<double> weights;
    for (size_t w = 0; w < kWards.size(); ++w)
      for (int age = 0; age <= 17; ++age)
        for (int sex = 0; sex < 2; ++sex) {
          // Central wards are larger and younger; slightly more boys than girls.
          const double ward = 0.85 + 0.15 * kWardWeights[w];
          const double by_age = 1.0 - 0.006 * age + (kWardWeights[w] > 2 ? 0.004 * (17 - age) : 0.0);
          weights.push_back(ward * by_age * (sex == 0 ? 0.512 : 0.488));
        }
    const std::vector<int> counts = Apportion(total, weights);
    size_t k = 0;
    for (size_t w = 0; w < kWards.size(); ++w)
      for (int age = 0; age <= 17; ++age)
        for (int sex = 0; sex < 2; ++sex)
          csv.Row({std::to_string(year), kWards[w], std::to_string(age), sex == 0 ? "M" : "F", std::to_string(counts[k++])});
  }
  return csv.text();
}

}  // namespace csc::demo
