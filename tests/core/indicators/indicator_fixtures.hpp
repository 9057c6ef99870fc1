#pragma once
// The bundled demonstration extract and indicator catalogue, loaded once per test binary.
#include <memory>
#include <string>

#include "dataset/derived_columns.hpp"
#include "indicators/catalogue.hpp"
#include "ingest/csv_loader.hpp"
#include "query/catalog.hpp"

inline const csc::Catalog& DemoData() {
  static const std::shared_ptr<csc::Catalog> catalog = [] {
    auto c = std::make_shared<csc::Catalog>();
    for (const char* name : {"cp_plans", "lac_episodes", "cme_referrals", "missing_episodes", "population", "referrals",
                             "assessments", "adoptions"})
      c->Add(name, csc::WithDerivedColumns(
                       csc::LoadCsvFile(std::string(CSC_SOURCE_ASSETS_DIR) + "/demo/" + name + ".csv").table));
    return c;
  }();
  return *catalog;
}

inline const csc::IndicatorCatalogue& BundledIndicators() {
  static const csc::IndicatorCatalogue cat =
      csc::LoadCatalogue(std::string(CSC_SOURCE_ASSETS_DIR) + "/indicators/catalogue.json");
  return cat;
}
