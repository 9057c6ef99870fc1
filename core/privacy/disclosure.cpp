#include "privacy/disclosure.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace csc {

bool IsPrimarySensitive(int64_t count, int threshold) { return count >= 1 && count <= threshold; }

int64_t RoundCount(int64_t count, int base) {
  if (base <= 1) return count;
  const int64_t b = base;
  return (count + b / 2) / b * b;  // counts are >= 0, so this is round-half-up
}

std::string ProtectedTable::Text(size_t r, size_t c) const {
  const auto v = Published(r, c);
  return v ? std::to_string(*v) : "c";
}

std::optional<int64_t> ProtectedTable::Published(size_t r, size_t c) const {
  if (hidden(r, c)) return std::nullopt;
  return RoundCount(values[r * cols + c], round_to);
}

size_t ProtectedTable::HiddenCount() const {
  return static_cast<size_t>(std::count_if(states.begin(), states.end(), [](CellState s) { return s != CellState::Shown; }));
}

std::vector<LinearRelation> TableRelations(size_t rows, size_t cols, bool is_2d) {
  std::vector<LinearRelation> out;
  if (cols < 2 || rows < 1) return out;
  const size_t line_rows = is_2d ? rows : 1;  // 1-D: the single row is the only equation
  for (size_t r = 0; r < line_rows; ++r) {
    LinearRelation rel;
    for (size_t c = 0; c + 1 < cols; ++c) rel.terms.push_back({r * cols + c, 1});
    rel.terms.push_back({r * cols + cols - 1, -1});
    out.push_back(std::move(rel));
  }
  if (is_2d && rows >= 2) {
    for (size_t c = 0; c < cols; ++c) {
      LinearRelation rel;
      for (size_t r = 0; r + 1 < rows; ++r) rel.terms.push_back({r * cols + c, 1});
      rel.terms.push_back({(rows - 1) * cols + c, -1});
      out.push_back(std::move(rel));
    }
  }
  return out;
}

namespace {

// Hidden cells that are a linear combination of the relations (an RREF row equal to e_i).
// The relation matrices here are incidence matrices with entries in {-1, 0, 1}, so
// elimination stays exact in doubles; the tolerance only guards the general case.
void LinearlyDetermined(const ProtectedTable& t, const std::vector<LinearRelation>& rels, std::vector<bool>& pinned) {
  std::vector<size_t> column_of(t.values.size(), SIZE_MAX);
  size_t n = 0;
  for (size_t i = 0; i < t.values.size(); ++i)
    if (t.states[i] != CellState::Shown) column_of[i] = n++;
  std::vector<std::vector<double>> m;
  for (const auto& rel : rels) {
    std::vector<double> row(n, 0.0);
    bool any = false;
    for (const auto& [cell, coef] : rel.terms)
      if (column_of[cell] != SIZE_MAX) row[column_of[cell]] += coef, any = true;
    if (any) m.push_back(std::move(row));
  }
  size_t rank = 0;
  for (size_t col = 0; col < n && rank < m.size(); ++col) {
    size_t pivot = rank;
    for (size_t r = rank; r < m.size(); ++r)
      if (std::fabs(m[r][col]) > std::fabs(m[pivot][col])) pivot = r;
    if (std::fabs(m[pivot][col]) < 1e-9) continue;
    std::swap(m[pivot], m[rank]);
    const double p = m[rank][col];
    for (double& v : m[rank]) v /= p;
    for (size_t r = 0; r < m.size(); ++r) {
      if (r == rank || std::fabs(m[r][col]) < 1e-12) continue;
      const double f = m[r][col];
      for (size_t k = 0; k < n; ++k) m[r][k] -= f * m[rank][k];
    }
    ++rank;
  }
  for (size_t r = 0; r < rank; ++r) {
    size_t nonzero = 0, at = 0;
    for (size_t k = 0; k < n; ++k)
      if (std::fabs(m[r][k]) > 1e-9) ++nonzero, at = k;
    if (nonzero != 1) continue;
    for (size_t i = 0; i < column_of.size(); ++i)
      if (column_of[i] == at) pinned[i] = true;
  }
}

// Interval propagation: every hidden cell starts in [1, inf) and each relation narrows its
// hidden cells from the others' bounds, until nothing changes.
void IntervalDetermined(const ProtectedTable& t, const std::vector<LinearRelation>& rels, std::vector<bool>& pinned) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> lo(t.values.size()), hi(t.values.size());
  for (size_t i = 0; i < t.values.size(); ++i) {
    const bool hid = t.states[i] != CellState::Shown;
    lo[i] = hid ? 1.0 : static_cast<double>(t.values[i]);
    hi[i] = hid ? kInf : static_cast<double>(t.values[i]);
  }
  for (int round = 0; round < 10000; ++round) {
    bool changed = false;
    for (const auto& rel : rels) {
      // sum coef * x = 0. Each term's bounds; sums keep their finite part and a count of
      // infinite parts so one term can be taken out again.
      double fin_min = 0, fin_max = 0;
      int inf_min = 0, inf_max = 0;
      auto term_bounds = [&](size_t cell, int coef) {
        return coef > 0 ? std::pair{lo[cell], hi[cell]} : std::pair{-hi[cell], -lo[cell]};
      };
      for (const auto& [cell, coef] : rel.terms) {
        const auto [tmin, tmax] = term_bounds(cell, coef);
        if (std::isinf(tmin)) ++inf_min;
        else fin_min += tmin;
        if (std::isinf(tmax)) ++inf_max;
        else fin_max += tmax;
      }
      for (const auto& [cell, coef] : rel.terms) {
        if (t.states[cell] == CellState::Shown) continue;
        const auto [tmin, tmax] = term_bounds(cell, coef);
        const double others_min = inf_min - std::isinf(tmin) > 0 ? -kInf : fin_min - (std::isinf(tmin) ? 0 : tmin);
        const double others_max = inf_max - std::isinf(tmax) > 0 ? kInf : fin_max - (std::isinf(tmax) ? 0 : tmax);
        const double new_term_lo = -others_max, new_term_hi = -others_min;
        double new_lo = coef > 0 ? new_term_lo : -new_term_hi;
        double new_hi = coef > 0 ? new_term_hi : -new_term_lo;
        new_lo = std::isinf(new_lo) ? new_lo : std::ceil(new_lo - 1e-9);
        new_hi = std::isinf(new_hi) ? new_hi : std::floor(new_hi + 1e-9);
        if (new_lo > lo[cell]) lo[cell] = new_lo, changed = true;
        if (new_hi < hi[cell]) hi[cell] = new_hi, changed = true;
      }
    }
    if (!changed) break;
  }
  for (size_t i = 0; i < t.values.size(); ++i)
    if (t.states[i] != CellState::Shown && hi[i] <= lo[i]) pinned[i] = true;
}

// The complement for a cell: the smallest non-zero shown cell among its relations; ties go
// to a cell whose other relations already hide something (fewer new exposures), then index.
std::optional<size_t> PickComplement(const ProtectedTable& t, const std::vector<LinearRelation>& rels,
                                     const std::vector<const LinearRelation*>& lines) {
  auto touches_hidden_elsewhere = [&](size_t cell, const LinearRelation* own) {
    for (const auto& rel : rels) {
      if (&rel == own) continue;
      bool has_cell = false, has_hidden = false;
      for (const auto& [c, coef] : rel.terms) {
        has_cell |= c == cell;
        has_hidden |= c != cell && t.states[c] != CellState::Shown;
      }
      if (has_cell && has_hidden) return true;
    }
    return false;
  };
  std::optional<size_t> best;
  bool best_touch = false;
  for (const LinearRelation* line : lines) {
    for (const auto& [cell, coef] : line->terms) {
      if (t.states[cell] != CellState::Shown || t.values[cell] == 0) continue;
      const bool touch = touches_hidden_elsewhere(cell, line);
      if (!best || t.values[cell] < t.values[*best] ||
          (t.values[cell] == t.values[*best] && touch && !best_touch)) {
        best = cell;
        best_touch = touch;
      }
    }
  }
  return best;
}

ProtectedTable Protect(std::vector<int64_t> values, size_t rows, size_t cols, bool is_2d, const DisclosureOptions& o) {
  ProtectedTable t;
  t.rows = rows;
  t.cols = cols;
  t.round_to = o.round_to;
  t.values = std::move(values);
  t.states.assign(t.values.size(), CellState::Shown);
  for (size_t i = 0; i < t.values.size(); ++i) {
    if (t.values[i] < 0) throw std::invalid_argument("disclosure control: negative count");
    if (IsPrimarySensitive(t.values[i], o.threshold)) t.states[i] = CellState::Primary;
  }
  const auto rels = TableRelations(rows, cols, is_2d);
  // Each step hides one more cell, so this ends within values.size() steps.
  for (size_t step = 0; step <= t.values.size(); ++step) {
    std::optional<size_t> add;
    for (const auto& rel : rels) {
      const auto hidden = std::count_if(rel.terms.begin(), rel.terms.end(),
                                        [&](const auto& term) { return t.states[term.first] != CellState::Shown; });
      if (hidden == 1 && (add = PickComplement(t, rels, {&rel}))) break;
    }
    const std::vector<size_t> disclosed = add ? std::vector<size_t>{} : DisclosedCells(t, is_2d);
    for (size_t cell : disclosed) {
      std::vector<const LinearRelation*> lines;
      for (const auto& rel : rels)
        for (const auto& term : rel.terms)
          if (term.first == cell) lines.push_back(&rel);
      if ((add = PickComplement(t, rels, lines))) break;
    }
    if (!add && !disclosed.empty()) {
      // The cell's own lines have nothing left to hide (a bridge between two blocks of
      // hidden cells whose lines are otherwise zeros): hide the smallest cell elsewhere that
      // puts it on a cycle, else the smallest non-zero cell left, so the loop still ends.
      std::vector<size_t> order;
      for (size_t i = 0; i < t.values.size(); ++i)
        if (t.states[i] == CellState::Shown && t.values[i] > 0) order.push_back(i);
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return t.values[a] < t.values[b]; });
      for (size_t candidate : order) {
        ProtectedTable trial = t;
        trial.states[candidate] = CellState::Secondary;
        const auto still = DisclosedCells(trial, is_2d);
        if (std::find(still.begin(), still.end(), disclosed.front()) == still.end()) {
          add = candidate;
          break;
        }
      }
      if (!add && !order.empty()) add = order.front();
    }
    if (!add) break;
    t.states[*add] = CellState::Secondary;
  }
  return t;
}

}  // namespace

std::vector<size_t> DisclosedCells(const ProtectedTable& table, bool is_2d) {
  const auto rels = TableRelations(table.rows, table.cols, is_2d);
  std::vector<bool> pinned(table.values.size(), false);
  LinearlyDetermined(table, rels, pinned);
  IntervalDetermined(table, rels, pinned);
  std::vector<size_t> out;
  for (size_t i = 0; i < pinned.size(); ++i)
    if (pinned[i]) out.push_back(i);
  return out;
}

ProtectedTable ProtectList(const std::vector<int64_t>& cells, const DisclosureOptions& options) {
  std::vector<int64_t> grid = cells;
  int64_t total = 0;
  for (int64_t v : cells) total += v;
  grid.push_back(total);
  return Protect(std::move(grid), 1, cells.size() + 1, false, options);
}

ProtectedTable ProtectTable2D(const std::vector<std::vector<int64_t>>& cells, const DisclosureOptions& options) {
  const size_t rows = cells.size(), cols = rows ? cells[0].size() : 0;
  std::vector<int64_t> grid((rows + 1) * (cols + 1), 0);
  for (size_t r = 0; r < rows; ++r) {
    if (cells[r].size() != cols) throw std::invalid_argument("disclosure control: ragged table");
    for (size_t c = 0; c < cols; ++c) {
      const int64_t v = cells[r][c];
      grid[r * (cols + 1) + c] = v;
      grid[r * (cols + 1) + cols] += v;
      grid[rows * (cols + 1) + c] += v;
      grid[rows * (cols + 1) + cols] += v;
    }
  }
  return Protect(std::move(grid), rows + 1, cols + 1, true, options);
}

}  // namespace csc
