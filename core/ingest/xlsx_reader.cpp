#include "ingest/xlsx_reader.hpp"

#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <string_view>

#include "ingest/load_options.hpp"
#include "time/civil_date.hpp"

namespace csc {

namespace {

// A workbook part larger than this is refused rather than inflated: a zip bomb would
// otherwise take the machine's memory before the first row is read.
constexpr zip_uint64_t kMaxPartBytes = 2ull << 30;

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

class Package {
 public:
  Package(ZipPtr zip, std::string name) : m_zip(std::move(zip)), m_name(std::move(name)) {}

  bool Has(const std::string& part) const { return zip_name_locate(m_zip.get(), part.c_str(), 0) >= 0; }

  std::string Read(const std::string& part) const {
    const zip_int64_t index = zip_name_locate(m_zip.get(), part.c_str(), 0);
    if (index < 0) Fail("the workbook has no part " + part);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(m_zip.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
      Fail("cannot read the size of " + part);
    if (st.size > kMaxPartBytes) Fail(part + " would inflate to more than 2 GiB; refused");
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(m_zip.get(), static_cast<zip_uint64_t>(index), 0),
                                                           zip_fclose);
    if (!file) Fail("cannot open " + part + ": " + zip_strerror(m_zip.get()));
    // Memory follows the bytes that really inflate, not the size the directory claims: a
    // damaged or hostile entry may claim gigabytes and hold a few bytes.
    std::string out;
    out.reserve(static_cast<size_t>(std::min<zip_uint64_t>(st.size, zip_uint64_t{1} << 24)));
    char buffer[1 << 16];
    for (;;) {
      const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
      if (n < 0) Fail("cannot inflate " + part + ": " + zip_file_strerror(file.get()));
      if (n == 0) break;
      if (out.size() + static_cast<size_t>(n) > st.size)
        Fail(part + " is longer than its directory entry says (damaged workbook)");
      out.append(buffer, static_cast<size_t>(n));
    }
    if (out.size() != st.size) Fail(part + " is shorter than its directory entry says (damaged workbook)");
    return out;
  }

  pugi::xml_document Xml(const std::string& part) const {
    const std::string text = Read(part);
    pugi::xml_document doc;
    const pugi::xml_parse_result ok = doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!ok) Fail(part + " is not well-formed XML at byte " + std::to_string(ok.offset) + ": " + ok.description());
    return doc;
  }

  [[noreturn]] void Fail(const std::string& message) const { throw LoadError(m_name, 0, 0, message); }

 private:
  ZipPtr m_zip;
  std::string m_name;
};

// Element and attribute names without their namespace prefix ("x:row" -> "row"), since
// writers other than Excel prefix the spreadsheetml namespace.
std::string_view Local(const char* name) {
  const std::string_view n(name);
  const size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c : node.children())
    if (Local(c.name()) == name) return c;
  return {};
}

template <class Fn>
void Children(pugi::xml_node node, std::string_view name, Fn&& fn) {
  for (pugi::xml_node c : node.children())
    if (Local(c.name()) == name) fn(c);
}

const char* Attr(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute a : node.attributes())
    if (Local(a.name()) == name) return a.value();
  return "";
}

// The text of a string item: <t> directly, or rich-text runs <r><t>; phonetic runs (<rPh>) are
// reading aids, not part of the value.
std::string StringItemText(pugi::xml_node si) {
  std::string out;
  for (pugi::xml_node c : si.children()) {
    const std::string_view n = Local(c.name());
    if (n == "t") out += c.text().get();
    else if (n == "r") out += Child(c, "t").text().get();
  }
  return out;
}

// Built-in number formats that show a date (ECMA-376 18.8.30, plus the East Asian ids).
bool IsBuiltInDateFormat(int id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

// A custom format code shows a date when it has a day, month or year token outside quoted
// text, escapes and [..] sections (colours, locales, elapsed time).
bool IsDateFormatCode(std::string_view code) {
  bool quoted = false;
  int bracket = 0;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      quoted = c != '"';
      continue;
    }
    if (c == '"') quoted = true;
    else if (c == '\\' || c == '_' || c == '*') ++i;
    else if (c == '[') ++bracket;
    else if (c == ']') bracket = std::max(0, bracket - 1);
    else if (bracket == 0 && (c == 'd' || c == 'D' || c == 'y' || c == 'Y' || c == 'm' || c == 'M')) {
      // "m" alone next to h/s is minutes; a date format has d or y somewhere too.
      for (char x : code)
        if (x == 'd' || x == 'D' || x == 'y' || x == 'Y') return true;
    }
  }
  return false;
}

struct Styles {
  std::vector<bool> date_style;  // per cellXfs index
  bool IsDate(size_t s) const { return s < date_style.size() && date_style[s]; }
};

Styles ReadStyles(const Package& pkg, const std::string& part) {
  Styles styles;
  if (part.empty() || !pkg.Has(part)) return styles;
  const pugi::xml_document doc = pkg.Xml(part);
  const pugi::xml_node sheet = Child(doc, "styleSheet");
  std::set<int> custom_dates;
  Children(Child(sheet, "numFmts"), "numFmt", [&](pugi::xml_node f) {
    if (IsDateFormatCode(Attr(f, "formatCode"))) custom_dates.insert(std::atoi(Attr(f, "numFmtId")));
  });
  Children(Child(sheet, "cellXfs"), "xf", [&](pugi::xml_node xf) {
    const int id = std::atoi(Attr(xf, "numFmtId"));
    styles.date_style.push_back(IsBuiltInDateFormat(id) || custom_dates.count(id) > 0);
  });
  return styles;
}

// "AB12" -> column 27 (0-based); nullopt when the reference has no letters.
std::optional<size_t> ColumnOfRef(std::string_view ref) {
  size_t col = 0, letters = 0;
  for (char c : ref) {
    if (c >= 'A' && c <= 'Z') col = col * 26 + static_cast<size_t>(c - 'A' + 1), ++letters;
    else if (c >= 'a' && c <= 'z') col = col * 26 + static_cast<size_t>(c - 'a' + 1), ++letters;
    else break;
    if (letters > 3) return std::nullopt;  // past XFD: not a column
  }
  if (letters == 0) return std::nullopt;
  return col - 1;
}

void AppendCsvField(std::string& out, std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += value;
    return;
  }
  out += '"';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string FormatNumberCell(std::string_view v, bool is_date, bool date1904) {
  if (!is_date || v.empty()) return std::string(v);
  char* end = nullptr;
  const std::string copy(v);
  const double serial = std::strtod(copy.c_str(), &end);
  if (end == copy.c_str() || !std::isfinite(serial) || serial < 0 || serial > 2958465) return copy;  // 9999-12-31
  const int64_t days = ExcelSerialToDays(serial, date1904);
  const double fraction = serial - std::floor(serial);
  std::string out = FormatIsoDate(static_cast<int32_t>(days));
  const int64_t seconds = std::llround(fraction * 86400.0);
  if (seconds > 0 && seconds < 86400) {
    char time[16];
    std::snprintf(time, sizeof time, " %02d:%02d:%02d", static_cast<int>(seconds / 3600),
                  static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
    out += time;
  }
  return out;
}

XlsxSheet RenderSheet(const Package& pkg, const std::string& part, const std::string& sheet_name,
                      const std::vector<std::string>& shared, const Styles& styles, bool date1904) {
  const pugi::xml_document doc = pkg.Xml(part);
  const pugi::xml_node data = Child(Child(doc, "worksheet"), "sheetData");
  XlsxSheet sheet{sheet_name, {}, 0};
  size_t next_row = 1, header_width = 0;
  bool header_seen = false;
  std::vector<std::string> cells;
  Children(data, "row", [&](pugi::xml_node row) {
    const char* r_attr = Attr(row, "r");
    const size_t number = *r_attr ? std::strtoull(r_attr, nullptr, 10) : next_row;
    if (number < next_row) pkg.Fail("sheet '" + sheet_name + "': row " + std::to_string(number) + " is out of order");
    cells.clear();
    size_t position = 0;
    Children(row, "c", [&](pugi::xml_node c) {
      const std::optional<size_t> col = ColumnOfRef(Attr(c, "r"));
      position = col ? *col : position;
      if (position >= 16384) pkg.Fail("sheet '" + sheet_name + "' row " + std::to_string(number) + ": column beyond XFD");
      const std::string_view type = Attr(c, "t");
      const std::string_view v = Child(c, "v").text().get();
      std::string value;
      if (type == "s") {
        const size_t index = std::strtoull(std::string(v).c_str(), nullptr, 10);
        if (v.empty() || index >= shared.size())
          pkg.Fail("sheet '" + sheet_name + "' cell " + Attr(c, "r") + ": shared string " + std::string(v) + " does not exist");
        value = shared[index];
      } else if (type == "inlineStr") {
        value = StringItemText(Child(c, "is"));
      } else if (type == "b") {
        value = v == "1" ? "TRUE" : v == "0" ? "FALSE" : std::string(v);
      } else if (type == "str" || type == "e") {
        value = std::string(v);  // a formula's text, or an error such as #N/A (the loader flags it)
      } else {
        value = FormatNumberCell(v, styles.IsDate(std::strtoull(Attr(c, "s"), nullptr, 10)), date1904);
      }
      if (cells.size() <= position) cells.resize(position + 1);
      cells[position] = std::move(value);
      ++position;
    });
    while (!cells.empty() && cells.back().empty()) cells.pop_back();
    if (cells.empty()) return;  // formatted but empty: a blank line
    // Rows in between are written as blank lines so line numbers stay the sheet's rows.
    sheet.csv.append(number - next_row, '\n');
    next_row = number + 1;
    if (!header_seen) header_seen = true, header_width = cells.size();
    // Pad to the header's width (Excel leaves trailing empty cells out); a row wider than
    // the header keeps its extra cells, so the loader rejects it and says where.
    if (cells.size() < header_width) cells.resize(header_width);
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) sheet.csv += ',';
      AppendCsvField(sheet.csv, cells[i]);
    }
    sheet.csv += '\n';
    ++sheet.rows;
  });
  return sheet;
}

// "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml" from the root.
std::string ResolveTarget(std::string_view base_dir, std::string_view target) {
  if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
  std::string out(base_dir);
  out += target;
  return out;
}

std::vector<XlsxSheet> ReadPackage(const Package& pkg) {
  // The workbook part is named by the package's root relationships; xl/workbook.xml is
  // what every writer uses, so it is the fallback.
  std::string workbook_part = "xl/workbook.xml";
  if (pkg.Has("_rels/.rels")) {
    const pugi::xml_document rels = pkg.Xml("_rels/.rels");
    Children(Child(rels, "Relationships"), "Relationship", [&](pugi::xml_node r) {
      if (std::string_view(Attr(r, "Type")).ends_with("/officeDocument")) workbook_part = ResolveTarget("", Attr(r, "Target"));
    });
  }
  const size_t slash = workbook_part.rfind('/');
  const std::string base = slash == std::string::npos ? "" : workbook_part.substr(0, slash + 1);
  const std::string rels_part = base + "_rels/" + workbook_part.substr(slash + 1) + ".rels";

  std::map<std::string, std::string> targets;  // relationship id -> part
  std::string shared_part, styles_part;
  const pugi::xml_document rels = pkg.Xml(rels_part);
  Children(Child(rels, "Relationships"), "Relationship", [&](pugi::xml_node r) {
    const std::string part = ResolveTarget(base, Attr(r, "Target"));
    const std::string_view type = Attr(r, "Type");
    targets[Attr(r, "Id")] = part;
    if (type.ends_with("/sharedStrings")) shared_part = part;
    if (type.ends_with("/styles")) styles_part = part;
  });

  std::vector<std::string> shared;
  if (!shared_part.empty() && pkg.Has(shared_part)) {
    const pugi::xml_document doc = pkg.Xml(shared_part);
    Children(Child(doc, "sst"), "si", [&](pugi::xml_node si) { shared.push_back(StringItemText(si)); });
  }
  const Styles styles = ReadStyles(pkg, styles_part);

  const pugi::xml_document wb = pkg.Xml(workbook_part);
  const pugi::xml_node workbook = Child(wb, "workbook");
  const std::string_view date1904 = Attr(Child(workbook, "workbookPr"), "date1904");
  const bool is1904 = date1904 == "1" || date1904 == "true";
  std::vector<XlsxSheet> sheets;
  Children(Child(workbook, "sheets"), "sheet", [&](pugi::xml_node s) {
    const std::string name = Attr(s, "name");
    const auto it = targets.find(Attr(s, "id"));
    if (it == targets.end()) pkg.Fail("sheet '" + name + "' points to no part of the workbook");
    if (!pkg.Has(it->second)) pkg.Fail("sheet '" + name + "': the workbook has no part " + it->second);
    sheets.push_back(RenderSheet(pkg, it->second, name, shared, styles, is1904));
  });
  if (sheets.empty()) pkg.Fail("the workbook has no worksheets");
  return sheets;
}

}  // namespace

int64_t ExcelSerialToDays(double serial, bool date1904) {
  const int64_t whole = static_cast<int64_t>(std::floor(serial));
  if (date1904) return DaysFromCivil(1904, 1, 1) + whole;
  // Excel counts 29 February 1900, which never was: serials from 61 on are one day ahead.
  if (whole >= 61) return DaysFromCivil(1899, 12, 30) + whole;
  if (whole == 60) return DaysFromCivil(1900, 2, 28);  // the phantom day, read as the day before
  return DaysFromCivil(1899, 12, 31) + whole;
}

bool LooksLikeZip(const char* data, size_t size) { return size >= 4 && std::memcmp(data, "PK\x03\x04", 4) == 0; }

std::vector<XlsxSheet> ReadXlsxSheets(const std::string& path) {
  int error = 0;
  ZipPtr zip(zip_open(path.c_str(), ZIP_RDONLY, &error));
  if (!zip) {
    zip_error_t e;
    zip_error_init_with_code(&e, error);
    const std::string message = std::string("not a readable .xlsx workbook (") + zip_error_strerror(&e) + ")";
    zip_error_fini(&e);
    throw LoadError(path, 0, 0, message);
  }
  return ReadPackage(Package(std::move(zip), path));
}

std::vector<XlsxSheet> ReadXlsxBytes(const std::string& bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    zip_error_fini(&error);
    throw LoadError(name, 0, 0, "cannot read the workbook from memory");
  }
  ZipPtr zip(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!zip) {
    zip_source_free(source);
    const std::string message = std::string("not a readable .xlsx workbook (") + zip_error_strerror(&error) + ")";
    zip_error_fini(&error);
    throw LoadError(name, 0, 0, message);
  }
  zip_error_fini(&error);
  return ReadPackage(Package(std::move(zip), name));
}

}  // namespace csc
