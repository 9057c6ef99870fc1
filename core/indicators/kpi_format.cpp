#include "indicators/kpi_format.hpp"

#include <nlohmann/json.hpp>

#include "privacy/cell_key.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

std::string Count(std::optional<double> v) { return v ? FormatNumber(v, 0) : ""; }

}  // namespace

KpiCells FormatKpiCells(const KpiRow& row, const KpiFormatOptions& o) {
  const Indicator& ind = *row.indicator;
  const IndicatorComparators& c = row.comparators;
  KpiCells out;
  out.ref = ind.ref;
  out.name = ind.name + (row.current.entered ? " (entered)" : "");
  // Typed-in figures that are not this data's: a labelled comparator, never the value.
  if (row.current.reported)
    out.name += " (reported: " + FormatIndicatorValue(ind, row.current.reported) + ", " + row.current.reported_source + ")";
  out.target = FormatIndicatorValue(ind, c.target);
  out.england = FormatIndicatorValue(ind, c.england) + (c.england && c.england_source == "report" ? "*" : "");
  out.sn_mean = FormatIndicatorValue(ind, c.sn_mean) + (c.sn_mean && c.sn_source == "report" ? "*" : "");
  out.sn_median = FormatIndicatorValue(ind, c.sn_median);
  if (o.publish && KpiRowDisclosive(row, o.threshold)) {
    out.value = out.counts = out.rag = out.travel = out.rank = out.band = "c";
    return out;
  }
  out.value = FormatIndicatorValue(ind, row.current.value);
  if (!row.current.value && row.current.error.find("no data for ") != std::string::npos) out.value = "no data";
  out.counts = ind.unit == IndicatorUnit::Count ? Count(row.current.numerator)
               : row.current.numerator          ? Count(row.current.numerator) + "/" + Count(row.current.denominator)
                                                : "";
  out.rag = RagName(row.rag);
  KpiRow previous_only = row;
  previous_only.current = row.previous;
  out.travel = o.publish && KpiRowDisclosive(previous_only, o.threshold) ? "c" : DirectionName(row.direction);
  if (row.rank.rank) {
    out.rank = std::to_string(*row.rank.rank) + "/" + std::to_string(row.rank.of);
    out.band = std::string(1, row.rank.quartile);
  }
  return out;
}

bool KpiRowDisclosive(const KpiRow& row, int threshold) {
  // Published scorecards withhold in evaluation (IndicatorValue::withheld); entered
  // figures and unprotected rows are checked here too.
  auto small = [&](std::optional<double> v) { return v && *v >= 1 && *v <= threshold; };
  return row.current.withheld || small(row.current.numerator) || small(row.current.denominator);
}

std::string FormatKpiTable(const std::vector<KpiRow>& rows, const KpiFormatOptions& o) {
  std::vector<std::vector<std::string>> lines = {
      {"ref", "value", "num/den", "target", "RAG", "travel", "England", "SN mean", "SN median", "rank", "band", "indicator"}};
  for (const KpiRow& row : rows) {
    const KpiCells c = FormatKpiCells(row, o);
    lines.push_back({c.ref, c.value, c.counts, c.target, c.rag, c.travel, c.england, c.sn_mean, c.sn_median, c.rank,
                     c.band, c.name});
  }
  std::vector<size_t> width(lines[0].size(), 0);
  for (const auto& l : lines)
    for (size_t i = 0; i < l.size(); ++i) width[i] = std::max(width[i], l[i].size());
  std::string out;
  if (o.synthetic) out += "SYNTHETIC DEMONSTRATION DATA\n";
  if (!rows.empty()) out += "Indicators " + rows.front().year + ", LA " + o.la + ", SN " + o.sn_vintage + "\n";
  for (const auto& l : lines) {
    std::string line;
    for (size_t i = 0; i < l.size(); ++i) {
      const std::string pad(width[i] - l[i].size(), ' ');
      // Text columns align left, figures right.
      const bool left = i == 0 || i == 4 || i == 5 || i == 10 || i == 11;
      line += (i ? "  " : "") + (left ? l[i] + pad : pad + l[i]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  out += "* from the published report for the year (no DfE figure bundled, or the report's own comparator)\n";
  if (o.publish)
    out += "Publication-safe (cell-key method): counts 1-" + std::to_string(o.threshold) +
           " and figures from them shown as c, other counts perturbed by a few and values computed from them; "
           "figures are protected and totals may not add\n";
  return out;
}

std::string FormatKpiCsv(const std::vector<KpiRow>& rows, const KpiFormatOptions& o) {
  std::string out = "id,ref,indicator,year,value,numerator,denominator,target,rag,direction,england,england_source,"
                    "sn_mean,sn_median,sn_source,rank,ranked,band,reported,reported_source\n";
  for (const KpiRow& row : rows) {
    const Indicator& ind = *row.indicator;
    const bool hide = o.publish && KpiRowDisclosive(row, o.threshold);
    const KpiCells c = FormatKpiCells(row, o);
    auto num = [&](std::optional<double> v, int d) { return hide ? std::string("c") : FormatNumber(v, d); };
    const IndicatorComparators& k = row.comparators;
    std::vector<std::string> f = {ind.id, ind.ref, ind.name, row.year, num(row.current.value, ind.decimals),
                                  num(row.current.numerator, 0), num(row.current.denominator, 0),
                                  FormatNumber(k.target, ind.decimals), c.rag, c.travel,
                                  FormatNumber(k.england, ind.decimals), k.england ? k.england_source : "",
                                  FormatNumber(k.sn_mean, ind.decimals), FormatNumber(k.sn_median, ind.decimals),
                                  k.sn_mean ? k.sn_source : "", hide ? "c" : (row.rank.rank ? std::to_string(*row.rank.rank) : ""),
                                  hide ? "c" : (row.rank.rank ? std::to_string(row.rank.of) : ""), c.band,
                                  FormatNumber(row.current.reported, ind.decimals), row.current.reported_source};
    std::string line;
    for (size_t i = 0; i < f.size(); ++i) line += (i ? "," : "") + CsvEscape(f[i]);
    out += line + "\n";
  }
  return out;
}

std::string FormatKpiJson(const std::vector<KpiRow>& rows, const KpiFormatOptions& o) {
  using J = nlohmann::ordered_json;
  auto opt = [](std::optional<double> v) { return v ? J(*v) : J(nullptr); };
  J arr = J::array();
  for (const KpiRow& row : rows) {
    const Indicator& ind = *row.indicator;
    const bool hide = o.publish && KpiRowDisclosive(row, o.threshold);
    auto pv = [&](std::optional<double> v) { return hide ? J("c") : opt(v); };
    const IndicatorComparators& k = row.comparators;
    J j;
    j["id"] = ind.id;
    j["ref"] = ind.ref;
    j["name"] = ind.name;
    j["unit"] = UnitName(ind.unit);
    j["polarity"] = PolarityName(ind.polarity);
    j["decimals"] = ind.decimals;
    j["year"] = row.year;
    j["value"] = pv(row.current.value);
    j["numerator"] = pv(row.current.numerator);
    j["denominator"] = pv(row.current.denominator);
    j["entered"] = row.current.entered;
    if (!row.current.error.empty()) j["error"] = row.current.error;
    if (row.current.reported) j["reported"] = {{"value", *row.current.reported}, {"source", row.current.reported_source}};
    KpiRow previous_only = row;
    previous_only.current = row.previous;
    const bool hide_previous = o.publish && KpiRowDisclosive(previous_only, o.threshold);
    auto pp = [&](std::optional<double> v) { return hide_previous ? J("c") : opt(v); };
    j["previous"] = {{"value", pp(row.previous.value)}, {"numerator", pp(row.previous.numerator)},
                     {"denominator", pp(row.previous.denominator)}};
    j["target"] = opt(k.target);
    j["rag"] = hide ? "c" : RagName(row.rag);
    j["direction"] = hide || hide_previous ? "c" : DirectionName(row.direction);
    j["england"] = {{"value", opt(k.england)}, {"source", k.england_source}};
    j["sn"] = {{"mean", opt(k.sn_mean)}, {"median", opt(k.sn_median)}, {"source", k.sn_source}, {"vintage", o.sn_vintage}};
    if (row.rank.rank && !hide) j["rank"] = {{"rank", *row.rank.rank}, {"of", row.rank.of}, {"band", std::string(1, row.rank.quartile)}};
    if (!k.note.empty()) j["note"] = k.note;
    arr.push_back(j);
  }
  J root;
  root["synthetic"] = o.synthetic;
  root["la"] = o.la;
  root["publish"] = o.publish;
  root["indicators"] = arr;
  return root.dump(2) + "\n";
}

}  // namespace csc
