#include "judge/package/package_verdicts.h"

namespace judge {
namespace {

struct FolderRow {
  const char* package;  // the format's name
  const char* ours;     // the judge's verdict folder
};

// The first row for a verdict folder of ours is the name an export writes.
constexpr FolderRow kFolders[] = {
    {"accepted", "accepted"},
    {"wrong_answer", "wrong_answer"},
    {"time_limit_exceeded", "time_limit_exceeded"},
    {"run_time_error", "runtime_error"},
    {"runtime_error", "runtime_error"},
    {"memory_limit_exceeded", "memory_limit_exceeded"},
    {"output_limit_exceeded", "output_limit_exceeded"},
    {"compile_error", "compile_error"},
};

}  // namespace

std::optional<std::string> VerdictFolderForPackage(const std::string& package_folder) {
  for (const FolderRow& row : kFolders)
    if (package_folder == row.package) return row.ours;
  return std::nullopt;
}

std::string PackageFolderForVerdict(const std::string& verdict_folder) {
  for (const FolderRow& row : kFolders)
    if (verdict_folder == row.ours) return row.package;
  return verdict_folder;
}

}  // namespace judge
