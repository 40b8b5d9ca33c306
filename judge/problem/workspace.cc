#include "judge/problem/workspace.h"

#include <cstdlib>

#include "judge/error.h"

namespace judge {

bool FindWorkspace(const std::string& root_flag, Workspace* out, std::string* err) {
  std::filesystem::path root = root_flag;
  if (root.empty())
    if (const char* env = std::getenv("JUDGE_ROOT"); env && *env) root = env;
  if (root.empty()) root = JUDGE_DEFAULT_ROOT;
  if (!std::filesystem::is_directory(root / "problems"))
    return Fail(root.string() + ": no problems/ folder here (set --root or JUDGE_ROOT)", err);
  out->root = root;
  out->cache = CacheDir();
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

}  // namespace judge
