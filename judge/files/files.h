// Small file-system operations the judge needs everywhere: whole-file reads, atomic writes (a
// judge killed mid-write never leaves a half-written cache entry) and private temporary folders.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace judge {

bool ReadFile(const std::filesystem::path& file, std::string* out, std::string* err);
// Reads at most `limit` bytes; *truncated says whether there was more.
std::string ReadFilePrefix(const std::filesystem::path& file, size_t limit, bool* truncated);
// Writes a temporary sibling, then renames it over `file`.
bool WriteFileAtomic(const std::filesystem::path& file, const std::string& content,
                     std::string* err);

// The *.json files directly in `dir`, sorted by name (test groups are judged in that order).
// Fails, naming `dir`, when it cannot be listed or holds none; `what` names them ("test files").
bool ListJsonFiles(const std::filesystem::path& dir, const std::string& what,
                   std::vector<std::filesystem::path>* out, std::string* err);

// The system's folder for temporary files ($TMPDIR), or /tmp when that names none; never throws.
std::filesystem::path TemporaryFolder();

// A fresh private (0700) folder under `parent`, removed by the destructor; ok() is false when it
// could not be made.
class TempDir {
 public:
  explicit TempDir(const std::filesystem::path& parent = TemporaryFolder());
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  bool ok() const { return !path_.empty(); }

 private:
  std::filesystem::path path_;
};

}  // namespace judge
