// C++ submissions with undefined behaviour, judged as LeetCode judges them: under
// AddressSanitizer and UBSan on the samples and edge groups, where a finding is a runtime error
// that names its kind and the submission's line. Each was judged WA, or even AC, before: the
// --no-sanitize run proves what the sanitizers add.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/cli_runner.h"

namespace judge {
namespace {

struct UndefinedBehaviour {
  const char* slug;
  const char* file;     // under solutions/<slug>/
  const char* finding;  // in the reason
  const char* line;     // "file:line" in the reason
  const char* plain;    // the verdict without the sanitizers
};

const UndefinedBehaviour kCases[] = {
    {"maximum-gap", "runtime_error/null_pointer_load.cpp",
     "UndefinedBehaviorSanitizer: load of null pointer", "null_pointer_load.cpp:7", "WA"},
    {"maximum-gap", "runtime_error/scan_reads_one_past_end.cpp",
     "AddressSanitizer: heap-buffer-overflow", "scan_reads_one_past_end.cpp:13", "AC"},
    {"maximum-gap", "runtime_error/bucket_index_int_overflow.cpp",
     "UndefinedBehaviorSanitizer: signed integer overflow", "bucket_index_int_overflow.cpp:14",
     "WA"},
    {"kth-largest", "runtime_error/reference_kept_across_push.cpp",
     "AddressSanitizer: heap-use-after-free", "reference_kept_across_push.cpp:16", "WA"},
    {"kth-largest", "runtime_error/digit_count_one_past_end.cpp",
     "UndefinedBehaviorSanitizer: index 10 out of bounds", "digit_count_one_past_end.cpp:13", "RE"},
    {"knapsack-01-stdio", "runtime_error/row_one_short.cpp",
     "AddressSanitizer: heap-buffer-overflow", "row_one_short.cpp:15", "WA"},
};

// Shown by gtest in test listings instead of the object's bytes.
void PrintTo(const UndefinedBehaviour& c, std::ostream* os) { *os << c.slug << "/" << c.file; }

nlohmann::json JudgeJson(const std::string& slug, const std::string& file,
                         const std::string& flags) {
  const std::string path = std::string(JUDGE_DEFAULT_ROOT) + "/solutions/" + slug + "/" + file;
  const auto result =
      testing::RunJudgeCli("run " + slug + " " + testing::Quoted(path) + " --json " + flags);
  try {
    return nlohmann::json::parse(result.out);
  } catch (const nlohmann::json::exception&) {
    ADD_FAILURE() << result.out;
    return {};
  }
}

class SanitizerFindingTest : public ::testing::TestWithParam<UndefinedBehaviour> {};

TEST_P(SanitizerFindingTest, IsARuntimeErrorWithItsKindAndLine) {
  const UndefinedBehaviour& c = GetParam();
  const nlohmann::json sanitized = JudgeJson(c.slug, c.file, "--no-store");
  ASSERT_TRUE(sanitized.is_object());
  EXPECT_EQ(sanitized.at("verdict"), "RE");
  const std::string reason = sanitized.at("reason");
  EXPECT_NE(reason.find(c.finding), std::string::npos) << reason;
  EXPECT_NE(reason.find(std::string(" at ") + c.line), std::string::npos) << reason;
  EXPECT_EQ(sanitized.at("sanitized_groups"), nlohmann::json({"samples", "edge"}));

  const nlohmann::json plain = JudgeJson(c.slug, c.file, "--no-store --no-sanitize");
  ASSERT_TRUE(plain.is_object());
  EXPECT_EQ(plain.at("verdict"), c.plain) << plain.value("reason", "");
  EXPECT_EQ(plain.at("sanitized_groups"), nlohmann::json::array());
}

INSTANTIATE_TEST_SUITE_P(KeptSubmissions, SanitizerFindingTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<UndefinedBehaviour>& info) {
                           std::string name = info.param.file;
                           name = name.substr(name.find('/') + 1);
                           name = name.substr(0, name.find('.'));
                           return name;
                         });

// The memory a sanitized run reports is the heap the program asked for, not AddressSanitizer's
// shadow and redzones: within a few percent of the plain run's figure for the same test.
TEST(SanitizedMemory, IsTheHeapNotTheShadow) {
  const std::string file = "reference.cpp";
  const nlohmann::json sanitized = JudgeJson("maximum-gap", file, "--no-store --group edge");
  const nlohmann::json plain =
      JudgeJson("maximum-gap", file, "--no-store --group edge --no-sanitize");
  ASSERT_TRUE(sanitized.is_object() && plain.is_object());
  ASSERT_EQ(sanitized.at("verdict"), "AC");
  ASSERT_EQ(sanitized.at("tests").size(), plain.at("tests").size());
  bool compared = false;
  for (size_t i = 0; i < plain.at("tests").size(); ++i) {
    const long plain_kb = plain["tests"][i]["memory_kb"];
    const long sanitized_kb = sanitized["tests"][i]["memory_kb"];
    if (plain_kb < 192) continue;  // a figure this small is page rounding
    compared = true;
    EXPECT_NEAR(sanitized_kb, plain_kb, plain_kb / 20) << plain["tests"][i]["name"];
  }
  EXPECT_TRUE(compared) << "no edge test of maximum-gap uses 192 KB";
}

// A sanitized run past its time limit is run again plain, which decides it: the sanitizers'
// overhead is not the solution's.
TEST(SanitizedTime, ATimeoutIsConfirmedByAPlainRun) {
  const nlohmann::json judged = JudgeJson(
      "maximum-gap", "time_limit_exceeded/successor_by_full_scan.cpp", "--no-store --group edge");
  ASSERT_TRUE(judged.is_object());
  EXPECT_EQ(judged.at("verdict"), "TLE");
  // The plain run's limit, not three times it.
  EXPECT_NE(judged.at("reason").get<std::string>().find("1000 ms"), std::string::npos)
      << judged.at("reason");
}

// A timing run times the plain program, never the sanitized one that judged the samples: the
// reference timed against itself comes out even (the sanitized build ran about 2.5x slower).
TEST(SanitizedTime, TimingRunsThePlainProgram) {
  // A busy machine (the suite's other tests beside it) can make the timing refuse to give a
  // figure, by design: try again, and say so if it never could.
  nlohmann::json judged;
  for (int attempt = 0; attempt < 3; ++attempt) {
    judged =
        JudgeJson("maximum-gap", "../maximum-gap/reference.cpp", "--no-store --bench --repeat 3");
    ASSERT_TRUE(judged.is_object());
    if (!judged.at("bench").at("timing").is_null() ||
        judged["bench"].value("timing_note", "").find("no steady figure") == std::string::npos)
      break;
  }
  EXPECT_EQ(judged.at("sanitized_groups"), nlohmann::json({"samples", "edge"}));
  if (judged.at("bench").at("timing").is_null() &&
      judged["bench"].value("timing_note", "").find("no steady figure") != std::string::npos)
    GTEST_SKIP() << "the machine was too busy to time, three times: "
                 << judged["bench"]["timing_note"];
  ASSERT_TRUE(judged.at("bench").at("timing").is_object()) << judged.at("bench");
  EXPECT_LT(judged["bench"]["timing"]["ratio"].get<double>(), 1.5) << judged.at("bench");

  const nlohmann::json samples_only = JudgeJson("maximum-gap", "../maximum-gap/reference.cpp",
                                                "--no-store --bench --group samples");
  ASSERT_TRUE(samples_only.is_object());
  EXPECT_TRUE(samples_only.at("bench").at("timing").is_null());
  EXPECT_NE(samples_only["bench"]["timing_note"].get<std::string>().find(
                "not timed: only groups built with the sanitizers"),
            std::string::npos)
      << samples_only.at("bench");
}

TEST(SanitizedGroups, ShowSaysWhichGroupsRunSanitized) {
  const auto interview = testing::RunJudgeCli("show maximum-gap");
  EXPECT_NE(interview.out.find("Tests: samples (3), edge (23), performance (5)"), std::string::npos)
      << interview.out;
  EXPECT_NE(interview.out.find("Sanitized in cpp (AddressSanitizer and UBSan, time limit x3): "
                               "samples, edge; the rest plain -O2"),
            std::string::npos)
      << interview.out;
}

}  // namespace
}  // namespace judge
