#include "judge/check/checker.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>

#include "judge/check/json_diff.h"
#include "judge/sandbox/fake_sandbox.h"
#include "judge/sandbox/local_sandbox.h"

namespace judge {
namespace {

using nlohmann::json;

// The built-in checkers run nothing: a sandbox with no scripted run proves it.
FakeSandbox unused_sandbox;

CheckerSpec ParseSpec(const char* text) {
  json j = json::parse(text);
  CheckerSpec spec;
  spec.name = j.value("name", "exact");
  j.erase("name");
  spec.args = j;
  return spec;
}

struct CheckCase {
  const char* spec;
  const char* expected;
  const char* received;
  bool accepted;
  const char* reason;  // substring of the reason; "" checks nothing
};

// One case per line reads as a table.
// clang-format off
const CheckCase kCases[] = {
    // exact
    {R"({"name": "exact"})", "[1,2,3]", "[1,2,3]", true, ""},
    {R"({"name": "exact"})", "3", "3.0", true, ""},
    {R"({"name": "exact"})", "[3, -2]", "[3.0, -2.0]", true, ""},
    {R"({"name": "exact"})", "9007199254740993", "9007199254740992.0", false, "expected 9007199254740993"},
    {R"({"name": "exact"})", "18446744073709551615", "-1", false, "expected 18446744073709551615, received -1"},
    {R"({"name": "exact"})", "[1,7,3]", "[1,8,3]", false, "at [1]: expected 7, received 8"},
    {R"({"name": "exact"})", "[[1],[2,7]]", "[[1],[2,8]]", false, "at [1][1]: expected 7, received 8"},
    {R"({"name": "exact"})", "[1,2,3,4,5]", "[1,2,3,4]", false, "length differs: expected 5 elements, received 4"},
    {R"({"name": "exact"})", "7", R"("abc")", false, R"(expected int, received string "abc")"},
    {R"({"name": "exact"})", "[1]", "null", false, "expected list, received null"},
    {R"({"name": "exact"})", "true", "false", false, "expected true, received false"},
    {R"({"name": "exact"})", R"({"a": 1})", R"({"a": 2})", false, "at .a: expected 1, received 2"},
    {R"({"name": "exact"})", R"({"a": 1})", R"({"b": 1})", false, R"(missing key "a")"},
    {R"({"name": "exact"})", "[null, 1]", "[null, 1]", true, ""},
    {R"({"name": "exact"})", R"("1 2\n")", R"("1 2")", false, "expected"},
    // unordered
    {R"({"name": "unordered"})", "[3,1,2]", "[1,2,3]", true, ""},
    {R"({"name": "unordered"})", "[1,1,2]", "[1,2.0,1]", true, ""},
    {R"({"name": "unordered"})", "[1,1,2]", "[1,2,2]", false, "expected 1 is missing; unexpected 2"},
    {R"({"name": "unordered"})", "[1,2,3,4]", "[1,2,3]", false, "received 3 elements, expected 4; expected 4 is missing"},
    {R"({"name": "unordered"})", "[1,2]", "[1,2,5]", false, "unexpected 5"},
    {R"({"name": "unordered"})", "[1,2]", "5", false, "expected a list, received int 5"},
    {R"({"name": "unordered"})", "5", "[5]", false, "not a list"},
    {R"({"name": "unordered"})", "[[2,2,3],[7]]", "[[7],[2,2,3]]", true, ""},
    {R"({"name": "unordered"})", "[[2,2,3],[7]]", "[[7],[3,2,2]]", false, "expected [2,2,3] is missing; unexpected [3,2,2]"},
    {R"({"name": "unordered", "nested": true})", "[[2,2,3],[7]]", "[[7],[3,2,2]]", true, ""},
    {R"({"name": "unordered", "nested": true})", "[[2,2,3],[7]]", "[[7.0],[3,2.0,2]]", true, ""},
    {R"({"name": "unordered", "nested": true})", "[[2,2,3],[7]]", "[[7],[2,3,3]]", false, "expected [2,2,3] is missing; unexpected [2,3,3]"},
    {R"({"name": "unordered", "nested": true})", "[[2,2,3],[7],[1,1]]", "[[7],[3,2,2]]", false, "received 2 lists, expected 3; expected [1,1] is missing"},
    {R"({"name": "unordered", "nested": false})", "[[1,2]]", "[[2,1]]", false, "unexpected [2,1]"},
    // float
    {R"({"name": "float"})", "0.5", "0.5000001", true, ""},
    {R"({"name": "float"})", "1", "1.000001", true, ""},  // on the boundary
    {R"({"name": "float"})", "[0.5, 1.5]", "[0.5, 1.6]", false, "at [1]: expected 1.5, received 1.6 (error 0.1, allowed 1.5e-06)"},
    {R"({"name": "float", "abs": 0.01})", "[0.5, 1.5]", "[0.505, 1.495]", true, ""},
    {R"({"name": "float", "abs": 0, "rel": 0.01})", "1000", "1009", true, ""},
    {R"({"name": "float", "abs": 0, "rel": 0.01})", "1000", "1011", false, "error 11, allowed 10"},
    {R"({"name": "float", "abs": 0, "rel": 0})", "2", "2.0", true, ""},
    {R"({"name": "float"})", R"([1.0, "x"])", R"([1.0, "y"])", false, R"(at [1]: expected "x", received "y")"},
    {R"({"name": "float"})", "[[1.0], [2.0]]", "[[1.0], [2.1]]", false, "at [1][0]"},
    {R"({"name": "float"})", "1.0", "null", false, "expected double, received null"},
    {R"({"name": "float"})", "[1.0, 2.0]", "[1.0]", false, "length differs"},
    {R"({"name": "float"})", R"("0.333333 x\n2")", R"("0.3333332 x 2.0000001")", true, ""},
    {R"({"name": "float"})", R"("0.5 x")", R"("0.5 y")", false, R"(token 2: expected "x", received "y")"},
    {R"({"name": "float"})", R"("0.5 1.5")", R"("0.5 1.6")", false, "token 2: expected 1.5, received 1.6 (error 0.1"},
    {R"({"name": "float"})", R"("0.5 1.5")", R"("0.5")", false, "expected 2 tokens, received 1"},
    // tokens
    {R"({"name": "tokens"})", R"("1 2\n3\n")", R"("1  2 3")", true, ""},
    {R"({"name": "tokens"})", R"("")", R"("\n\n")", true, ""},
    {R"({"name": "tokens"})", R"("1 2 7 4")", R"("1 2 8 4")", false, R"(token 3: expected "7", received "8")"},
    {R"({"name": "tokens"})", R"("1 2 3 4")", R"("1 2 3 4 5")", false, "expected 4 tokens, received 5"},
    {R"({"name": "tokens"})", R"("YES")", R"("yes")", false, "token 1"},
    {R"({"name": "tokens", "ignore_case": true})", R"("YES no")", R"("yes NO")", true, ""},
    {R"({"name": "tokens", "ignore_case": true})", R"("yes")", R"("yep")", false, R"(token 1: expected "yes", received "yep")"},
    {R"({"name": "float", "ignore_case": true})", R"("Case #1: 0.5")", R"("case #1: 0.5000001")", true, ""},
    {R"({"name": "float"})", R"("Case #1: 0.5")", R"("case #1: 0.5")", false, R"(token 1: expected "Case", received "case")"},
    {R"({"name": "tokens"})", R"("1")", "1", false, "received int 1"},
    {R"({"name": "tokens"})", "1", R"("1")", false, "not text"},
};
// clang-format on

TEST(CheckerTest, Table) {
  for (const CheckCase& c : kCases) {
    SCOPED_TRACE(std::string(c.spec) + " expected=" + c.expected + " received=" + c.received);
    std::string err;
    std::unique_ptr<Checker> checker = MakeChecker(ParseSpec(c.spec), ".", unused_sandbox, &err);
    ASSERT_NE(checker, nullptr) << err;
    CheckOutcome outcome = checker->Check(json(), json::parse(c.expected), json::parse(c.received));
    EXPECT_EQ(outcome.accepted, c.accepted) << outcome.reason;
    EXPECT_NE(outcome.reason.find(c.reason), std::string::npos) << outcome.reason;
    if (c.accepted) {
      EXPECT_EQ(outcome.reason, "");
    }
  }
}

struct BadSpecCase {
  const char* spec;
  const char* error;  // substring of *err
};

// clang-format off
const BadSpecCase kBadSpecs[] = {
    {R"({"name": "foo"})",
     R"(checker.name: unknown checker "foo" (expected one of exact, unordered, float, tokens, custom, validator))"},
    {R"({"name": "float", "abs": -1})", "checker.abs: expected a non-negative number"},
    {R"({"name": "float", "rel": "1e-6"})", "checker.rel: expected a non-negative number"},
    {R"({"name": "float", "tol": 1e-6})", R"(checker.tol: unknown argument for checker "float" (it takes abs rel ignore_case))"},
    {R"({"name": "tokens", "ignore_case": "yes"})", "checker.ignore_case: expected true or false"},
    {R"({"name": "exact", "nested": true})", "checker.nested: unknown argument"},
    {R"({"name": "unordered", "nested": 1})", "checker.nested: expected true or false"},
    {R"({"name": "custom"})", "checker.program: expected a string"},
    {R"({"name": "custom", "program": 3})", "checker.program: expected a string"},
    {R"({"name": "custom", "program": "no-such-checker.sh"})", "checker.program: ./no-such-checker.sh does not exist"},
};
// clang-format on

TEST(CheckerTest, BadSpecs) {
  for (const BadSpecCase& c : kBadSpecs) {
    SCOPED_TRACE(c.spec);
    std::string err;
    EXPECT_EQ(MakeChecker(ParseSpec(c.spec), ".", unused_sandbox, &err), nullptr);
    EXPECT_NE(err.find(c.error), std::string::npos) << err;
  }
}

TEST(CheckerTest, ArgsMustBeAnObject) {
  CheckerSpec spec;
  spec.args = json::array();
  std::string err;
  EXPECT_EQ(MakeChecker(spec, ".", unused_sandbox, &err), nullptr);
  EXPECT_EQ(err, "checker: expected an object");
  spec.args = json();  // null: no arguments
  EXPECT_NE(MakeChecker(spec, ".", unused_sandbox, &err), nullptr);
}

TEST(JsonDiffTest, NumbersCompareByValue) {
  EXPECT_TRUE(NumbersEqual(json(3), json(3u)));
  EXPECT_TRUE(NumbersEqual(json(3), json(3.0)));
  EXPECT_TRUE(NumbersEqual(json(-0.0), json(0)));
  EXPECT_TRUE(NumbersEqual(json(-5), json(-5.0)));
  EXPECT_FALSE(NumbersEqual(json(-1), json(uint64_t(18446744073709551615u))));
  EXPECT_FALSE(NumbersEqual(json(int64_t(9007199254740993)), json(9007199254740992.0)));
  EXPECT_TRUE(NumbersEqual(json(uint64_t(1) << 63), json(9223372036854775808.0)));
  EXPECT_FALSE(NumbersEqual(json(3), json(3.5)));
}

TEST(JsonDiffTest, NormalizeMakesEqualValuesDumpEqually) {
  json a = json::parse("[3, 3.0, -0.0, 1e3, 0.5]");
  EXPECT_EQ(NormalizeNumbers(a).dump(), "[3,3,0,1000,0.5]");
  json big = json(9223372036854775808.0);
  EXPECT_EQ(NormalizeNumbers(big).dump(), json(uint64_t(1) << 63).dump());
}

TEST(JsonDiffTest, ShortensLongValues) {
  json list = json::array();
  for (int i = 0; i < 1000; ++i) list.push_back(i);
  EXPECT_EQ(AbbreviatedJson(list), "[0,1,2,3,4,...]");
  std::string long_string(200, 'a');
  std::string shown = AbbreviatedJson(json(long_string));
  EXPECT_EQ(shown, "\"" + std::string(60, 'a') + "...\"");
  json deep = json::parse("[[[[1]]]]");
  EXPECT_EQ(AbbreviatedJson(deep), "[[[[...]]]]");
  json wide = json::array();
  for (int i = 0; i < 10; ++i) wide.push_back(long_string);
  EXPECT_LE(AbbreviatedJson(wide).size(), 120u);
}

TEST(JsonDiffTest, LongStringsShowWhereTheyDiffer) {
  std::string e(100, 'a'), r(100, 'a');
  r[80] = 'b';
  auto d = FirstDifference(json::array({e}), json::array({r}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->path, "[0]");
  EXPECT_NE(d->description.find("strings differ at character 81"), std::string::npos)
      << d->description;
  EXPECT_NE(d->description.find("ab"), std::string::npos) << d->description;
  EXPECT_LT(d->Reason().size(), 160u);
}

TEST(JsonDiffTest, InvalidUtf8DoesNotThrow) {
  json e = std::string("ab\xff");
  json r = std::string("ab\xfe");
  auto d = FirstDifference(e, r);
  ASSERT_TRUE(d);
  EXPECT_NE(d->description.find("expected \"ab"), std::string::npos);
}

// ---- custom ----

class CustomCheckerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/judge-custom-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void WriteScript(const std::string& name, const std::string& body) {
    std::ofstream(dir_ / name) << "#!/bin/sh\n" << body;
    std::filesystem::permissions(dir_ / name, std::filesystem::perms::owner_all);
  }

  std::unique_ptr<Checker> Make(const char* spec, std::string* err) {
    return MakeChecker(ParseSpec(spec), dir_, sandbox_, err);
  }

  std::filesystem::path dir_;
  LocalSandbox sandbox_;
};

TEST_F(CustomCheckerTest, AcceptsIffExitZeroWithFirstLineAsReason) {
  // Runs in its own directory with the three files; $4 onward are the problem's args.
  WriteScript("check.sh",
              "test -f input.json || { echo no input; exit 2; }\n"
              "if cmp -s \"$2\" \"$3\"; then echo same; exit 0; fi\n"
              "echo \"differs ($4)\"\necho second line\nexit 1\n");
  std::string err;
  auto checker = Make(R"({"name": "custom", "program": "check.sh", "args": ["strict"]})", &err);
  ASSERT_NE(checker, nullptr) << err;
  CheckOutcome same = checker->Check(json::object({{"n", 3}}), json({1, 2}), json({1, 2}));
  EXPECT_TRUE(same.accepted) << same.reason;
  EXPECT_EQ(same.reason, "same");
  CheckOutcome differs = checker->Check(json::object({{"n", 3}}), json({1, 2}), json({2, 1}));
  EXPECT_FALSE(differs.accepted);
  EXPECT_EQ(differs.reason, "differs (strict)");
}

TEST_F(CustomCheckerTest, ExitCodeAndSignalWithoutOutput) {
  WriteScript("exit3.sh", "exit 3\n");
  WriteScript("crash.sh", "kill -SEGV $$\n");
  std::string err;
  auto exit3 = Make(R"({"name": "custom", "program": "exit3.sh"})", &err);
  ASSERT_NE(exit3, nullptr) << err;
  EXPECT_EQ(exit3->Check(json(), json(1), json(1)).reason, "custom checker exited with code 3");
  auto crash = Make(R"({"name": "custom", "program": "crash.sh"})", &err);
  ASSERT_NE(crash, nullptr) << err;
  CheckOutcome outcome = crash->Check(json(), json(1), json(1));
  EXPECT_FALSE(outcome.accepted);
  EXPECT_EQ(outcome.reason, "custom checker crashed (signal 11)");
}

TEST_F(CustomCheckerTest, BadArguments) {
  WriteScript("ok.sh", "exit 0\n");
  std::ofstream(dir_ / "plain.txt") << "not a program\n";
  std::string err;
  EXPECT_EQ(Make(R"({"name": "custom", "program": "ok.sh", "args": "x"})", &err), nullptr);
  EXPECT_EQ(err, "checker.args: expected an array of strings");
  EXPECT_EQ(Make(R"({"name": "custom", "program": "ok.sh", "args": [1]})", &err), nullptr);
  EXPECT_EQ(err, "checker.args: expected an array of strings");
  EXPECT_EQ(Make(R"({"name": "custom", "program": "plain.txt"})", &err), nullptr);
  EXPECT_NE(err.find("checker.program: "), std::string::npos);
  EXPECT_NE(err.find("is not executable"), std::string::npos) << err;
  EXPECT_EQ(Make(R"({"name": "custom", "program": "."})", &err), nullptr);
  EXPECT_NE(err.find("is not a file"), std::string::npos) << err;
  EXPECT_EQ(Make(R"({"name": "custom", "program": "missing.sh"})", &err), nullptr);
  EXPECT_NE(err.find("missing.sh does not exist"), std::string::npos) << err;
}

// What the checker makes of how its program ended, and what it asks the sandbox for, without
// running anything.
TEST_F(CustomCheckerTest, ReadsTheSandboxsOutcome) {
  WriteScript("check.sh", "exit 0\n");
  FakeSandbox fake;
  std::string err;
  auto checker = MakeChecker(
      ParseSpec(R"({"name": "custom", "program": "check.sh", "args": ["x"]})"), dir_, fake, &err);
  ASSERT_NE(checker, nullptr) << err;
  ProcessResult timed_out = FakeSandbox::Exited(-1);
  timed_out.wall_timeout = true;
  fake.Script({.result = timed_out});
  fake.Script({.result = FakeSandbox::Exited(1), .stdout_text = "token 3 differs\nmore\n"});
  fake.Script({.result = FakeSandbox::Exited(0), .stdout_text = "ok\n"});
  EXPECT_EQ(checker->Check(json(), json(1), json(2)).reason, "custom checker timed out after 10 s");
  EXPECT_EQ(checker->Check(json(), json(1), json(2)).reason, "token 3 differs");
  const CheckOutcome accepted = checker->Check(json(), json(1), json(1));
  EXPECT_TRUE(accepted.accepted);
  EXPECT_EQ(accepted.reason, "ok");
  ASSERT_EQ(fake.specs().size(), 3u);
  const ProcessSpec& spec = fake.specs()[0];
  EXPECT_EQ(spec.argv, (std::vector<std::string>{(dir_ / "check.sh").string(), "input.json",
                                                 "expected.json", "received.json", "x"}));
  EXPECT_EQ(spec.isolation.syscalls, SyscallSet::kTool);
  EXPECT_EQ(fake.remaining(), 0u);
}

}  // namespace
}  // namespace judge
