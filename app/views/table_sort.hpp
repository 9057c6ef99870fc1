#pragma once
// How a clicked table header orders rows: labels as text unless both read as numbers (so
// "9" comes before "10"), values as numbers with a blank value last in either direction.
#include <optional>
#include <string>

namespace csc::app {

// Negative, zero or positive as a sorts before, with or after b.
int CompareCells(const std::string& a, const std::string& b);

// a before b when sorting values (descending if asked); blanks after every number.
bool LessValue(const std::optional<double>& a, const std::optional<double>& b, bool descending);

}  // namespace csc::app
