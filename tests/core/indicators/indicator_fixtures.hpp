#pragma once
// The bundled demonstration extract and indicator catalogue, loaded once per test binary.
#include <memory>
#include <string>

#include "indicators/catalogue.hpp"
#include "dataset/dataset_loader.hpp"
#include "query/catalog.hpp"

inline const csc::Catalog& DemoData() {
  static const std::shared_ptr<csc::Catalog> catalog = [] {
    // Through the dataset layer, as csc kpi and the explorer load them (counting rules and
    // coverage attached to each table).
    std::vector<std::string> paths;
    for (const char* name : {"cp_plans", "lac_episodes", "cme_referrals", "missing_episodes", "population", "referrals",
                             "assessments", "adoptions"})
      paths.push_back(std::string(CSC_SOURCE_ASSETS_DIR) + "/demo/" + name + ".csv");
    return std::const_pointer_cast<csc::Catalog>(csc::ToCatalog(csc::LoadDatasets(paths).datasets));
  }();
  return *catalog;
}

inline const csc::IndicatorCatalogue& BundledIndicators() {
  static const csc::IndicatorCatalogue cat =
      csc::LoadCatalogue(std::string(CSC_SOURCE_ASSETS_DIR) + "/indicators/catalogue.json");
  return cat;
}
