#pragma once
// The ward map: a choropleth of the chart's single series by ward (the first dimension's
// values matched to the boundary file's ward names or codes), in a colour-blind-safe
// sequential scale with quantile classes, a legend of class breaks, hover values and a click
// that filters by the ward. Withheld wards are hatched and marked "c"; wards without a row
// in the answer are pale grey and keyed "none in this result". The boundaries' attribution is drawn under the map.
#include <memory>
#include <string>

#include "geo/ward_boundaries.hpp"
#include "plot/chart_frame.hpp"

namespace csc::app {

// The bundled ward boundaries (assets/geo), read on first use; null when they cannot be read
// (the map then says so instead of drawing).
const WardBoundaries* BundledWardBoundaries();
extern const char* const kWardMapAttribution;

// The boundaries every map draws (and exports): the user's own file once opened (File > Open
// ward boundaries), else the bundled ones. Set and read on the UI thread only (exports and
// the board pack render there too).
struct WardMapSource {
  std::shared_ptr<const WardBoundaries> boundaries;
  std::string attribution;  // drawn under the map
};
void UseWardBoundaries(WardMapSource source);  // null boundaries: back to the bundled ones
const WardBoundaries* ActiveWardBoundaries();
const std::string& ActiveWardAttribution();

ChartHover DrawMapChart(const char* id, const ChartData& data, float height, const WardBoundaries* boundaries,
                        const std::string& attribution = kWardMapAttribution);

}  // namespace csc::app
