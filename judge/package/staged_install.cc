#include "judge/package/staged_install.h"

#include "judge/error.h"

namespace judge {

namespace fs = std::filesystem;

std::vector<fs::path> ExistingTargets(const std::vector<StagedFolder>& folders) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const StagedFolder& folder : folders)
    if (fs::exists(folder.target, ec)) out.push_back(folder.target);
  return out;
}

bool InstallStaged(const std::vector<StagedFolder>& folders, bool replace,
                   const fs::path& backup_dir, std::string* err) {
  const std::vector<fs::path> existing = ExistingTargets(folders);
  if (!existing.empty() && !replace)
    return Fail(existing.front().string() + ": already exists (--force replaces it)", err);
  std::vector<std::pair<fs::path, fs::path>> done;  // renames made, to undo: from, to
  auto undo = [&done] {
    std::error_code ignored;
    for (auto it = done.rbegin(); it != done.rend(); ++it)
      fs::rename(it->second, it->first, ignored);
  };
  std::error_code ec;
  fs::create_directories(backup_dir, ec);
  for (size_t i = 0; i < folders.size() && !ec; ++i) {
    const StagedFolder& folder = folders[i];
    fs::create_directories(folder.target.parent_path(), ec);
    if (!ec && fs::exists(folder.target)) {
      const fs::path aside = backup_dir / std::to_string(i);
      fs::rename(folder.target, aside, ec);
      if (!ec) done.emplace_back(folder.target, aside);
    }
    if (!ec) fs::rename(folder.staged, folder.target, ec);
    if (!ec) done.emplace_back(folder.staged, folder.target);
    if (ec) {
      undo();
      return Fail(folder.target.string() + ": cannot move the import into place: " + ec.message(),
                  err);
    }
  }
  return true;
}

}  // namespace judge
