// Every submission kept under solutions/<slug>/<verdict>/ (and each reference) is judged through
// the CLI, and must earn the verdict its folder names.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "judge/run/submission_corpus.h"
#include "tests/cli_runner.h"

namespace judge {
namespace {

struct Submission {
  std::string slug;
  ExpectedSubmission submission;
};

std::vector<Submission> AllSubmissions() {
  Workspace workspace{JUDGE_DEFAULT_ROOT, ""};
  std::vector<Problem> problems;
  std::string err;
  std::vector<Submission> out;
  if (!LoadAllProblems(workspace.problems(), &problems, &err)) return out;
  for (const auto& problem : problems)
    for (const auto& s : ListExpectedSubmissions(workspace, problem))
      out.push_back({problem.slug, s});
  return out;
}

// Shown by gtest in test listings instead of the object's bytes.
void PrintTo(const Submission& s, std::ostream* os) { *os << s.submission.file.string(); }

class VerdictFolderTest : public ::testing::TestWithParam<Submission> {};

TEST_P(VerdictFolderTest, EarnsItsFoldersVerdict) {
  const Submission& s = GetParam();
  std::string skips;
  for (const auto& group : s.submission.skip_groups) skips += " --skip-group " + group;
  const auto result = testing::RunJudgeCli("run " + s.slug + " " +
                                           testing::Quoted(s.submission.file) + skips + " --json");
  nlohmann::json report;
  ASSERT_NO_THROW(report = nlohmann::json::parse(result.out)) << result.out;
  EXPECT_EQ(report.at("verdict"), VerdictCode(s.submission.expected))
      << s.submission.file << ": " << report.value("reason", "") << " on "
      << report.value("failed_test", "");
  EXPECT_EQ(result.exit_code, s.submission.expected == Verdict::kAccepted ? 0 : 1);
  if (s.submission.expected == Verdict::kCompileError) {
    EXPECT_FALSE(report.at("reason").get<std::string>().empty());
    return;
  }
  ASSERT_FALSE(report.at("tests").empty());
  for (const auto& test : report.at("tests")) {
    EXPECT_TRUE(test.contains("name") && test.contains("verdict") && test.contains("time_ms") &&
                test.contains("memory_kb"))
        << test.dump();
  }
  EXPECT_EQ(report.at("tests").back().at("verdict"), VerdictCode(s.submission.expected));
}

std::string TestName(const ::testing::TestParamInfo<Submission>& info) {
  const auto& file = info.param.submission.file;
  std::string name = info.param.slug + "_" + file.parent_path().filename().string() + "_" +
                     file.filename().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Solutions, VerdictFolderTest, ::testing::ValuesIn(AllSubmissions()),
                         TestName);

TEST(VerdictFolders, EveryVerdictIsEarnedInCppAndPython) {
  // The judge's claim to give each verdict rests on a real submission that earns it.
  std::set<std::pair<Verdict, std::string>> covered;
  for (const auto& s : AllSubmissions())
    covered.insert({s.submission.expected, s.submission.file.extension().string()});
  for (Verdict v : {Verdict::kAccepted, Verdict::kWrongAnswer, Verdict::kTimeLimitExceeded,
                    Verdict::kMemoryLimitExceeded, Verdict::kOutputLimitExceeded,
                    Verdict::kRuntimeError, Verdict::kCompileError})
    for (const char* ext : {".cpp", ".py"})
      EXPECT_TRUE(covered.count({v, ext}))
          << "no " << ext << " submission earns " << VerdictCode(v);
}

}  // namespace
}  // namespace judge
