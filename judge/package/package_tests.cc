#include "judge/package/package_tests.h"

#include <algorithm>
#include <map>

#include "judge/error.h"

namespace judge {
namespace {

namespace fs = std::filesystem;

std::string Shown(const fs::path& package, const fs::path& file) {
  std::error_code ec;
  return fs::relative(file, package, ec).generic_string();
}

// The folder's own cases, and its subfolders in name order (depth first).
bool Walk(const fs::path& package, const fs::path& folder, bool answers_optional,
          std::vector<PackageGroup>* out, std::string* err) {
  std::vector<fs::path> files, folders;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    (entry.is_directory() ? folders : files).push_back(entry.path());
  if (ec) return Fail(Shown(package, folder) + ": cannot list: " + ec.message(), err);
  std::sort(files.begin(), files.end());
  std::sort(folders.begin(), folders.end());
  PackageGroup group{folder.filename().string(), folder, {}};
  for (const fs::path& file : files) {
    fs::path paired = file;
    if (file.extension() == ".in") {
      if (!fs::is_regular_file(paired.replace_extension(".ans"), ec)) {
        if (!answers_optional)
          return Fail(Shown(package, file) + ": no " + paired.filename().string() + " beside it",
                      err);
        paired.clear();
      }
      group.cases.push_back({file.stem().string(), file, paired});
    } else if (file.extension() == ".ans" &&
               !fs::is_regular_file(paired.replace_extension(".in"), ec)) {
      return Fail(Shown(package, file) + ": no " + paired.filename().string() + " beside it", err);
    }
  }
  if (!group.cases.empty()) out->push_back(std::move(group));
  for (const fs::path& sub : folders)
    if (!Walk(package, sub, answers_optional, out, err)) return false;
  return true;
}

}  // namespace

bool CollectTestGroups(const fs::path& package, bool answers_optional,
                       std::vector<PackageGroup>* out, std::string* err) {
  out->clear();
  std::error_code ec;
  if (!fs::is_directory(package / "data" / "secret", ec))
    return Fail("data/secret: missing (a problem package keeps its tests there)", err);
  for (const char* part : {"sample", "secret"})
    if (fs::is_directory(package / "data" / part, ec) &&
        !Walk(package, package / "data" / part, answers_optional, out, err))
      return false;
  if (out->empty()) return Fail("data: no .in files under data/sample or data/secret", err);
  std::map<std::string, int> uses;
  for (const PackageGroup& group : *out) ++uses[group.name];
  for (PackageGroup& group : *out) {
    if (uses[group.name] == 1) continue;
    group.name = fs::relative(group.folder, package / "data", ec).generic_string();
    std::replace(group.name.begin(), group.name.end(), '/', '-');
  }
  return true;
}

}  // namespace judge
