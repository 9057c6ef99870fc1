#include "ui/screen_description.hpp"

#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "plot/chart_overlays.hpp"
#include "plot/value_format.hpp"

namespace csc::app {

const char* DescribedKind(ChartKind kind) {
  switch (kind) {
    case ChartKind::Lines: return "trend";
    case ChartKind::Area: return "area";
    case ChartKind::Ranking: return "ranking";
    case ChartKind::Pyramid: return "pyramid";
    case ChartKind::Xmr: return "xmr";
    case ChartKind::Map: return "map";
    default: return "bars";
  }
}

DescribedChart DescribeChart(const ChartData& c, ChartKind resolved) {
  DescribedChart out;
  out.kind = DescribedKind(resolved);
  out.title = c.title;
  const int decimals = ValueDecimals(c);
  const size_t series = std::max<size_t>(1, c.series.size());
  for (size_t s = 0; s < series; ++s) {
    if (!SeriesVisible(c, s)) continue;
    DescribedSeries d;
    d.name = s < c.series.size() ? c.series[s] : "";
    d.code = s < c.series_keys.size() ? c.series_keys[s] : "";
    const ImU32 colour = SeriesColour(c, s, 1.0f);
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02x%02x%02x", (colour >> IM_COL32_R_SHIFT) & 0xFF, (colour >> IM_COL32_G_SHIFT) & 0xFF,
                  (colour >> IM_COL32_B_SHIFT) & 0xFF);
    d.colour = hex;
    for (size_t g = 0; g < c.groups.size(); ++g) {
      const double v = s < c.values[g].size() ? c.values[g][s] : std::nan("");
      DescribedPoint p;
      p.x = c.groups[g];
      if (Withheld(c, g, s)) {
        p.withheld = true;
        p.label = "c";
      } else if (std::isfinite(v)) {
        p.value = v;
        p.label = FormatValue(v, decimals);
      } else {
        continue;  // no mark drawn: nothing to describe
      }
      d.points.push_back(std::move(p));
    }
    out.series.push_back(std::move(d));
  }
  for (const ReferenceLine& line : c.references) {
    DescribedSeries d;
    d.name = line.label;
    for (size_t g = 0; g < c.groups.size() && g < line.values.size(); ++g)
      if (std::isfinite(line.values[g])) d.points.push_back({c.groups[g], line.values[g], FormatValue(line.values[g], decimals), false});
    out.references.push_back(std::move(d));
  }
  out.notes = ChartNoteLines(c);
  return out;
}

std::string DescriptionJson(const ScreenDescription& s) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["tab"] = s.tab;
  j["title"] = s.title;
  j["sentence"] = s.sentence;
  if (!s.query.empty()) j["query"] = s.query;
  j["error"] = s.error ? Json(*s.error) : Json(nullptr);
  j["updating"] = s.updating;
  j["charts"] = Json::array();
  for (const auto& c : s.charts) {
    Json chart{{"kind", c.kind}, {"title", c.title}, {"series", Json::array()}};
    for (const auto& series : c.series) {
      Json js{{"name", series.name}, {"code", series.code}, {"colour", series.colour}, {"points", Json::array()}};
      for (const auto& p : series.points)
        js["points"].push_back(Json{{"x", p.x},
                                    {"value", !p.value                                        ? Json(nullptr)
                                              : std::floor(*p.value) == *p.value && std::abs(*p.value) < 1e15
                                                  ? Json(static_cast<long long>(*p.value))
                                                  : Json(*p.value)},
                                    {"label", p.label},
                                    {"withheld", p.withheld}});
      chart["series"].push_back(std::move(js));
    }
    if (!c.references.empty()) {
      chart["references"] = Json::array();
      for (const auto& r : c.references) {
        Json jr{{"name", r.name}, {"points", Json::array()}};
        for (const auto& p : r.points) jr["points"].push_back(Json{{"x", p.x}, {"value", *p.value}, {"label", p.label}});
        chart["references"].push_back(std::move(jr));
      }
    }
    if (!c.notes.empty()) chart["notes"] = c.notes;
    j["charts"].push_back(std::move(chart));
  }
  j["tables"] = Json::array();
  for (const auto& t : s.tables) j["tables"].push_back(Json{{"title", t.title}, {"columns", t.columns}, {"rows", t.rows}});
  return j.dump(1) + "\n";
}

}  // namespace csc::app
