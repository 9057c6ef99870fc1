#pragma once
// Disclosure control for publication-safe tables (domain.md section 7). Board meetings are
// public: a count of 1..threshold children is hidden ("c"), and so are enough other cells
// (secondary suppression) that no hidden cell can be recovered from the shown cells and
// totals, by subtraction, by combining rows and columns, or by bounding with the fact that
// counts are >= 1 when hidden (zeros are always shown, so an attacker knows that).
//
// A table is a grid of counts plus the totals that will be shown with it:
//   1-D:  cells x[0..n) and the total T (one equation: sum x = T)
//   2-D:  cells x[r][c], row totals, column totals and the grand total (R+1 + C+1 equations)
// Totals are cells like any other: a total of 3 is itself hidden, and a hidden total needs
// complements too.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace csc {

struct DisclosureOptions {
  int threshold = 5;  // counts 1..threshold are hidden (5, 7 or 10 in practice)
  int round_to = 0;   // 0 = exact; 5 or 10 = shown counts rounded to the nearest multiple
};

enum class CellState : uint8_t {
  Shown,
  Primary,    // 1..threshold
  Secondary,  // hidden so that a primary cell cannot be recovered
};

// Counts 1..threshold; zero is never sensitive (it is shown as 0).
bool IsPrimarySensitive(int64_t count, int threshold);

// Nearest multiple of `base` (halves round up), unchanged when base <= 1.
int64_t RoundCount(int64_t count, int base);

// A protected grid. Cells are row-major over (rows x cols) *including* the total row and
// column when present: for a 2-D table with totals the grid is (R+1) x (C+1), the last row
// holding column totals and the last column row totals; a 1-D table is 1 x (n+1).
struct ProtectedTable {
  size_t rows = 0, cols = 0;
  std::vector<int64_t> values;     // exact counts (never published as such)
  std::vector<CellState> states;
  int round_to = 0;

  bool hidden(size_t r, size_t c) const { return states[r * cols + c] != CellState::Shown; }
  // What may be printed: "c" for a hidden cell, else the (rounded) count.
  std::string Text(size_t r, size_t c) const;
  // The (rounded) count, or nullopt when hidden.
  std::optional<int64_t> Published(size_t r, size_t c) const;
  size_t HiddenCount() const;
};

// 1-D list with its shown total. Counts must be >= 0.
ProtectedTable ProtectList(const std::vector<int64_t>& cells, const DisclosureOptions& options = {});

// 2-D table (rows of equal length, counts >= 0) with row, column and grand totals shown.
ProtectedTable ProtectTable2D(const std::vector<std::vector<int64_t>>& cells, const DisclosureOptions& options = {});

// A rate, share or mean derived from a count is hidden when that count is hidden.
inline std::optional<double> ProtectDerived(std::optional<double> value, bool count_hidden) {
  return count_hidden ? std::nullopt : value;
}

// --- The attacker, exposed so tests and callers can audit any published pattern. ---
// Equations: each is a list of (cell index, coefficient) summing to zero over the grid's
// cells (x_i for interior cells, -T for the total of the line).
struct LinearRelation {
  std::vector<std::pair<size_t, int>> terms;
};
std::vector<LinearRelation> TableRelations(size_t rows, size_t cols, bool is_2d);

// Hidden cells an attacker can pin to one value: exactly by linear algebra (the cell is a
// combination of the relations restricted to hidden cells), or by interval propagation with
// every hidden cell >= 1 until a fixed point. Indices are grid indices.
std::vector<size_t> DisclosedCells(const ProtectedTable& table, bool is_2d);

}  // namespace csc
