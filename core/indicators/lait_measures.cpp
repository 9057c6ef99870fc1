#include "indicators/lait_measures.hpp"

#include <stdexcept>

#include "ingest/csv_loader.hpp"

namespace csc {

std::map<std::string, LaitMeasure> LoadLaitMeasures(const std::string& path) {
  const TablePtr t = LoadCsvFile(path).table;
  auto col = [&](const char* name) -> const Column& {
    const Column* c = t->ColumnByName(name);
    if (!c) throw std::runtime_error(path + ": no column '" + name + "'");
    return *c;
  };
  const Column &code = col("Measure_code"), &topic = col("Topic"), &name = col("Measure"),
               &short_name = col("Measure_short"), &polarity = col("Polarity"), &axis = col("y_axis_name");
  std::map<std::string, LaitMeasure> out;
  for (size_t r = 0; r < t->num_rows(); ++r) {
    LaitMeasure m{code.FormatCell(r), topic.FormatCell(r), name.FormatCell(r), short_name.FormatCell(r),
                  axis.FormatCell(r), std::nullopt};
    const std::string p = polarity.FormatCell(r);
    if (p == "High") m.polarity = Polarity::HigherIsBetter;
    else if (p == "Low") m.polarity = Polarity::LowerIsBetter;
    out[m.short_name] = std::move(m);
  }
  return out;
}

}  // namespace csc
