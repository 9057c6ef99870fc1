#include "dataset/code_labels.hpp"

#include "ingest/csv_loader.hpp"
#include "util/text.hpp"

namespace csc {

std::string_view CodeFieldOf(std::string_view column) {
  static const std::map<std::string, std::string, std::less<>> kFields = {
      {"latest_category", "CIN.CategoryOfAbuse (Initial/Latest)"},
      {"initial_category", "CIN.CategoryOfAbuse (Initial/Latest)"},
      {"category", "CIN.CategoryOfAbuse (Initial/Latest)"},
      {"ethnicity", "903.ETHNIC / CIN.Ethnicity"},
      {"ethnic", "903.ETHNIC / CIN.Ethnicity"},
      {"legal_status", "903.LS"},
      {"ls", "903.LS"},
      {"category_of_need", "903.CIN / CIN.PrimaryNeedCode"},
      {"cin", "903.CIN / CIN.PrimaryNeedCode"},
      {"placement_type", "903.PLACE (XML tag PL)"},
      {"place", "903.PLACE (XML tag PL)"},
      {"placement_provider", "903.PLACE_PROVIDER"},
      {"place_provider", "903.PLACE_PROVIDER"},
      {"reason_new_episode", "903.RNE"},
      {"rne", "903.RNE"},
      {"reason_ceased", "903.REC"},
      {"rec", "903.REC"},
      {"missing_type", "903.MISSING"},
      {"missing", "903.MISSING"}};
  const auto it = kFields.find(ToLower(Trim(column)));
  return it == kFields.end() ? std::string_view() : std::string_view(it->second);
}

std::shared_ptr<const CodeLabels> CodeLabels::Load(const std::string& path) {
  const LoadResult loaded = LoadCsvFile(path);
  const Table& t = *loaded.table;
  const Column* field = t.ColumnByName("return_field");
  const Column* code = t.ColumnByName("code");
  const Column* label = t.ColumnByName("label");
  if (!field || !code || !label) throw LoadError(path, 1, 0, "expected columns return_field, code and label");
  auto labels = std::make_shared<CodeLabels>();
  for (size_t r = 0; r < t.num_rows(); ++r) {
    std::string text = label->FormatCell(r);
    // Some labels run over two lines in the source; the first line is the label.
    text = std::string(Trim(text.substr(0, text.find('\n'))));
    labels->m_labels[field->FormatCell(r)][code->FormatCell(r)] = text;
  }
  return labels;
}

std::shared_ptr<const CodeLabels> CodeLabels::FromEntries(Map labels) {
  auto out = std::make_shared<CodeLabels>();
  out->m_labels = std::move(labels);
  return out;
}

std::string_view CodeLabels::Label(std::string_view column, std::string_view code) const {
  std::string_view field = CodeFieldOf(column);
  if (field.empty()) field = column;
  const auto f = m_labels.find(field);
  if (f == m_labels.end()) return code;
  const auto c = f->second.find(code);
  return c == f->second.end() ? code : std::string_view(c->second);
}

std::string CodeLabels::CodeAndLabel(std::string_view column, std::string_view code) const {
  const std::string_view label = Label(column, code);
  if (label == code) return std::string(code);
  return std::string(code) + ": " + std::string(label);
}

}  // namespace csc
