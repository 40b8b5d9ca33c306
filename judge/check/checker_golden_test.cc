// Golden-file tests for checkers: every folder under tests/checkers/ is one case with
//   checker.json   the "checker" object of a problem.json
//   expected.json  the expected answer
//   received.json  the contestant's answer
//   input.json     optional, the test's input (null if absent)
//   outcome.json   {"accepted": bool, "reason_contains": "..."} or {"error_contains": "..."}
// A new case is a new folder; nothing here changes.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <vector>

#include "judge/check/checker.h"
#include "judge/sandbox/local_sandbox.h"

namespace judge {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json ReadJson(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot read");
  return json::parse(in);
}

void RunCase(const fs::path& dir) {
  json spec_json = ReadJson(dir / "checker.json");
  CheckerSpec spec;
  spec.name = spec_json.value("name", "exact");
  spec_json.erase("name");
  spec.args = spec_json;
  json outcome = ReadJson(dir / "outcome.json");

  LocalSandbox sandbox;
  std::string err;
  std::unique_ptr<Checker> checker = MakeChecker(spec, dir, sandbox, &err);
  if (outcome.contains("error_contains")) {
    EXPECT_EQ(checker, nullptr);
    EXPECT_NE(err.find(outcome["error_contains"].get<std::string>()), std::string::npos) << err;
    return;
  }
  ASSERT_NE(checker, nullptr) << err;
  json input = fs::exists(dir / "input.json") ? ReadJson(dir / "input.json") : json();
  CheckOutcome got =
      checker->Check(input, ReadJson(dir / "expected.json"), ReadJson(dir / "received.json"));
  EXPECT_EQ(got.accepted, outcome.at("accepted").get<bool>()) << got.reason;
  std::string want = outcome.value("reason_contains", "");
  EXPECT_NE(got.reason.find(want), std::string::npos) << "reason: " << got.reason;
}

TEST(CheckerGoldenTest, AllCases) {
  fs::path root = fs::path(JUDGE_DEFAULT_ROOT) / "tests" / "checkers";
  std::vector<fs::path> cases;
  for (const fs::directory_entry& entry : fs::directory_iterator(root))
    if (entry.is_directory()) cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  ASSERT_FALSE(cases.empty()) << "no cases under " << root;
  for (const fs::path& dir : cases) {
    SCOPED_TRACE(dir.filename().string());
    RunCase(dir);
  }
}

}  // namespace
}  // namespace judge
