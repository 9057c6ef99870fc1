#include <catch2/catch.hpp>

#include "dataset/code_labels.hpp"

using namespace csc;

TEST_CASE("codes show with their labels, unknown codes stay as written", "[dataset]") {
  const auto labels = CodeLabels::Load(std::string(CSC_SOURCE_ASSETS_DIR) + "/reference/code_lists.csv");
  CHECK(labels->Label("latest_category", "NEG") == "Neglect");
  CHECK(labels->Label("initial_category", "EMO") == "Emotional abuse");
  CHECK(labels->Label("legal_status", "C2") == "Full care order");
  CHECK(labels->Label("missing_type", "A") == "Away from placement without authorisation: whereabouts known");
  CHECK(labels->Label("LS", "V3") == "Short-term breaks, individual episodes recorded");  // first line of a multi-line label
  CHECK(labels->Label("latest_category", "XYZ") == "XYZ");
  CHECK(labels->Label("ward", "Sitwell") == "Sitwell");
  CHECK(labels->CodeAndLabel("latest_category", "SAB") == "SAB: Sexual abuse");
  CHECK(labels->CodeAndLabel("latest_category", "(blank)") == "(blank)");
}
