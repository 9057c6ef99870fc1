#include "dataset/placements.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "storage/column_builder.hpp"

namespace csc {

namespace {

std::optional<int32_t> DateAt(const Column* c, size_t row) {
  if (!c || !c->IsValid(row) || c->type() != ColumnType::Date) return std::nullopt;
  return static_cast<int32_t>(c->GetInt(row));
}

std::string Text(const Column* c, size_t row) { return c && c->IsValid(row) ? c->FormatCell(row) : std::string(); }

bool StartsPlacement(const std::string& rne) {
  return rne == "S" || rne == "P" || rne == "T" || rne == "B" || rne == "U";
}

void AppendDate(ColumnBuilder& b, std::optional<int32_t> d) {
  if (d) b.AppendInt(*d);
  else b.AppendNull();
}

}  // namespace

bool IsPlacedForAdoption(std::string_view placement_type) {
  return placement_type == "A3" || placement_type == "A4" || placement_type == "A5" || placement_type == "A6";
}

std::vector<DerivedColumn> PlacementColumns(const Table& t, std::vector<std::string>* notes) {
  const Column* child = t.ColumnByName("child_id");
  const Column* start = t.ColumnByName("episode_start");
  const Column* end = t.ColumnByName("episode_end");
  const Column* rne = t.ColumnByName("reason_new_episode");
  const Column* place = t.ColumnByName("placement_type");
  const size_t n = t.num_rows();
  // Each child's episodes in date order; the episode before one that "continues" it ends on
  // its start date (X1 then the next episode the same day).
  std::map<std::string, std::vector<size_t>> by_child;
  for (size_t r = 0; r < n; ++r)
    if (child && child->IsValid(r) && DateAt(start, r)) by_child[Text(child, r)].push_back(r);
  std::vector<int8_t> fresh(n, -1);  // 1 begins a placement, 0 continues one, -1 unknown
  std::vector<std::optional<int32_t>> p_start(n), p_end(n), stable(n);
  // An unreadable episode end leaves its placement's end unknown, not open.
  std::vector<uint8_t> end_unreadable(n, 0);
  std::vector<std::optional<size_t>> prev(n), next(n);
  size_t unknown = 0;
  for (auto& [id, rows] : by_child) {
    std::stable_sort(rows.begin(), rows.end(), [&](size_t a, size_t b) { return *DateAt(start, a) < *DateAt(start, b); });
    for (size_t i = 0; i < rows.size(); ++i) {
      const size_t r = rows[i];
      if (i > 0) {
        const auto e = DateAt(end, rows[i - 1]);
        if (e && *e == *DateAt(start, r)) prev[r] = rows[i - 1], next[rows[i - 1]] = r;
      }
      const std::string code = Text(rne, r);
      if (StartsPlacement(code) || !prev[r]) fresh[r] = 1;
      else if (code == "L") fresh[r] = 0;
      else ++unknown;
      if (fresh[r] == 1) p_start[r] = DateAt(start, r);
      else if (fresh[r] == 0) p_start[r] = p_start[*prev[r]];
    }
    // The placement ends where its last episode ends: walk back from the last episode.
    for (size_t i = rows.size(); i-- > 0;) {
      const size_t r = rows[i];
      const bool goes_on = next[r] && fresh[*next[r]] == 0;
      p_end[r] = goes_on ? p_end[*next[r]] : DateAt(end, r);
      end_unreadable[r] = goes_on ? end_unreadable[*next[r]] : end && end->IsUnreadable(r);
    }
    for (const size_t r : rows) {
      stable[r] = p_start[r];
      if (!p_start[r] || !IsPlacedForAdoption(Text(place, r))) continue;
      // The placement before the adoptive one: the episode ending on the day it began.
      size_t first = r;
      while (fresh[first] == 0 && prev[first]) first = *prev[first];
      if (prev[first] && p_start[*prev[first]]) stable[r] = p_start[*prev[first]];
    }
  }
  ColumnBuilder fresh_b(ColumnType::Bool, n), start_b(ColumnType::Date, n), end_b(ColumnType::Date, n),
      stable_b(ColumnType::Date, n);
  for (size_t r = 0; r < n; ++r) {
    if (fresh[r] < 0) fresh_b.AppendNull();
    else fresh_b.AppendInt(fresh[r]);
    AppendDate(start_b, p_start[r]);
    // An unknown placement has no known end either (a blank end would read as "still open").
    AppendDate(end_b, p_start[r] ? p_end[r] : std::nullopt);
    end_unreadable[r] = end_unreadable[r] && p_start[r];
    AppendDate(stable_b, stable[r]);
  }
  if (notes && unknown)
    notes->push_back(std::to_string(unknown) +
                     " looked-after episodes continue an earlier one with no reason for new episode of S, L, P, T, B or U: "
                     "whether they begin a placement is unknown (new_placement blank)");
  std::vector<DerivedColumn> out;
  out.push_back({"new_placement", fresh_b.Finish()});
  out.push_back({"placement_start", start_b.Finish()});
  Column placement_end = end_b.Finish();
  placement_end.AttachUnreadable(MakeUnreadableCells(end_unreadable, n));
  out.push_back({"placement_end", std::move(placement_end)});
  out.push_back({"stable_placement_start", stable_b.Finish()});
  return out;
}

}  // namespace csc
