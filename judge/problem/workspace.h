// Where the judge finds problems, tests and solutions, and where it caches builds and answers.
#pragma once

#include <filesystem>
#include <string>

namespace judge {

struct Workspace {
  std::filesystem::path root;  // holds problems/, testcases/, solutions/
  std::filesystem::path cache;

  std::filesystem::path problems() const { return root / "problems"; }
  std::filesystem::path testcases() const { return root / "testcases"; }
  std::filesystem::path solutions() const { return root / "solutions"; }
};

// `root_flag` if given, else $JUDGE_ROOT, else the source tree the judge was built from.
// Fails when the chosen folder has no problems/ folder.
bool FindWorkspace(const std::string& root_flag, Workspace* out, std::string* err);

// $JUDGE_CACHE_DIR, else $XDG_CACHE_HOME/judge, else $HOME/.cache/judge, else /tmp/judge-cache.
std::filesystem::path CacheDir();

}  // namespace judge
