// A judgement read back from its JSON (a queued job's, which `judge status` prints) holds what
// the printer shows.
#include "judge/run/judgement.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

TEST(JudgementJsonTest, ReadsBackWhatToJsonWrote) {
  Judgement judgement;
  judgement.problem = "maximum-gap";
  judgement.language = "cpp";
  judgement.source = "sol.cpp";
  judgement.verdict = Verdict::kWrongAnswer;
  judgement.reason = "expected 3, received 8";
  judgement.failed_test = "samples/example-1";
  judgement.total_tests = 31;
  judgement.limits.time_ms = 1500;
  judgement.build.from_cache = true;
  judgement.sanitized_groups = {"samples", "edge"};
  TestResult accepted;
  accepted.name = "samples/a";
  accepted.group = "samples";
  accepted.verdict = Verdict::kAccepted;
  accepted.time_ms = 1.25;
  accepted.memory_kb = 256;
  TestResult wrong;
  wrong.name = "samples/example-1";
  wrong.group = "samples";
  wrong.verdict = Verdict::kWrongAnswer;
  wrong.reason = "expected 3, received 8";
  wrong.input = {{"nums", {3, 6, 9, 1}}};
  wrong.expected = 3;
  wrong.received = 8;
  judgement.tests = {accepted, wrong};

  const nlohmann::json json = judgement;
  const Judgement back = json.get<Judgement>();
  EXPECT_EQ(back.problem, "maximum-gap");
  EXPECT_EQ(back.source, "sol.cpp");
  EXPECT_EQ(back.verdict, Verdict::kWrongAnswer);
  EXPECT_EQ(back.reason, judgement.reason);
  EXPECT_EQ(back.failed_test, judgement.failed_test);
  EXPECT_EQ(back.total_tests, 31u);
  EXPECT_DOUBLE_EQ(back.limits.time_ms, 1500);
  EXPECT_TRUE(back.build.from_cache);
  EXPECT_EQ(back.sanitized_groups, judgement.sanitized_groups);
  ASSERT_EQ(back.tests.size(), 2u);
  EXPECT_EQ(back.tests[0].verdict, Verdict::kAccepted);
  EXPECT_DOUBLE_EQ(back.tests[0].time_ms, 1.25);
  EXPECT_EQ(back.tests[0].memory_kb, 256);
  EXPECT_TRUE(back.tests[0].input.is_null());
  EXPECT_EQ(back.tests[1].verdict, Verdict::kWrongAnswer);
  EXPECT_EQ(back.tests[1].reason, wrong.reason);
  // Values come back as to_json shortened them for display.
  EXPECT_EQ(back.tests[1].input, json["tests"][1]["input"]);
  EXPECT_EQ(back.tests[1].received, json["tests"][1]["received"]);
  EXPECT_FALSE(back.tests[1].received.is_null());
}

}  // namespace
}  // namespace judge
