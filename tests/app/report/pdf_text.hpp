#pragma once
// Reads a PDF back as a person's tools do: page count from pdfinfo, each page's text from
// pdftotext (poppler-utils, installed by scripts/install-deps.sh).
#include <cstdio>
#include <string>

namespace csc::test {

inline std::string CommandOutput(const std::string& command) {
  std::string out;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, p)) > 0) out.append(buffer, n);
    ::pclose(p);
  }
  return out;
}

inline int PdfPages(const std::string& path) {
  const std::string info = CommandOutput("pdfinfo '" + path + "' 2>/dev/null");
  const size_t at = info.find("Pages:");
  return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
}

// Page `page` (1-based) as text, table rows kept on their lines.
inline std::string PdfPageText(const std::string& path, int page) {
  const std::string n = std::to_string(page);
  return CommandOutput("pdftotext -layout -f " + n + " -l " + n + " '" + path + "' - 2>/dev/null");
}

// Runs of spaces as one, so a table row reads "Neglect 3".
inline std::string Squeezed(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

}  // namespace csc::test
