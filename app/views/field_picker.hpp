#pragma once
// The field picker: what the chart and the cross-table group by (up to three dimensions, in
// order) and what they measure, picked from lists of labelled fields ("Latest category",
// "Rate per 10,000 children") instead of typed. A pick writes the panel's `by` and `measure`
// text, so the typed query, saved views and undo / redo see it as any other edit, and the
// `csc query` command the pick means is shown under it.
#include <string>
#include <vector>

#include "query/field_labels.hpp"
#include "storage/table.hpp"

namespace csc::app {

struct QueryPanelState;

// The picked dimensions and measures as lists of grammar texts, and back.
std::vector<std::string> PickedDimensions(const QueryPanelState& state);
std::vector<std::string> PickedMeasures(const QueryPanelState& state);
void SetPickedDimensions(QueryPanelState& state, const std::vector<std::string>& dimensions);
void SetPickedMeasures(QueryPanelState& state, const std::vector<std::string>& measures);

// `table` (may be null while loading) says which dimensions the dataset offers. Probed
// items: "picker:by:N" / "picker:measure:N" (the Nth list) and "picker:by:N:TEXT" /
// "picker:measure:N:TEXT" (a choice in its open list), "picker:by:N:none".
void DrawFieldPicker(const Table* table, const std::string& command, QueryPanelState& state);

}  // namespace csc::app
