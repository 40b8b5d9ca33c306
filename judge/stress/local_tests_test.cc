// Saved local tests: appended without losing earlier ones (also when two judges save at once),
// loaded as a group like the problem's own, and a broken file refused and left as it is.
#include "judge/stress/local_tests.h"

#include <gtest/gtest.h>

#include <thread>

#include "judge/files/files.h"

namespace judge {
namespace {

Problem Competitive() {
  Problem problem;
  problem.slug = "sum";
  problem.style = Style::kCompetitive;
  return problem;
}

TEST(LocalTests, LiveBesideTheStore) {
  EXPECT_EQ(LocalTestsDir("/home/ann/.local/share/judge/judge.db", "sum"),
            "/home/ann/.local/share/judge/local-tests/sum");
}

TEST(LocalTests, AppendsAndLoadsAsTheLocalGroup) {
  TempDir temp;
  const auto dir = temp.path() / "local-tests" / "sum";
  std::vector<TestCase> tests;
  std::string err, name;
  ASSERT_TRUE(LoadLocalTests(Competitive(), dir, &tests, &err)) << err;
  EXPECT_TRUE(tests.empty());
  ASSERT_TRUE(SaveLocalTest(dir, "1 2\n", "3\n", &name, &err)) << err;
  EXPECT_EQ(name, "stress-1");
  ASSERT_TRUE(SaveLocalTest(dir, "5 5\n", "10\n", &name, &err)) << err;
  EXPECT_EQ(name, "stress-2");
  ASSERT_TRUE(LoadLocalTests(Competitive(), dir, &tests, &err)) << err;
  ASSERT_EQ(tests.size(), 2u);
  EXPECT_EQ(tests[0].name, "local/stress-1");
  EXPECT_EQ(tests[0].group, kLocalTestGroup);
  EXPECT_EQ(tests[0].input, "1 2\n");
  EXPECT_EQ(tests[1].expected, "10\n");
  EXPECT_TRUE(tests[1].sanitize);
}

TEST(LocalTests, TwoSavingAtOnceLoseNothing) {
  TempDir temp;
  const auto dir = temp.path() / "sum";
  auto save = [&](int from) {
    for (int i = 0; i < 20; ++i) {
      std::string err, name;
      EXPECT_TRUE(SaveLocalTest(dir, std::to_string(from + i) + "\n", "0\n", &name, &err)) << err;
    }
  };
  std::thread a(save, 0), b(save, 100);
  a.join();
  b.join();
  std::vector<TestCase> tests;
  std::string err;
  ASSERT_TRUE(LoadLocalTests(Competitive(), dir, &tests, &err)) << err;
  EXPECT_EQ(tests.size(), 40u);
}

TEST(LocalTests, RefusesAFileThatIsNotOneAndLeavesItAsItIs) {
  TempDir temp;
  const auto dir = temp.path() / "sum";
  std::string err, name;
  ASSERT_TRUE(WriteFileAtomic(LocalTestsFile(dir), R"({"group": "edge", "cases": []})", &err));
  EXPECT_FALSE(SaveLocalTest(dir, "1 2\n", "3\n", &name, &err));
  EXPECT_NE(err.find("not a local test file"), std::string::npos) << err;
  ASSERT_TRUE(WriteFileAtomic(LocalTestsFile(dir), "{\"group\": \"local\", \"cases\": [", &err));
  EXPECT_FALSE(SaveLocalTest(dir, "1 2\n", "3\n", &name, &err));
  EXPECT_NE(err.find("local.json"), std::string::npos) << err;
  std::string text;
  ASSERT_TRUE(ReadFile(LocalTestsFile(dir), &text, &err));
  EXPECT_EQ(text, "{\"group\": \"local\", \"cases\": [");
}

}  // namespace
}  // namespace judge
