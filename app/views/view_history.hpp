#pragma once
// Undo and redo for the query tab's view. A step is a snapshot of the fields that define the
// view (dataset, filters, period, count, grouping, measure, link, chart, table layout),
// recorded once the view has settled on a new state: typing in a field is one step, taken
// when the field is let go, not one per key.
#include <cstddef>
#include <string>
#include <vector>

#include "plot/draw_chart.hpp"

namespace csc::app {

struct QueryPanelState;

struct ViewSnapshot {
  int table = 0;
  std::string where, period, count, by, measure, link;
  ChartKind chart = ChartKind::Auto;
  int table_view = 0;
  bool compare_on = false;
  std::string compare_base, compare_current;
  std::vector<ChartNote> notes;
  std::string reference_indicator;
  bool operator==(const ViewSnapshot&) const = default;
};

ViewSnapshot SnapshotOf(const QueryPanelState& state);
// Puts a snapshot's fields back; everything else (the live answers, hidden series) stays.
void RestoreSnapshot(const ViewSnapshot& snapshot, QueryPanelState& state);
// "by ward; children; fy:2012-13; where sex = F; bars": a history list entry.
std::string DescribeSnapshot(const ViewSnapshot& snapshot);

class ViewHistory {
 public:
  static constexpr size_t kMaxSteps = 100;  // the oldest step goes first past this
  // Called once a frame with the view as it is. `typing`: a text field has the keyboard,
  // so the change is not finished and is not recorded yet.
  void Observe(const ViewSnapshot& now, bool typing);
  bool CanUndo(const ViewSnapshot& now) const;
  bool CanRedo() const { return m_current + 1 < m_steps.size(); }
  // The view to show instead of `now`. An unrecorded change in `now` is recorded first, so
  // redo comes back to it. Call only when CanUndo / CanRedo.
  const ViewSnapshot& Undo(const ViewSnapshot& now);
  const ViewSnapshot& Redo();
  const ViewSnapshot& JumpTo(size_t step);
  const std::vector<ViewSnapshot>& steps() const { return m_steps; }
  size_t current() const { return m_current; }

 private:
  void Record(const ViewSnapshot& now);
  std::vector<ViewSnapshot> m_steps;
  size_t m_current = 0;
};

// Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (left to a text field's own undo while one has the
// keyboard), then records the view if it settled on a change. Once a frame, before the
// panel's query is submitted.
void TrackViewHistory(QueryPanelState& state);
// The "Undo" and "Redo" buttons and the "History" list, on the panel's toolbar row.
void DrawViewHistoryBar(QueryPanelState& state);

}  // namespace csc::app
