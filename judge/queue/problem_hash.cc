#include "judge/queue/problem_hash.h"

#include <algorithm>
#include <vector>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/files/sha256.h"

namespace judge {
namespace {

// Appends each regular file under `dir` (sorted, recursive) as "name\0size\0content" to *out.
bool AppendFiles(const std::filesystem::path& dir, const std::string& label, std::string* out,
                 std::string* err) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return true;
  std::vector<std::filesystem::path> files;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file() && it->path().filename() != "statement.md")
      files.push_back(it->path());
  if (ec) return Fail(dir.string() + ": " + ec.message(), err);
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::string content;
    if (!ReadFile(file, &content, err)) return false;
    const std::string name = label + "/" + file.lexically_relative(dir).string();
    out->append(name).push_back('\0');
    out->append(std::to_string(content.size())).push_back('\0');
    out->append(content);
  }
  return true;
}

}  // namespace

bool ProblemContentHash(const Workspace& workspace, const std::string& slug, std::string* hash,
                        std::string* err) {
  std::string all;
  if (!AppendFiles(workspace.problems() / slug, "problem", &all, err) ||
      !AppendFiles(workspace.testcases() / slug, "tests", &all, err))
    return false;
  *hash = Sha256Hex(all);
  return true;
}

}  // namespace judge
