// GPU runs in the store, end to end through the built `judge`: judgements of the attention
// problem on two scripted devices (an H100 and a faster H200; real runner protocol lines read
// back and scored as `judge gpu run` does, judge/store/scripted_gpu_runs.h) are recorded as
// `judge gpu run` records them, then `judge leaderboard`, `judge history` and `judge report`
// show them: ranked by the ratio to the reference timed beside each on its own device, not by
// raw TFLOP/s; the report's HTML, opened in headless Chromium, draws each version's TFLOP/s
// against sequence length.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "judge/store/record_gpu_run.h"
#include "judge/store/scripted_gpu_runs.h"
#include "judge/store/store.h"
#include "tests/cli_runner.h"

namespace judge {
namespace {

using gpu::testing::ScriptedAttentionJudgement;
using testing::Quoted;
using testing::ReadWholeFile;
using testing::RunJudgeCli;

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

class GpuRecordCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string err;
    auto store = Store::Open((temp_.path() / "s.db").string(), &err);
    ASSERT_TRUE(store) << err;
    // On the H100 (300 TFLOP/s for the reference): ada's two versions, 4x and 0.8x the
    // reference's time, and bob's, 1.5x. On the H200 (500): cy's, 1.2x: the most TFLOP/s of
    // all, yet slower than the reference on its own device, so it ranks below ada's.
    const gpu::GpuJudgement h100 =
        ScriptedAttentionJudgement("NVIDIA H100 80GB HBM3", 300,
                                   {{.file = Source("v1_naive.cu"), .slowdown = 4},
                                    {.file = Source("v2_flash.cu"), .slowdown = 0.8},
                                    {.file = Source("bob.cu"), .slowdown = 1.5},
                                    {.file = Source("3_flash_tiled.cu"),
                                     .slowdown = 1,
                                     .is_reference = true,
                                     .submitted = false}});
    const gpu::GpuJudgement h200 =
        ScriptedAttentionJudgement("NVIDIA H200", 500,
                                   {{.file = Source("cy.cu"), .slowdown = 1.2},
                                    {.file = Source("3_flash_tiled.cu"),
                                     .slowdown = 1,
                                     .is_reference = true,
                                     .submitted = false}});
    const char* users[] = {"ada", "ada", "bob"};
    for (size_t i = 0; i < 3; ++i) {
      RunRecord run = MakeGpuRunRecord(h100, h100.submissions[i], users[i]);
      ASSERT_TRUE(store->Record(&run, &err)) << err;
    }
    RunRecord run = MakeGpuRunRecord(h200, h200.submissions[0], "cy");
    ASSERT_TRUE(store->Record(&run, &err)) << err;
  }

  std::string Source(const std::string& name) {
    const auto path = temp_.path() / name;
    std::ofstream(path) << "// " << name << "\n";
    return path.string();
  }

  testing::CliResult Judge(const std::string& args) {
    return RunJudgeCli("--store " + Quoted(temp_.path() / "s.db") + " " + args);
  }

  TempDir temp_;
};

TEST_F(GpuRecordCli, TheLeaderboardRanksByTheRatioOnEachDeviceNotByTflops) {
  const auto r = Judge("leaderboard attention --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto entries = nlohmann::json::parse(r.out).at("entries");
  ASSERT_EQ(entries.size(), 3u) << r.out;  // ada's best only
  EXPECT_EQ(entries[0].at("user"), "ada");
  EXPECT_EQ(entries[0].at("source"), "v2_flash.cu");
  EXPECT_NEAR(entries[0].at("ratio").get<double>(), 0.8, 1e-9);
  EXPECT_EQ(entries[1].at("user"), "cy");
  EXPECT_NEAR(entries[1].at("ratio").get<double>(), 1.2, 1e-9);
  EXPECT_EQ(entries[1].at("gpu").at("device"), "NVIDIA H200");
  EXPECT_GT(entries[1].at("gpu").at("score").get<double>(),
            entries[0].at("gpu").at("score").get<double>())
      << "cy has the most TFLOP/s and still ranks second";
  EXPECT_EQ(entries[2].at("user"), "bob");
  EXPECT_NEAR(entries[0].at("gpu").at("ceiling_fraction").get<double>(), 375.0 / 600, 1e-9);

  const auto text = Judge("leaderboard attention");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find("375 TFLOP/s"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("of ceiling"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("NVIDIA H200"), std::string::npos) << text.out;
  EXPECT_LT(text.out.find("ada"), text.out.find("cy ")) << text.out;
  EXPECT_LT(text.out.find("cy "), text.out.find("bob")) << text.out;
}

TEST_F(GpuRecordCli, HistoryListsGpuRunsWithTheirDevice) {
  const auto r = Judge("history --user ada --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto runs = nlohmann::json::parse(r.out).at("runs");
  ASSERT_EQ(runs.size(), 2u) << r.out;
  EXPECT_EQ(runs[0].at("source"), "v2_flash.cu");  // newest first
  EXPECT_EQ(runs[0].at("language"), "cuda");
  EXPECT_EQ(runs[0].at("gpu").at("device"), "NVIDIA H100 80GB HBM3");
  EXPECT_NEAR(runs[1].at("ratio").get<double>(), 4.0, 1e-9);

  const auto text = Judge("history --user ada");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find("v1_naive.cu  75 TFLOP/s on NVIDIA H100 80GB HBM3"), std::string::npos)
      << text.out;
}

TEST_F(GpuRecordCli, TheReportHasGpuRowsAndEachVersionsFigureAgainstSequenceLength) {
  const auto out = temp_.path() / "report";
  const auto r = Judge("report --user ada --out " + Quoted(out));
  ASSERT_EQ(r.exit_code, 0) << r.out;

  const auto json = nlohmann::json::parse(ReadWholeFile(out / "report.json"));
  const auto& attention = json.at("problems").at(0);
  EXPECT_EQ(attention.at("problem"), "attention");
  ASSERT_EQ(attention.at("entries").size(), 3u);
  EXPECT_EQ(attention.at("entries")[1].at("gpu").at("device"), "NVIDIA H200");
  EXPECT_EQ(attention.at("user_rank"), 1);

  const std::string csv = ReadWholeFile(out / "report.csv");
  EXPECT_NE(csv.find(",NVIDIA H200,tflops,416.667,"), std::string::npos) << csv;
  const std::string md = ReadWholeFile(out / "report.md");
  EXPECT_NE(md.find("| device |"), std::string::npos) << md;
  EXPECT_NE(md.find("375 TFLOP/s"), std::string::npos) << md;

  const std::string html = ReadWholeFile(out / "report.html");
  EXPECT_EQ(Count(html, "<svg"), 2u) << "the figure plot and the ratio distribution";
  EXPECT_NE(html.find("figure-plot"), std::string::npos);
  EXPECT_NE(html.find("TFLOP/s against sequence length"), std::string::npos);
  // ada's two versions, newest first, one point per sequence length each.
  EXPECT_NE(html.find("series-version-0"), std::string::npos);
  EXPECT_NE(html.find("series-version-1"), std::string::npos);
  EXPECT_EQ(html.find("series-version-2"), std::string::npos) << "bob's and cy's are not ada's";
  EXPECT_EQ(Count(html, "data-size=\"1024\""), 2u);
  EXPECT_NE(html.find("data-value=\"375\""), std::string::npos);
  EXPECT_NE(html.find("data-value=\"75\""), std::string::npos);
  EXPECT_NE(html.find("<th>of ceiling</th>"), std::string::npos);
}

TEST_F(GpuRecordCli, TheGpuReportRendersInHeadlessChromium) {
  if (std::system("command -v chromium > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "chromium is not installed (apt-get install chromium): the HTML report is not "
                    "checked in a browser";
  const auto out = temp_.path() / "report";
  const auto r = Judge("report --user ada --out " + Quoted(out));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string command =
      "timeout 120 chromium --headless --disable-gpu --no-sandbox "
      "--user-data-dir=" +
      Quoted(temp_.path() / "chromium") + " --dump-dom " +
      Quoted("file://" + (out / "report.html").string()) + " 2>/dev/null";
  std::string dom;
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_TRUE(pipe);
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) dom.append(buffer, n);
  pclose(pipe);
  ASSERT_NE(dom.find("</html>"), std::string::npos)
      << "chromium printed no page: " << dom.substr(0, 500);
  EXPECT_NE(dom.find("figure-plot"), std::string::npos);
  EXPECT_EQ(Count(dom, "class=\"point\""), 6u) << "two versions, three sequence lengths";
  EXPECT_NE(dom.find("NVIDIA H200"), std::string::npos);
  EXPECT_NE(dom.find("data-user-entry=\"true\""), std::string::npos);
}

}  // namespace
}  // namespace judge
