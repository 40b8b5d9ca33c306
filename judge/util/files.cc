#include "judge/util/files.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace judge {

bool ReadFile(const std::filesystem::path& file, std::string* out, std::string* err) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    *err = file.string() + ": cannot read";
    return false;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

std::string ReadFilePrefix(const std::filesystem::path& file, size_t limit, bool* truncated) {
  std::ifstream in(file, std::ios::binary);
  std::string data(limit + 1, '\0');
  in.read(data.data(), static_cast<std::streamsize>(limit + 1));
  data.resize(static_cast<size_t>(in.gcount()));
  *truncated = data.size() > limit;
  if (*truncated) data.resize(limit);
  return data;
}

bool WriteFileAtomic(const std::filesystem::path& file, const std::string& content,
                     std::string* err) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  const auto temp = file.string() + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out.flush()) {
      *err = temp + ": cannot write";
      return false;
    }
  }
  std::filesystem::rename(temp, file, ec);
  if (ec) {
    *err = file.string() + ": cannot write: " + ec.message();
    std::filesystem::remove(temp, ec);
    return false;
  }
  return true;
}

std::filesystem::path CacheDir() {
  if (const char* dir = std::getenv("JUDGE_CACHE_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "judge";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".cache" / "judge";
  return "/tmp/judge-cache";
}

TempDir::TempDir(const std::filesystem::path& parent) {
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  std::string pattern = (parent / "judge-XXXXXX").string();
  if (mkdtemp(pattern.data())) path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

bool ListJsonFiles(const std::filesystem::path& dir, const std::string& what,
                   std::vector<std::filesystem::path>* out, std::string* err) {
  out->clear();
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".json") out->push_back(entry.path());
  if (ec) {
    *err = dir.string() + ": cannot list " + what + ": " + ec.message();
    return false;
  }
  if (out->empty()) {
    *err = dir.string() + ": no " + what + " (*.json)";
    return false;
  }
  std::sort(out->begin(), out->end());
  return true;
}

}  // namespace judge
