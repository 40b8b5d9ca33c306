// A GPU judgement as the store keeps it: real protocol lines of a scripted device read back and
// scored as `judge gpu run` does (scripted_gpu_runs.h), turned into records, written and read
// back: the device and its measured rates, the score, each case's figures and size, and the
// ratio to the reference timed in the same run.
#include "judge/store/record_gpu_run.h"

#include <gtest/gtest.h>

#include <fstream>

#include "judge/files/sha256.h"
#include "judge/store/scripted_gpu_runs.h"
#include "judge/store/store.h"

namespace judge {
namespace {

using gpu::testing::ScriptedAttentionJudgement;

class RecordGpuRunTest : public ::testing::Test {
 protected:
  std::string Source(const std::string& name, const std::string& text) {
    const auto path = temp_.path() / name;
    std::ofstream(path) << text;
    return path.string();
  }
  TempDir temp_;
};

TEST_F(RecordGpuRunTest, KeepsTheDeviceTheFiguresAndTheRatioToTheReference) {
  const std::string mine = Source("mine.cu", "// twice as slow as the reference\n");
  const std::string reference = Source("3_flash_tiled.cu", "// the reference\n");
  const gpu::GpuJudgement judgement = ScriptedAttentionJudgement(
      "NVIDIA H100 80GB HBM3", 400,
      {{.file = mine, .slowdown = 2},
       {.file = reference, .slowdown = 1, .is_reference = true, .submitted = false}});
  ASSERT_EQ(judgement.submissions[0].verdict, Verdict::kAccepted);
  EXPECT_EQ(judgement.submissions[0].score_figure, "tflops");
  EXPECT_NEAR(judgement.submissions[0].score, 200, 1e-6);

  RunRecord run = MakeGpuRunRecord(judgement, judgement.submissions[0], "ada");
  EXPECT_EQ(run.problem, "attention");
  EXPECT_EQ(run.language, "cuda");
  EXPECT_EQ(run.source_name, "mine.cu");
  EXPECT_EQ(run.source_sha256, Sha256Hex("// twice as slow as the reference\n"));
  EXPECT_EQ(run.verdict, "AC");
  EXPECT_EQ(run.tests_passed, 3);
  ASSERT_TRUE(run.timing);
  EXPECT_NEAR(run.timing->ratio, 2.0, 1e-9);  // the reference's 400 TFLOP/s over its 200
  EXPECT_NEAR(run.timing->median_ms, 2 * run.timing->reference_median_ms, 1e-9);
  ASSERT_TRUE(run.gpu);
  EXPECT_EQ(run.gpu->device_name, "NVIDIA H100 80GB HBM3");
  EXPECT_EQ(run.gpu->driver_version, 13000);
  EXPECT_DOUBLE_EQ(run.gpu->matmul_tflops, 800);
  EXPECT_DOUBLE_EQ(run.gpu->copy_gbps, 3000);
  EXPECT_EQ(run.gpu->reference_name, "3_flash_tiled.cu");
  EXPECT_NEAR(run.gpu->reference_score, 400, 1e-6);
  EXPECT_NEAR(run.gpu->ceiling_fraction, 0.25, 1e-9);  // 200 of the measured 800
  EXPECT_EQ(run.gpu->size_axis, "sequence length");
  EXPECT_TRUE(run.gpu->runner_isolated);
  gpu::GpuJudgement plain = judgement;  // judged by plain children: the record says so
  plain.runner_isolated = false;
  EXPECT_FALSE(MakeGpuRunRecord(plain, plain.submissions[0], "ada").gpu->runner_isolated);
  EXPECT_TRUE(run.gpu->checked_apart);
  gpu::GpuJudgement self_checked = judgement;  // the runners checked themselves: it says so
  self_checked.checked_apart = false;
  EXPECT_FALSE(
      MakeGpuRunRecord(self_checked, self_checked.submissions[0], "ada").gpu->checked_apart);
  ASSERT_EQ(run.gpu->cases.size(), 3u);
  EXPECT_DOUBLE_EQ(run.gpu->cases[2].size, 2048);
  EXPECT_NEAR(run.gpu->cases[2].figure_value, 200, 1e-6);

  std::string err;
  auto store = Store::Open((temp_.path() / "s.db").string(), &err);
  ASSERT_TRUE(store) << err;
  ASSERT_TRUE(store->Record(&run, &err)) << err;
  RunRecord back;
  ASSERT_TRUE(store->Load(run.id, &back, &err)) << err;
  ASSERT_TRUE(back.gpu);
  EXPECT_EQ(back.gpu->device_name, run.gpu->device_name);
  ASSERT_EQ(back.gpu->cases.size(), 3u);
  EXPECT_EQ(back.gpu->cases[1].name, "b8-h16-s1024-d128-bf16");
  EXPECT_DOUBLE_EQ(back.gpu->cases[1].size, 1024);
  EXPECT_NEAR(back.timing->ratio, 2.0, 1e-9);
}

TEST_F(RecordGpuRunTest, WithoutAScoredReferenceThereIsNoRatioAndNoRank) {
  const gpu::GpuJudgement judgement = ScriptedAttentionJudgement(
      "NVIDIA H200", 500, {{.file = Source("a.cu", "a"), .slowdown = 1}});
  const RunRecord run = MakeGpuRunRecord(judgement, judgement.submissions[0], "ada");
  EXPECT_FALSE(run.timing) << "nothing to rank it by across devices";
  ASSERT_TRUE(run.gpu);
  EXPECT_GT(run.gpu->score, 0);
  EXPECT_TRUE(run.gpu->reference_name.empty());
}

}  // namespace
}  // namespace judge
