#include "ingest/load_options.hpp"

namespace csc {

namespace {
std::string Compose(const std::string& file, size_t line, size_t column, const std::string& message) {
  std::string s = file;
  if (line) s += ":" + std::to_string(line);
  if (line && column) s += ":" + std::to_string(column);
  return s + ": " + message;
}
}  // namespace

LoadError::LoadError(std::string file, size_t line, size_t column, const std::string& message)
    : std::runtime_error(Compose(file, line, column, message)), m_file(std::move(file)), m_line(line), m_column(column) {}

}  // namespace csc
