// The GPU track through the CLI, as a person uses it. On every machine: the CPU commands refuse
// GPU problems with a pointer to `judge gpu run`, and every kept CUDA submission goes through the
// real compile-and-link path (compile_error/ files end in CE). With a CUDA device, each file must
// also earn its folder's verdict; without one the run must end in one clear line and exit 3.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "judge/files/files.h"
#include "judge/problem/problem.h"
#include "judge/run/verdict.h"
#include "tests/cli_runner.h"

namespace judge {
namespace {

using testing::Quoted;
using testing::RunJudgeCli;

struct GpuSubmission {
  std::string slug;
  std::filesystem::path file;
  std::string expected;  // the folder's verdict: AC, WA, RE, TLE, CE
  bool needs_timing =
      false;  // its header says "verdict-needs: timing" (solutions/<slug>/README.md)
};

void PrintTo(const GpuSubmission& s, std::ostream* os) { *os << s.file.string(); }

std::vector<GpuSubmission> AllGpuSubmissions() {
  const std::filesystem::path root = JUDGE_DEFAULT_ROOT;
  std::vector<Problem> problems;
  std::string err;
  std::vector<GpuSubmission> out;
  if (!LoadAllProblems(root / "problems", &problems, &err)) return out;
  for (const Problem& problem : problems) {
    if (problem.style != Style::kGpu) continue;
    std::error_code ec;
    for (const auto& folder :
         std::filesystem::directory_iterator(root / "solutions" / problem.slug, ec)) {
      const std::optional<Verdict> verdict = ParseVerdict(folder.path().filename().string());
      if (!folder.is_directory() || !verdict) continue;
      for (const auto& entry : std::filesystem::directory_iterator(folder.path(), ec))
        if (entry.path().extension() == ".cu") {
          std::string source;
          ReadFile(entry.path(), &source, &err);
          out.push_back({problem.slug, entry.path(), std::string(VerdictCode(*verdict)),
                         source.find("verdict-needs: timing") != std::string::npos});
        }
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
  return out;
}

// Whether this machine has a CUDA device, as the judge's own probe sees it.
bool HaveGpu(std::string* why_not) {
  const std::string probe = std::string(JUDGE_TEST_BUILD_DIR) + "/gpu/gpu_probe > /dev/null 2>&1";
  const int status = std::system(probe.c_str());
  if (status == 0) return true;
  *why_not = "no CUDA device on this machine (gpu_probe exited " +
             std::to_string(WEXITSTATUS(status)) +
             "): GPU verdicts are checked on a GPU machine only";
  return false;
}

TEST(GpuProblems, AreListedAndShownButRefusedByCpuCommands) {
  const auto list = RunJudgeCli("list --json");
  ASSERT_EQ(list.exit_code, 0) << list.out;
  const auto problems = nlohmann::json::parse(list.out)["problems"];
  int listed = 0;
  for (const auto& p : problems) listed += p["style"] == "gpu";
  std::vector<Problem> on_disk;
  std::string err;
  ASSERT_TRUE(
      LoadAllProblems(std::filesystem::path(JUDGE_DEFAULT_ROOT) / "problems", &on_disk, &err))
      << err;
  const auto gpu_problems = std::count_if(on_disk.begin(), on_disk.end(),
                                          [](const Problem& p) { return p.style == Style::kGpu; });
  EXPECT_GE(gpu_problems, 2);  // attention and allreduce at least
  EXPECT_EQ(listed, gpu_problems) << list.out;

  const auto show = RunJudgeCli("show attention");
  EXPECT_EQ(show.exit_code, 0);
  EXPECT_NE(show.out.find("judge gpu run attention FILE"), std::string::npos) << show.out;

  const auto run =
      RunJudgeCli("run attention " + Quoted(std::string(JUDGE_DEFAULT_ROOT) + "/README.md"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find("is a GPU problem: judge a .cu file with `judge gpu run attention FILE`"),
            std::string::npos)
      << run.out;
}

TEST(GpuRun, RejectsBadUsageInOneLine) {
  const std::string readme = Quoted(std::string(JUDGE_DEFAULT_ROOT) + "/README.md");
  const struct {
    std::string args;
    std::string says;
  } cases[] = {
      {"gpu run no-such-problem x.cu", "no problem \"no-such-problem\""},
      {"gpu run maximum-gap " + readme, "maximum-gap is not a GPU problem"},
      {"gpu run attention /no/such/file.cu", "/no/such/file.cu: no such file"},
      {"gpu run attention " + readme + " --arch compute_90", "expected sm_NN"},
      {"gpu run attention " + readme + " --repetitions 0", "--repetitions"},
      {"gpu", "A subcommand is required"},
  };
  for (const auto& c : cases) {
    const auto result = RunJudgeCli(c.args);
    EXPECT_EQ(result.exit_code, 2) << c.args << "\n" << result.out;
    EXPECT_NE(result.out.find(c.says), std::string::npos) << c.args << "\n" << result.out;
    EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 1) << c.args << "\n"
                                                                         << result.out;
  }
}

class GpuVerdictFolderTest : public ::testing::TestWithParam<GpuSubmission> {};

TEST_P(GpuVerdictFolderTest, EarnsItsFoldersVerdict) {
  const GpuSubmission& s = GetParam();
#if !JUDGE_GPU_BUILT
  GTEST_SKIP() << "the GPU track was not built (CMake found no nvcc)";
#endif
  std::string why_not;
  const bool have_gpu = HaveGpu(&why_not);
  // Without a GPU the runner never starts: correctness-only keeps a GPU run short too, but for
  // the cheats that only the timed pass can catch.
  const std::string timing = s.needs_timing && have_gpu ? " --group benchmark" : " --no-time";
  const auto result = RunJudgeCli("gpu run " + s.slug + " " + Quoted(s.file) + timing + " --json");
  if (s.expected == "CE" || have_gpu) {
    // stdout's JSON object; without a device stderr's one line comes beside it.
    const size_t begin = result.out.find('{'), end = result.out.rfind('}');
    nlohmann::json report;
    ASSERT_NO_THROW(report = nlohmann::json::parse(result.out.substr(begin, end - begin + 1)))
        << result.out;
    if (!have_gpu) {
      EXPECT_NE(result.out.find("judge: no CUDA device here"), std::string::npos) << result.out;
    }
    EXPECT_EQ(report["submissions"][0]["verdict"], s.expected) << result.out;
    EXPECT_EQ(result.exit_code, s.expected == "AC" ? 0 : 1) << result.out;
    if (s.expected == "CE") {
      EXPECT_NE(report["submissions"][0]["compile_error"].get<std::string>().find("error"),
                std::string::npos);
    }
    return;
  }
  // It compiled and linked into a runner; there is nothing to run it on.
  EXPECT_EQ(result.exit_code, 3) << result.out;
  EXPECT_NE(result.out.find("judge: no CUDA device here"), std::string::npos) << result.out;
  GTEST_SKIP() << why_not;
}

INSTANTIATE_TEST_SUITE_P(Solutions, GpuVerdictFolderTest, ::testing::ValuesIn(AllGpuSubmissions()),
                         [](const ::testing::TestParamInfo<GpuSubmission>& info) {
                           std::string name = info.param.slug + "_" +
                                              info.param.file.parent_path().filename().string() +
                                              "_" + info.param.file.stem().string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace judge
