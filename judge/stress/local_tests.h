// The cases `judge stress --save` keeps: a test group of the person's own, per problem, beside
// the store rather than beside the problem's tests (it is theirs, not the problem's: `judge
// verify` never sees it). The folder is <folder of the store>/local-tests/<slug>/, by default
// ~/.local/share/judge/local-tests/<slug>/; with a PostgreSQL store, which many people share,
// the cases stay on this machine, in the default store's folder (store_location.h). It holds one
// file, local.json, in the format of a problem's test files (problems/FORMAT.md): {"group":
// "local", "cases": [{"name": "stress-1", "input": ..., "expected": ...}, ...]}. `judge run`
// judges it after the problem's own groups. Saving is safe against other judges saving at the
// same time (a lock file) and against being killed mid-write (the file is written whole, then
// renamed over the old one).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "judge/problem/problem.h"
#include "judge/testset/test_case.h"

namespace judge {

inline constexpr char kLocalTestGroup[] = "local";

// <folder of `store`>/local-tests/<slug>.
std::filesystem::path LocalTestsDir(const std::filesystem::path& store, const std::string& slug);

// dir/local.json.
std::filesystem::path LocalTestsFile(const std::filesystem::path& dir);

// Appends one case named "stress-N" (the next free N; *name gets it), keeping every case saved
// before. A local.json that is not a local test file is refused and left as it is.
bool SaveLocalTest(const std::filesystem::path& dir, const nlohmann::json& input,
                   const nlohmann::json& expected, std::string* name, std::string* err);

// The saved cases, loaded and checked like the problem's tests; none when there is no file.
bool LoadLocalTests(const Problem& problem, const std::filesystem::path& dir,
                    std::vector<TestCase>* out, std::string* err);

}  // namespace judge
