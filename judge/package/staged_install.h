// Moving a finished import from its staging folder into the workspace: each staged folder is
// renamed onto its target (same file system, so each rename is atomic). A target that exists
// is moved aside into `backup_dir` first when replacing is allowed, and refused otherwise; if a
// rename fails, what was moved is moved back, so the workspace holds the old problem or the new
// one, never a mix.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace judge {

struct StagedFolder {
  std::filesystem::path staged;
  std::filesystem::path target;
};

// The targets that already exist, for a refusal before any work is done.
std::vector<std::filesystem::path> ExistingTargets(const std::vector<StagedFolder>& folders);

bool InstallStaged(const std::vector<StagedFolder>& folders, bool replace,
                   const std::filesystem::path& backup_dir, std::string* err);

}  // namespace judge
