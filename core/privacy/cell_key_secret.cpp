#include "privacy/cell_key_secret.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "util/config_dir.hpp"

namespace csc {

namespace {

constexpr size_t kSecretHexDigits = 64;

std::string NewSecret() {
  std::random_device random;  // /dev/urandom on Linux
  static const char* kHex = "0123456789abcdef";
  std::string hex;
  for (size_t i = 0; i < kSecretHexDigits / 8; ++i) {
    uint32_t word = random();
    for (int d = 0; d < 8; ++d, word >>= 4) hex.push_back(kHex[word & 15]);
  }
  return hex + "\n";
}

std::string ReadSecret(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read the cell-key secret");
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  bool hex = s.size() == kSecretHexDigits;
  for (char c : s) hex &= std::isxdigit(static_cast<unsigned char>(c)) != 0;
  if (!hex)
    throw std::runtime_error(path + ": line 1: the cell-key secret must be 64 hex digits; restore it from a backup "
                                    "(published figures depend on it) or delete it to start a new one");
  return s;
}

// Writes `contents` to a private temporary file and links it to `path` only if `path` does
// not exist yet: of two processes creating the secret at once, one wins and both read it.
void CreateExclusively(const std::string& path, const std::string& contents) {
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error(path + ": cannot write the cell-key secret: " + std::strerror(errno));
  const bool written = ::write(fd, contents.data(), contents.size()) == static_cast<ssize_t>(contents.size()) &&
                       ::fsync(fd) == 0;
  const int err = errno;
  ::close(fd);
  if (!written) {
    ::unlink(tmp.c_str());
    throw std::runtime_error(path + ": cannot write the cell-key secret: " + std::strerror(err));
  }
  const int linked = ::link(tmp.c_str(), path.c_str());
  const int link_err = errno;
  ::unlink(tmp.c_str());
  if (linked != 0 && link_err != EEXIST)
    throw std::runtime_error(path + ": cannot create the cell-key secret: " + std::strerror(link_err));
}

}  // namespace

uint64_t LoadOrCreateCellKeySeed(const std::string& config_dir) {
  const std::string path = (std::filesystem::path(config_dir) / kCellKeySecretFile).string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    std::filesystem::create_directories(config_dir, ec);
    if (ec) throw std::runtime_error(config_dir + ": cannot create the config directory: " + ec.message());
    CreateExclusively(path, NewSecret());
  }
  const std::string secret = ReadSecret(path);
  return XXH3_64bits(secret.data(), secret.size());
}

uint64_t LoadOrCreateCellKeySeed() { return LoadOrCreateCellKeySeed(UserConfigDir()); }

}  // namespace csc
