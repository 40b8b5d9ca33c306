// Which of a program's arguments an isolated run must be able to read: the directories of the
// absolute paths among them (a built program in the cache, a Python source and its harness).
#pragma once

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace judge {

inline std::vector<std::filesystem::path> ArgumentDirectories(
    const std::vector<std::string>& argv) {
  std::vector<std::filesystem::path> dirs;
  for (const std::string& arg : argv) {
    const std::filesystem::path path(arg);
    std::error_code ec;
    if (!path.is_absolute() || !std::filesystem::is_regular_file(path, ec)) continue;
    const auto dir = path.parent_path();
    bool seen = false;
    for (const auto& d : dirs) seen = seen || d == dir;
    if (!seen) dirs.push_back(dir);
  }
  return dirs;
}

}  // namespace judge
