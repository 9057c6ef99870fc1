// RAG and direction of travel as the Rotherham LSCB 2012-13 report defines them, on the
// report's own figures (domain.md section 4): every published 2012-13 status.
#include <catch2/catch.hpp>

#include "indicators/rag.hpp"

using namespace csc;

namespace {
struct Row {
  const char* ref;
  Polarity polarity;
  double previous, current, target, england;
  Rag rag;
  Direction direction;
};
constexpr Polarity H = Polarity::HigherIsBetter, L = Polarity::LowerIsBetter;
}  // namespace

TEST_CASE("Every 2012-13 RAG and direction of travel in the report is reproduced from its figures", "[indicators]") {
  const Row rows[] = {
      {"NI 59", H, 86.6, 78.2, 86.0, 77.4, Rag::Amber, Direction::Declined},
      {"NI 60", H, 69.4, 71.1, 75.1, 75.5, Rag::Red, Direction::Improved},
      {"NI 61", H, 50.0, 61.1, 74.0, 74.0, Rag::Red, Direction::Improved},
      {"NI 62", L, 10.24, 9.9, 9.5, 10.7, Rag::Amber, Direction::Improved},
      {"NI 63", H, 64.19, 62.2, 68.6, 68.6, Rag::Red, Direction::Declined},
      {"NI 64", L, 2.2, 3.8, 4.0, 5.6, Rag::Green, Direction::Declined},
      {"NI 65", L, 11.8, 16.3, 13.3, 13.8, Rag::Red, Direction::Declined},
      {"NI 66", H, 98.02, 96.1, 97.5, 90.0, Rag::Amber, Direction::Declined},
      {"NI 67", H, 100.0, 100.0, 99.0, 90.5, Rag::Green, Direction::Same},
      {"NI 68", H, 93.9, 91.9, 87.6, 74.6, Rag::Green, Direction::Declined},
  };
  for (const Row& r : rows) {
    INFO(r.ref);
    CHECK(RateRag(r.current, r.target, r.england, r.polarity, 1) == r.rag);
    CHECK(DirectionOfTravel(r.current, r.previous, r.polarity, 1) == r.direction);
  }
}

TEST_CASE("RAG boundaries: on target is Green, equal to England is Amber, at the shown precision", "[indicators]") {
  CHECK(RateRag(74.0, 74.0, 70.0, Polarity::HigherIsBetter, 1) == Rag::Green);
  CHECK(RateRag(73.96, 74.0, 70.0, Polarity::HigherIsBetter, 1) == Rag::Green);  // prints as 74.0
  CHECK(RateRag(73.94, 74.0, 70.0, Polarity::HigherIsBetter, 1) == Rag::Amber);
  CHECK(RateRag(70.0, 74.0, 70.0, Polarity::HigherIsBetter, 1) == Rag::Amber);
  CHECK(RateRag(69.9, 74.0, 70.0, Polarity::HigherIsBetter, 1) == Rag::Red);
  CHECK(RateRag(13.8, 13.3, 13.8, Polarity::LowerIsBetter, 1) == Rag::Amber);
  CHECK(RateRag(13.9, 13.3, 13.8, Polarity::LowerIsBetter, 1) == Rag::Red);
  CHECK(RateRag(13.9, 13.3, std::nullopt, Polarity::LowerIsBetter, 1) == Rag::None);  // Amber or Red: unknown
  CHECK(RateRag(13.0, 13.3, std::nullopt, Polarity::LowerIsBetter, 1) == Rag::Green);
  CHECK(RateRag(13.0, std::nullopt, 12.0, Polarity::LowerIsBetter, 1) == Rag::None);
  CHECK(RateRag(13.0, 12.0, 12.0, Polarity::None, 1) == Rag::None);
  CHECK(DirectionOfTravel(10.24, 10.2, Polarity::LowerIsBetter, 1) == Direction::Same);
  CHECK(DirectionOfTravel(10.24, 10.2, Polarity::LowerIsBetter, 2) == Direction::Declined);
  CHECK(std::string(RagName(Rag::Amber)) == "Amber");
  CHECK(std::string(DirectionName(Direction::Improved)) == "improved");
}
