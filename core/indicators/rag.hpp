#pragma once
// RAG status and direction of travel exactly as the Rotherham LSCB reports define them
// (domain.md section 4), polarity-aware:
//   Green  on or better than the local target;
//   Amber  worse than target but on or better than the national (England) average;
//   Red    worse than target and worse than the national average.
// Direction of travel compares with the previous year: improved, declined or same.
// Comparisons are made at the indicator's shown precision (its decimal places), because the
// reports compare the printed figures: 74.0% against a 74.0% target is "on target".
#include <cstdint>
#include <optional>

#include "indicators/indicator.hpp"

namespace csc {

enum class Rag : uint8_t { None, Green, Amber, Red };
enum class Direction : uint8_t { None, Improved, Declined, Same };

const char* RagName(Rag r);              // "", "Green", "Amber", "Red"
const char* DirectionName(Direction d);  // "", "improved", "declined", "same"

// Rounds half away from zero to `decimals` places.
double RoundTo(double value, int decimals);

// -1 when a is worse than b, 0 when equal at `decimals`, +1 when better (Polarity::None: 0).
int CompareBetter(double a, double b, Polarity polarity, int decimals);

// None when there is no value or target, or when the value is worse than target and the
// national average is unknown (Amber and Red cannot be told apart then), or polarity None.
Rag RateRag(std::optional<double> value, std::optional<double> target, std::optional<double> england,
            Polarity polarity, int decimals);

Direction DirectionOfTravel(std::optional<double> current, std::optional<double> previous, Polarity polarity,
                            int decimals);

}  // namespace csc
