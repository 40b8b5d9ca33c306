#include "judge/stress/local_tests.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <set>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/json/field_reader.h"
#include "judge/testset/test_loader.h"

namespace judge {
namespace {

// Holds an exclusive lock on dir/local.lock while it lives: saves from two judges at once take
// turns, so neither reads the file before the other's rename and drops its case.
class SaveLock {
 public:
  explicit SaveLock(const std::filesystem::path& dir)
      : fd_(open((dir / "local.lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600)) {
    if (fd_ >= 0 && flock(fd_, LOCK_EX) != 0) {
      close(fd_);
      fd_ = -1;
    }
  }
  ~SaveLock() {
    if (fd_ >= 0) close(fd_);  // closing releases the lock
  }
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_;
};

// The saved file's cases, or an empty list when there is no file yet.
bool ReadSaved(const std::filesystem::path& file, nlohmann::json* saved, std::string* err) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    *saved = {{"group", kLocalTestGroup}, {"cases", nlohmann::json::array()}};
    return true;
  }
  if (!ParseJsonFile(file, saved, err)) return Fail(*err + " (left as it is)", err);
  if (!saved->is_object() || saved->value("group", "") != kLocalTestGroup ||
      !saved->contains("cases") || !(*saved)["cases"].is_array())
    return Fail(file.string() + ": not a local test file: expected {\"group\": \"" +
                    kLocalTestGroup + "\", \"cases\": [...]} (left as it is)",
                err);
  return true;
}

}  // namespace

std::filesystem::path LocalTestsDir(const std::filesystem::path& store, const std::string& slug) {
  return store.parent_path() / "local-tests" / slug;
}

std::filesystem::path LocalTestsFile(const std::filesystem::path& dir) {
  return dir / "local.json";
}

bool SaveLocalTest(const std::filesystem::path& dir, const nlohmann::json& input,
                   const nlohmann::json& expected, std::string* name, std::string* err) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Fail(dir.string() + ": cannot create: " + ec.message(), err);
  const SaveLock lock(dir);
  if (!lock.ok()) return Fail((dir / "local.lock").string() + ": cannot lock", err);
  const auto file = LocalTestsFile(dir);
  nlohmann::json saved;
  if (!ReadSaved(file, &saved, err)) return false;
  nlohmann::json& cases = saved["cases"];
  std::set<std::string> taken;
  for (const auto& c : cases)
    if (c.is_object() && c.contains("name") && c["name"].is_string()) taken.insert(c["name"]);
  size_t n = cases.size() + 1;
  while (taken.count("stress-" + std::to_string(n))) ++n;
  *name = "stress-" + std::to_string(n);
  cases.push_back({{"name", *name}, {"input", input}, {"expected", expected}});
  return WriteFileAtomic(file, saved.dump(2) + "\n", err);
}

bool LoadLocalTests(const Problem& problem, const std::filesystem::path& dir,
                    std::vector<TestCase>* out, std::string* err) {
  out->clear();
  std::error_code ec;
  if (!std::filesystem::exists(LocalTestsFile(dir), ec)) return true;
  return LoadTestCases(problem, dir, out, err);
}

}  // namespace judge
