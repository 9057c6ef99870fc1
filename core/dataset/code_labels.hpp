#pragma once
// Labels for coded values (NEG -> Neglect, C2 -> Full care order), read from the bundled
// code list (assets/reference/code_lists.csv: return_field, code, label). Columns of the
// canonical layouts are tied to their return field, so a view shows "Neglect" wherever a
// category of abuse appears. Unknown codes keep the code itself, never disappear.
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace csc {

class CodeLabels {
 public:
  // Throws LoadError when the file cannot be read.
  static std::shared_ptr<const CodeLabels> Load(const std::string& code_lists_csv);

  // The label of `code` in `column` (a canonical column name or an SSDA903/CIN field name),
  // or the code itself when either is unknown.
  std::string_view Label(std::string_view column, std::string_view code) const;
  // "NEG: Neglect" for axes and legends where both matter; the code alone when unlabelled.
  std::string CodeAndLabel(std::string_view column, std::string_view code) const;
  size_t size() const { return m_labels.size(); }

  using Map = std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>>;  // field -> code -> label
  // The labels as read (a snapshot saves them), and labels from such a map.
  const Map& entries() const { return m_labels; }
  static std::shared_ptr<const CodeLabels> FromEntries(Map labels);

 private:
  Map m_labels;
};

// The code-list field a column's values come from ("" when the column is not coded).
std::string_view CodeFieldOf(std::string_view column);

}  // namespace csc
