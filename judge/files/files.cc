#include "judge/files/files.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "judge/error.h"

namespace judge {

bool ReadFile(const std::filesystem::path& file, std::string* out, std::string* err) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Fail(file.string() + ": cannot read", err);
  std::stringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

std::string ReadFilePrefix(const std::filesystem::path& file, size_t limit, bool* truncated) {
  std::ifstream in(file, std::ios::binary);
  // Chunk by chunk, not a buffer of `limit` bytes: the limit is often 64 MB and the file a line,
  // and zeroing 64 MB per competitive test cost more than running it.
  std::string data;
  char chunk[1 << 16];
  while (data.size() <= limit) {
    const size_t want = std::min(sizeof chunk, limit + 1 - data.size());
    in.read(chunk, static_cast<std::streamsize>(want));
    if (in.gcount() <= 0) break;
    data.append(chunk, static_cast<size_t>(in.gcount()));
  }
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
    if (!out.flush()) return Fail(temp + ": cannot write", err);
  }
  std::filesystem::rename(temp, file, ec);
  if (ec) {
    *err = file.string() + ": cannot write: " + ec.message();
    std::filesystem::remove(temp, ec);
    return false;
  }
  return true;
}

std::filesystem::path TemporaryFolder() {
  std::error_code ec;
  std::filesystem::path folder = std::filesystem::temp_directory_path(ec);
  return ec ? std::filesystem::path("/tmp") : folder;
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
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      out->push_back(entry.path());
  if (ec) return Fail(dir.string() + ": cannot list " + what + ": " + ec.message(), err);
  if (out->empty()) return Fail(dir.string() + ": no " + what + " (*.json)", err);
  std::sort(out->begin(), out->end());
  return true;
}

}  // namespace judge
