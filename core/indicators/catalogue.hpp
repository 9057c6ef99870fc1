#pragma once
// Loads the indicator catalogue (assets/indicators/catalogue.json; format in
// docs/INDICATORS.md). Every mistake is a CatalogueError naming the file, the indicator id
// and the field, and for a bad query the parser's own message, e.g.
//   catalogue.json: indicator NI65: numerator: where 'previous_plans >=': ...
// Query texts are checked for grammar here; column names are checked when evaluated against
// the loaded datasets (evaluate.hpp), where they are known.
#include <stdexcept>
#include <string>
#include <string_view>

#include "indicators/indicator.hpp"

namespace csc {

class CatalogueError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

IndicatorCatalogue LoadCatalogue(const std::string& path);
// `name` is used in messages in place of the path.
IndicatorCatalogue ParseCatalogue(std::string_view json_text, const std::string& name);

// The bundled catalogue: $CSC_ASSETS/indicators/catalogue.json, else the source tree's.
std::string DefaultCataloguePath();
std::string AssetsDir();  // $CSC_ASSETS or the source tree's assets/

}  // namespace csc
