#include "indicators/rag.hpp"

#include <cmath>

namespace csc {

const char* RagName(Rag r) {
  switch (r) {
    case Rag::Green: return "Green";
    case Rag::Amber: return "Amber";
    case Rag::Red: return "Red";
    default: return "";
  }
}

const char* DirectionName(Direction d) {
  switch (d) {
    case Direction::Improved: return "improved";
    case Direction::Declined: return "declined";
    case Direction::Same: return "same";
    default: return "";
  }
}

double RoundTo(double value, int decimals) {
  const double f = std::pow(10.0, decimals);
  // The small nudge keeps 9.95 (stored as 9.9499999...) rounding as printed by hand.
  return std::round(value * f + (value >= 0 ? 1e-9 : -1e-9)) / f;
}

int CompareBetter(double a, double b, Polarity polarity, int decimals) {
  if (polarity == Polarity::None) return 0;
  const double ra = RoundTo(a, decimals), rb = RoundTo(b, decimals);
  const double tol = 0.5 * std::pow(10.0, -decimals);
  if (std::fabs(ra - rb) < tol) return 0;
  const bool higher = ra > rb;
  return (higher == (polarity == Polarity::HigherIsBetter)) ? 1 : -1;
}

Rag RateRag(std::optional<double> value, std::optional<double> target, std::optional<double> england,
            Polarity polarity, int decimals) {
  if (!value || !target || polarity == Polarity::None) return Rag::None;
  if (CompareBetter(*value, *target, polarity, decimals) >= 0) return Rag::Green;
  if (!england) return Rag::None;
  return CompareBetter(*value, *england, polarity, decimals) >= 0 ? Rag::Amber : Rag::Red;
}

Direction DirectionOfTravel(std::optional<double> current, std::optional<double> previous, Polarity polarity,
                            int decimals) {
  if (!current || !previous) return Direction::None;
  if (polarity == Polarity::None) return Direction::None;
  const int c = CompareBetter(*current, *previous, polarity, decimals);
  return c > 0 ? Direction::Improved : c < 0 ? Direction::Declined : Direction::Same;
}

}  // namespace csc
