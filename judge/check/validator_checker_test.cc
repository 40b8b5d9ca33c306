// The validator checker with shell-script validators run for real: the 42 / 43 exit convention,
// the files it is given, judgemessage.txt as the reason, and a validator that fails (any other
// exit) reported as the checker's failure rather than a wrong answer.
#include "judge/check/validator_checker.h"

#include <gtest/gtest.h>

#include <fstream>

#include "judge/files/files.h"
#include "judge/sandbox/local_sandbox.h"

namespace judge {
namespace {

using nlohmann::json;

class ValidatorCheckerTest : public ::testing::Test {
 protected:
  void WriteScript(const std::string& name, const std::string& body) {
    std::ofstream(dir_.path() / name) << "#!/bin/sh\n" << body;
    std::filesystem::permissions(dir_.path() / name, std::filesystem::perms::owner_all);
  }

  std::unique_ptr<Checker> Make(const std::string& spec, std::string* err) {
    CheckerSpec parsed{"validator", json::parse(spec)};
    return MakeChecker(parsed, dir_.path(), sandbox_, err);
  }

  TempDir dir_;
  LocalSandbox sandbox_;
};

TEST_F(ValidatorCheckerTest, ExitCodesDecideAndJudgeMessageIsTheReason) {
  // Accepts when the output ($stdin) equals the answer file plus the input's first word.
  WriteScript(
      "check.sh",
      "read n < \"$1\"; read a < \"$2\"; read out\n"
      "test -d \"$3\" || exit 5\n"
      "if [ \"$out\" = \"$a $n $4\" ]; then echo fine > \"$3/judgemessage.txt\"; exit 42; fi\n"
      "echo \"got $out\" > \"$3/judgemessage.txt\"; exit 43\n");
  std::string err;
  auto checker = Make(R"({"program": "check.sh", "args": ["x"]})", &err);
  ASSERT_NE(checker, nullptr) << err;
  const CheckOutcome accepted = checker->Check(json("7\n"), json("ok\n"), json("ok 7 x\n"));
  EXPECT_TRUE(accepted.accepted) << accepted.reason;
  EXPECT_EQ(accepted.reason, "fine");
  const CheckOutcome rejected = checker->Check(json("7\n"), json("ok\n"), json("no\n"));
  EXPECT_FALSE(rejected.accepted);
  EXPECT_FALSE(rejected.checker_failed);
  EXPECT_EQ(rejected.reason, "got no");
}

TEST_F(ValidatorCheckerTest, AnyOtherExitIsTheValidatorsFailure) {
  WriteScript("broken.sh", "exit 1\n");
  WriteScript("silent_reject.sh", "exit 43\n");
  std::string err;
  auto broken = Make(R"({"program": "broken.sh"})", &err);
  ASSERT_NE(broken, nullptr) << err;
  const CheckOutcome outcome = broken->Check(json("1\n"), json("1\n"), json("1\n"));
  EXPECT_FALSE(outcome.accepted);
  EXPECT_TRUE(outcome.checker_failed);
  EXPECT_EQ(outcome.reason, "output validator exited with code 1 (42 accepts, 43 rejects)");
  auto silent = Make(R"({"program": "silent_reject.sh"})", &err);
  ASSERT_NE(silent, nullptr) << err;
  EXPECT_EQ(silent->Check(json("1\n"), json("1\n"), json("2\n")).reason,
            "rejected by the output validator");
}

TEST_F(ValidatorCheckerTest, BadArguments) {
  std::ofstream(dir_.path() / "check.cpp") << "int main() { return 42; }\n";
  std::string err;
  EXPECT_EQ(Make(R"({"program": "missing.sh"})", &err), nullptr);
  EXPECT_NE(err.find("checker.program: "), std::string::npos) << err;
  EXPECT_NE(err.find("is not a file"), std::string::npos) << err;
  EXPECT_EQ(Make(R"({"program": "check.cpp"})", &err), nullptr);
  EXPECT_NE(err.find("is not executable (a validator's source is built"), std::string::npos) << err;
  EXPECT_EQ(Make(R"({"program": "check.cpp", "flags": []})", &err), nullptr);
  EXPECT_NE(err.find("checker.flags: unknown argument"), std::string::npos) << err;
}

}  // namespace
}  // namespace judge
