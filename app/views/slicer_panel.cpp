#include "views/slicer_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "query/compiled_query.hpp"
#include "query/field_labels.hpp"
#include "query/query_parser.hpp"
#include "query/where_edit.hpp"
#include "time/anniversary.hpp"
#include "ui/item_probe.hpp"
#include "util/text.hpp"

namespace csc::app {

namespace {

constexpr const char* kCallerPrefix = "slicer:";

void Fill(char* buffer, size_t size, const std::string& text) { std::snprintf(buffer, size, "%s", text.c_str()); }
void Assign(std::string& into, std::string text) { into = std::move(text); }


// Counts are shown only for the filters and data on screen: while a recount runs the values
// read "..." rather than numbers from before the click or the reload.
void SubmitAndPoll(QueryService& service, const QueryText& text, SlicerColumnState& s, const std::string& caller) {
  s.live.SetCaller(caller);
  s.live.Ask(service, text);
  s.counts = s.live.status() == LiveStatus::Ready ? s.live.result() : nullptr;
  s.error = s.live.error();  // the query panel shows the same error in full
}

// How episodes count, as words, and the text the query grammar takes for each.
struct CountChoice {
  const char* label;
  const char* text;
};
constexpr CountChoice kCountChoices[] = {{"open at 31 March", "open-at:31-03"},
                                         {"started in the period", "started"},
                                         {"ended in the period", "ceased"},
                                         {"open at any time in the period", "open-during"}};

void DrawCounting(QueryPanelState& q) {
  int current = 0;
  const std::string count(Trim(q.count));
  for (int i = 0; i < IM_ARRAYSIZE(kCountChoices); ++i)
    if (count == kCountChoices[i].text || (i == 2 && count == "ceased-in") || (i == 1 && count == "started-in")) current = i;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##counting", kCountChoices[current].label)) {
    for (int i = 0; i < IM_ARRAYSIZE(kCountChoices); ++i)
      if (ImGui::Selectable(kCountChoices[i].label, i == current)) Fill(q.count, sizeof q.count, kCountChoices[i].text);
    ImGui::EndCombo();
  }
}

// Age is one filter: a range (dragged) or a set of DfE bands (toggled); either replaces the
// other, so the sentence and the counts never combine two age conditions.
void DrawAgeRange(QueryPanelState& q) {
  const auto range = AgeRangeOf(q.where);
  bool on = range.has_value();
  int lo = range ? range->first : 0, hi = range ? range->second : 17;
  if (ImGui::Checkbox("Age", &on)) {
    Assign(q.where, SetAgeRange(q.where, on ? std::optional(std::pair{lo, hi}) : std::nullopt));
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(!on);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::DragIntRange2("##age", &lo, &hi, 0.1f, 0, 17, "from %d", "to %d") && on) {
    Assign(q.where, SetAgeRange(q.where, std::pair{std::min(lo, hi), std::max(lo, hi)}));
  }
  ImGui::EndDisabled();
}

// One toggle per DfE band, four to a row, each with its count under the other filters.
// 18+ and Unknown appear only when the data has them (or one is selected).
void DrawAgeBands(QueryPanelState& q, const SlicerColumnState& cs) {
  std::map<std::string, double, std::less<>> counts;
  if (cs.counts)
    for (const auto& row : cs.counts->rows)
      if (!row.keys.empty() && !row.values.empty() && row.values[0]) counts[row.keys[0]] = *row.values[0];
  std::vector<std::string> selected = AgeBandsOf(q.where);
  std::vector<std::string> shown;
  for (int i = 0; i < kAgeBandCount; ++i) {
    const auto band = static_cast<AgeBand>(i);
    const std::string label(AgeBandLabel(band));
    const bool optional = band == AgeBand::Age18Plus || band == AgeBand::Unknown;
    const bool on = std::find(selected.begin(), selected.end(), label) != selected.end();
    if (!optional || on || counts.count(label)) shown.push_back(label);
  }
  ImGui::PushID("age-bands");
  auto count_text = [&](const std::string& label) {
    const auto it = counts.find(label);
    return !cs.counts ? std::string("...") : WithThousands(it == counts.end() ? 0 : static_cast<long long>(std::llround(it->second)));
  };
  // Up to four to a row, fewer when the counts are long (millions of rows), so none is cut.
  const ImGuiStyle& style = ImGui::GetStyle();
  float widest = 0;
  for (const std::string& label : shown)
    widest = std::max({widest, ImGui::CalcTextSize(label.c_str()).x, ImGui::CalcTextSize(count_text(label).c_str()).x});
  const float spacing = style.ItemSpacing.x, avail = ImGui::GetContentRegionAvail().x;
  const int per_row = std::clamp(static_cast<int>((avail + spacing) / (widest + style.FramePadding.x * 2 + spacing)), 1, 4);
  const float width = (avail - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  const float height = ImGui::GetTextLineHeight() * 2 + style.FramePadding.y * 2;
  for (size_t i = 0; i < shown.size(); ++i) {
    const std::string& label = shown[i];
    const bool on = std::find(selected.begin(), selected.end(), label) != selected.end();
    const std::string n = count_text(label);
    if (i % static_cast<size_t>(per_row) != 0) ImGui::SameLine();
    // Off reads as an empty field, on as the strong blue: a band never looks chosen when not.
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(on ? ImGuiCol_ButtonActive : ImGuiCol_FrameBg));
    ImGui::PushStyleColor(ImGuiCol_Text, on ? ImVec4(1, 1, 1, 1) : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    const bool clicked = ImGui::Button((label + "\n" + n + "###" + label).c_str(), ImVec2(width, height));
    ImGui::PopStyleColor(2);
    if (ItemProbeEnabled()) ProbeLastItem("slicer:age:" + label);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: %s under the other filters; click to %s", label.c_str(), n.c_str(), on ? "remove" : "add");
    if (clicked) {
      if (on) selected.erase(std::remove(selected.begin(), selected.end(), label), selected.end());
      else selected.push_back(label);
      Assign(q.where, SetAgeBands(q.where, selected));
    }
  }
  ImGui::PopID();
}

void DrawColumnSlicer(const Table& table, const std::string& column, const CodeLabels* labels, QueryPanelState& q,
                      SlicerPanelState& state) {
  const Column* c = table.ColumnByName(column);
  const StringDictionary* dict = c ? c->dictionary() : nullptr;
  if (!dict) return;
  const auto selection = SelectionOf(q.where, column);
  std::vector<std::string> selected = selection ? selection->values : std::vector<std::string>{};
  std::string title = column;
  std::replace(title.begin(), title.end(), '_', ' ');
  if (!title.empty()) title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
  const std::string header = title + (selected.empty() ? "" : "  (" + std::to_string(selected.size()) + " selected)");
  ImGui::PushID(column.c_str());
  if (!ImGui::CollapsingHeader((header + "###" + column).c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::PopID();
    return;
  }
  // Counts under the other filters; values absent from the answer have none.
  std::map<std::string, double, std::less<>> counts;
  const SlicerColumnState& cs = state.columns[column];
  if (cs.counts)
    for (const auto& row : cs.counts->rows)
      if (!row.keys.empty() && !row.values.empty() && row.values[0]) counts[row.keys[0]] = *row.values[0];
  std::string& search = state.search[column];
  if (dict->size() > 12) {
    char buffer[64];
    Fill(buffer, sizeof buffer, search);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##search", "search", buffer, sizeof buffer)) search = buffer;
  }
  if (!selected.empty()) {
    if (ImGui::SmallButton("Clear")) Assign(q.where, SetSelection(q.where, column, {}));
  }
  struct Item {
    std::string code, label;
    double count;
  };
  std::vector<Item> items;
  for (uint32_t code = 0; code < dict->size(); ++code) {
    const std::string value(dict->Get(code));
    const std::string label(labels ? labels->Label(column, value) : std::string_view(value));
    if (!search.empty() && ToLower(label).find(ToLower(search)) == std::string::npos &&
        ToLower(value).find(ToLower(search)) == std::string::npos)
      continue;
    const auto it = counts.find(value);
    items.push_back({value, label, it == counts.end() ? 0.0 : it->second});
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.label < b.label; });
  // Long lists (wards, ethnicities) scroll in a box ten rows high.
  const bool boxed = items.size() > 10;
  if (boxed) ImGui::BeginChild("values", ImVec2(0, ImGui::GetFrameHeightWithSpacing() * 10), false);
  const float count_x = ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 3.5f;
  for (const Item& item : items) {
    bool on = std::find(selected.begin(), selected.end(), item.code) != selected.end();
    const std::string text = item.label == item.code ? item.label : item.label + " (" + item.code + ")";
    if (ImGui::Checkbox(text.c_str(), &on)) {
      if (on) selected.push_back(item.code);
      else selected.erase(std::remove(selected.begin(), selected.end(), item.code), selected.end());
      Assign(q.where, SetSelection(q.where, column, selected, selection && selection->match_null));
    }
    if (ItemProbeEnabled()) ProbeLastItem("slicer:" + column + ":" + item.code);
    const float after_label = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX() + ImGui::GetFontSize() * 0.5f;
    ImGui::SameLine(std::max(count_x, after_label));
    const std::string n = cs.counts ? WithThousands(static_cast<long long>(std::llround(item.count))) : "...";
    ImGui::TextDisabled("%s", n.c_str());
  }
  if (boxed) ImGui::EndChild();
  ImGui::PopID();
}

// One click to keep (or drop) rows whose child is in another dataset at the time: e.g. CME
// referrals of children looked after on their referral date.
void DrawLink(const std::vector<std::string>& tables, QueryPanelState& q) {
  static const char* kWhen[] = {"open-at-start", "open-at-ref", "open-during-period", "started-in-period", "ever"};
  static const char* kWhenWords[] = {"open at this row's start", "open at the reference date", "open in the period",
                                     "started in the period", "at any time"};
  Link current;
  bool on = false;
  try {
    if (!Trim(q.link).empty()) current = ParseLink(q.link), on = true;
  } catch (const std::exception&) {
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "Link: not understood");
    return;
  }
  const std::string self = tables[static_cast<size_t>(q.table) % tables.size()];
  std::vector<std::string> others;
  for (const auto& t : tables)
    if (t != self && t != "population") others.push_back(t);
  if (others.empty()) return;
  bool changed = ImGui::Checkbox("Only children who are", &on);
  if (ItemProbeEnabled()) ProbeLastItem("slicer:link");
  if (!on) {
    if (changed) Fill(q.link, sizeof q.link, "");
    return;
  }
  int presence = current.table.empty() || current.present ? 0 : 1;
  int table = 0;
  for (size_t i = 0; i < others.size(); ++i)
    if (others[i] == current.table) table = static_cast<int>(i);
  int when = 0;
  for (int i = 0; i < IM_ARRAYSIZE(kWhen); ++i)
    if (current.table.empty() ? i == 0 : ParseLink("present x " + std::string(kWhen[i])).when == current.when) when = i;
  ImGui::SetNextItemWidth(-1);
  changed |= ImGui::Combo("##presence", &presence, "also in\0not in\0");
  std::vector<std::string> other_labels;
  for (const auto& o : others) other_labels.push_back(DatasetLabel(o));
  std::vector<const char*> names;
  for (const auto& o : other_labels) names.push_back(o.c_str());
  ImGui::SetNextItemWidth(-1);
  changed |= ImGui::Combo("##linked", &table, names.data(), static_cast<int>(names.size()));
  ImGui::SetNextItemWidth(-1);
  changed |= ImGui::Combo("##when", &when, kWhenWords, IM_ARRAYSIZE(kWhenWords));
  if (changed || current.table.empty())
    Fill(q.link, sizeof q.link,
         std::string(presence == 0 ? "present " : "absent ") + others[static_cast<size_t>(table)] + " " + kWhen[when]);
}

}  // namespace

std::vector<std::string> SlicerColumns(const Table& table) {
  // The dataset's own categories first, then where and who: ward, sex, ethnicity.
  auto rank = [](const std::string& lower) {
    if (lower == "ward") return 1;
    if (lower == "sex") return 2;
    if (lower == "ethnicity") return 3;
    return 0;
  };
  std::vector<std::pair<int, std::string>> ranked;
  for (size_t i = 0; i < table.num_columns(); ++i) {
    const Column& c = table.column(i);
    const std::string name = ToLower(table.column_name(i));
    const bool id = name == "id" || (name.size() > 3 && name.compare(name.size() - 3, 3, "_id") == 0);
    if (c.type() == ColumnType::Category && c.dictionary() && c.dictionary()->size() <= 64 && !id)
      ranked.emplace_back(rank(name), table.column_name(i));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> columns;
  for (auto& [r, name] : ranked) columns.push_back(std::move(name));
  return columns;
}

QueryText AgeBandSlicerQueryText(const std::vector<std::string>& tables, const QueryPanelState& q) {
  QueryText t = SlicerQueryText(tables, q, "");
  t.where = LinesWithoutAge(q.where);
  t.by = "age-band";
  return t;
}

QueryText SlicerQueryText(const std::vector<std::string>& tables, const QueryPanelState& q, const std::string& column) {
  QueryText t;
  t.table = tables.empty() ? "" : tables[static_cast<size_t>(q.table) % tables.size()];
  t.where = LinesWithout(q.where, column);
  t.period = std::string(Trim(q.period));
  t.count = std::string(Trim(q.count));
  t.by = column;
  if (!Trim(q.link).empty()) t.links.emplace_back(Trim(q.link));
  // Count what the chart counts: children if its first measure is children, else episodes.
  t.measure = ToLower(Trim(q.measure)).rfind("children", 0) == 0 ? "children" : "episodes";
  return t;
}

void DrawSlicerPanel(QueryService& service, const std::vector<std::string>& tables, const Table* table,
                     const CodeLabels* labels, QueryPanelState& q, SlicerPanelState& state) {
  if (tables.empty()) {
    ImGui::TextDisabled("No data loaded yet.");
    return;
  }
  // Datasets by their names ("Child protection plans"); the table name is the query's.
  std::vector<std::string> labels_of;
  for (const auto& t : tables) labels_of.push_back(DatasetLabel(t));
  std::vector<const char*> names;
  for (const auto& l : labels_of) names.push_back(l.c_str());
  ImGui::TextDisabled("Dataset");
  ImGui::SetNextItemWidth(-1);
  ImGui::Combo("##table", &q.table, names.data(), static_cast<int>(names.size()));
  if (ItemProbeEnabled()) ProbeLastItem("slicer:dataset");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Table %s", tables[static_cast<size_t>(q.table) % tables.size()].c_str());
  ImGui::TextDisabled("Counting");
  DrawCounting(q);
  ImGui::TextDisabled("Period");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##period", "fy:2010-11..2015-16", q.period, sizeof q.period);
  // Age needs a date of birth: without one (a population table, say) the toggles would wait
  // for counts that never come.
  if (table && !ResolveEventColumns(*table, {}).dob.empty()) {
    DrawAgeRange(q);
    SubmitAndPoll(service, AgeBandSlicerQueryText(tables, q), state.age_bands, kAgeBandSlicerCaller);
    DrawAgeBands(q, state.age_bands);
  } else {
    ImGui::TextDisabled("Age: no date of birth in this dataset");
  }
  DrawLink(tables, q);
  if (ImGui::Button("Clear all filters")) {
    Assign(q.where, "");
    Fill(q.link, sizeof q.link, "");
  }
  ImGui::Separator();
  if (!table) return;
  // The counts beside each value count what the chart counts (children or episodes): said once.
  const bool children = ToLower(Trim(q.measure)).rfind("children", 0) == 0;
  ImGui::TextDisabled("%s", children ? "Counts: children, each counted once" : "Counts: episodes");
  for (const std::string& column : SlicerColumns(*table)) {
    SubmitAndPoll(service, SlicerQueryText(tables, q, column), state.columns[column], kCallerPrefix + column);
    DrawColumnSlicer(*table, column, labels, q, state);
  }
}

}  // namespace csc::app
