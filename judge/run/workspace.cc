#include "judge/run/workspace.h"

#include <cstdlib>

#include "judge/util/files.h"

namespace judge {

bool FindWorkspace(const std::string& root_flag, Workspace* out, std::string* err) {
  std::filesystem::path root = root_flag;
  if (root.empty())
    if (const char* env = std::getenv("JUDGE_ROOT"); env && *env) root = env;
  if (root.empty()) root = JUDGE_DEFAULT_ROOT;
  if (!std::filesystem::is_directory(root / "problems")) {
    *err = root.string() + ": no problems/ folder here (set --root or JUDGE_ROOT)";
    return false;
  }
  out->root = root;
  out->cache = CacheDir();
  return true;
}

}  // namespace judge
