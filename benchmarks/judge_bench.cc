// The judge's own costs, each as a ratio measured side by side in one run on this machine:
//   1. judging one interview-style test (harness I/O, checking, verdict) / starting a process
//      (target <= 0.05);
//   2. first compile of a <bits/stdc++.h> solution with the precompiled prelude / plain
//      `g++ -std=c++20 -O2` (target <= 0.35);
//      (the same for an interview solution, whose harness adds the runtime and a generated main);
//   3. re-judging an unchanged file / judging it the first time.
// Run: build/judge_bench   (medians of repetitions; the ratios are printed last)
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <fstream>

#include "benchmarks/median_ratios.h"
#include "benchmarks/plain_judging.h"
#include "judge/check/checker.h"
#include "judge/files/files.h"
#include "judge/lang/language.h"
#include "judge/run/judge.h"
#include "judge/sandbox/local_sandbox.h"

namespace judge {
namespace {

constexpr int kTinyCases = 2000;
const char kAddSolution[] =
    "class Solution {\npublic:\n    int add(int a, int b) { return a + b; }\n};\n";
const char kStdioSolution[] =
    "#include <bits/stdc++.h>\nusing namespace std;\nint main() {\n  long long a, b;\n"
    "  cin >> a >> b;\n  map<long long, vector<string>> m;\n  m[a].push_back(to_string(b));\n"
    "  cout << a + b << endl;\n}\n";

// A private workspace with one tiny problem, `add`, with kTinyCases literal cases.
struct BenchWorkspace {
  BenchWorkspace() {
    workspace.root = dir.path();
    workspace.cache = dir.path() / "cache";
    const auto problem_dir = workspace.problems() / "add";
    std::filesystem::create_directories(problem_dir);
    std::filesystem::create_directories(workspace.testcases() / "add");
    std::ofstream(problem_dir / "problem.json") << R"({"title": "Add", "difficulty": "easy",
      "style": "interview", "signature": {"function": "add", "params": [{"name": "a", "type": "int"},
      {"name": "b", "type": "int"}], "returns": "int"}})";
    nlohmann::json cases = nlohmann::json::array();
    for (int i = 0; i < kTinyCases; ++i)
      cases.push_back(
          {{"name", std::to_string(i)}, {"input", {{"a", i}, {"b", 1}}}, {"expected", i + 1}});
    std::ofstream(workspace.testcases() / "add" / "01.json")
        << nlohmann::json{{"group", "tiny"}, {"cases", cases}}.dump();
    std::string err;
    if (!LoadProblem(problem_dir, &problem, &err)) std::abort();
  }
  // A copy of the solution no cache has seen: a unique comment changes every hash.
  std::filesystem::path FreshSource(const std::string& text, const std::string& ext = ".cpp") {
    static std::atomic<int> counter{0};
    const auto file = dir.path() / ("solution" + std::to_string(counter++) + ext);
    std::ofstream(file) << "// " << file.filename().string() << " " << std::rand() << "\n" << text;
    return file;
  }
  TempDir dir;
  Workspace workspace;
  Problem problem;
};

BenchWorkspace& Bench() {
  static BenchWorkspace bench;
  return bench;
}

void BM_ProcessStart(benchmark::State& state) {
  LocalSandbox sandbox;
  ProcessSpec spec;
  spec.argv = {"/bin/true"};
  spec.workdir = Bench().dir.path();
  spec.env = JudgedEnvironment();
  for (auto _ : state) benchmark::DoNotOptimize(sandbox.Run(spec));
}

// Judging kTinyCases tests in one harness process; the time per test is the judge's own cost.
void BM_InterviewTest(benchmark::State& state) {
  auto& bench = Bench();
  const auto source = bench.FreshSource(kAddSolution);
  LocalSandbox sandbox;
  Judgement judgement;
  std::string err;
  JudgeSubmission(bench.workspace, bench.problem, source, bench::PlainJudging(), sandbox,
                  &judgement, &err);
  for (auto _ : state) {
    if (!JudgeSubmission(bench.workspace, bench.problem, source, bench::PlainJudging(), sandbox,
                         &judgement, &err) ||
        judgement.verdict != Verdict::kAccepted) {
      state.SkipWithError(("judging failed: " + err + judgement.reason).c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * kTinyCases);
}

void BM_CompileWithPrecompiledPrelude(benchmark::State& state) {
  auto& bench = Bench();
  Problem stdio;
  stdio.style = Style::kCompetitive;
  LocalSandbox sandbox;
  auto language = FindLanguage("cpp")->make();
  BuildResult build;
  std::string err;
  // Warm: the prelude itself is precompiled once per compiler, not per solution.
  language->Build({&stdio, kStdioSolution, "warm.cpp", bench.workspace.cache}, sandbox, &build,
                  &err);
  for (auto _ : state) {
    state.PauseTiming();
    const std::string text = "// " + std::to_string(std::rand()) + "\n" + kStdioSolution;
    state.ResumeTiming();
    if (!language->Build({&stdio, text, "s.cpp", bench.workspace.cache}, sandbox, &build, &err) ||
        !build.compiled || build.from_cache) {
      state.SkipWithError("build failed or was cached");
      break;
    }
  }
}

// The same for an interview solution: its generated harness (solution + runtime + main) against
// the precompiled prelude.
void BM_CompileInterviewHarness(benchmark::State& state) {
  auto& bench = Bench();
  LocalSandbox sandbox;
  auto language = FindLanguage("cpp")->make();
  BuildResult build;
  std::string err;
  language->Build({&bench.problem, kAddSolution, "warm.cpp", bench.workspace.cache}, sandbox,
                  &build, &err);
  for (auto _ : state) {
    state.PauseTiming();
    const std::string text = "// " + std::to_string(std::rand()) + "\n" + kAddSolution;
    state.ResumeTiming();
    if (!language->Build({&bench.problem, text, "s.cpp", bench.workspace.cache}, sandbox, &build,
                         &err) ||
        !build.compiled || build.from_cache) {
      state.SkipWithError("build failed or was cached");
      break;
    }
  }
}

void BM_CompilePlainGxx(benchmark::State& state) {
  auto& bench = Bench();
  LocalSandbox sandbox;
  for (auto _ : state) {
    state.PauseTiming();
    const auto source = bench.FreshSource(kStdioSolution);
    ProcessSpec spec;
    spec.argv = {"g++",
                 "-std=c++20",
                 "-O2",
                 "-pipe",
                 source.string(),
                 "-o",
                 (bench.dir.path() / "plain").string()};
    spec.workdir = bench.dir.path();
    spec.env = JudgedEnvironment();
    spec.limits.wall_seconds = 120;
    // As the judge runs a compiler: it starts cc1plus, as and ld, and writes its output.
    spec.isolation.syscalls = SyscallSet::kTool;
    spec.isolation.writable_workdir = true;
    state.ResumeTiming();
    if (sandbox.Run(spec).exit_code != 0) {
      state.SkipWithError("g++ failed");
      break;
    }
  }
}

void BM_FirstJudge(benchmark::State& state) {
  auto& bench = Bench();
  LocalSandbox sandbox;
  Judgement judgement;
  std::string err;
  for (auto _ : state) {
    state.PauseTiming();
    const auto source = bench.FreshSource(kAddSolution);
    state.ResumeTiming();
    JudgeSubmission(bench.workspace, bench.problem, source, bench::PlainJudging(), sandbox,
                    &judgement, &err);
    if (judgement.build.from_cache) {
      state.SkipWithError("the first judge found a cached build");
      break;
    }
  }
}

void BM_Rejudge(benchmark::State& state) {
  auto& bench = Bench();
  const auto source = bench.FreshSource(kAddSolution);
  LocalSandbox sandbox;
  Judgement judgement;
  std::string err;
  JudgeSubmission(bench.workspace, bench.problem, source, bench::PlainJudging(), sandbox,
                  &judgement, &err);
  for (auto _ : state) {
    JudgeSubmission(bench.workspace, bench.problem, source, bench::PlainJudging(), sandbox,
                    &judgement, &err);
    if (!judgement.build.from_cache) {
      state.SkipWithError("the re-judge compiled again");
      break;
    }
  }
}

BENCHMARK(BM_ProcessStart)->Unit(benchmark::kMicrosecond)->Repetitions(5);
BENCHMARK(BM_InterviewTest)->Unit(benchmark::kMillisecond)->Repetitions(5);
BENCHMARK(BM_CompileWithPrecompiledPrelude)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->Repetitions(3);
BENCHMARK(BM_CompileInterviewHarness)->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(3);
BENCHMARK(BM_CompilePlainGxx)->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(3);
BENCHMARK(BM_FirstJudge)->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(3);
BENCHMARK(BM_Rejudge)->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(3);

}  // namespace
}  // namespace judge

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  judge::bench::MedianCollector collector;
  benchmark::RunSpecifiedBenchmarks(&collector);
  judge::bench::PrintRatiosHeader();
  judge::bench::PrintRatio(collector, "judge cost per interview test / process start",
                           "BM_InterviewTest", judge::kTinyCases, "BM_ProcessStart", 0.05);
  judge::bench::PrintRatio(collector, "first compile with precompiled prelude / plain g++ -O2",
                           "BM_CompileWithPrecompiledPrelude", 1, "BM_CompilePlainGxx", 0.35);
  judge::bench::PrintRatio(collector, "first compile of an interview harness / plain g++ -O2",
                           "BM_CompileInterviewHarness", 1, "BM_CompilePlainGxx", 0.35);
  judge::bench::PrintRatio(collector, "re-judge of an unchanged file / first judge", "BM_Rejudge",
                           1, "BM_FirstJudge", 0);
  judge::bench::PrintRatio(collector, "sandbox: isolated / plain process start", "BM_StartIsolated",
                           1, "BM_StartPlain", 0);
  judge::bench::PrintRatio(collector, "sandbox: isolated / plain, per competitive test",
                           "BM_CompetitiveTestsIsolated", 1, "BM_CompetitiveTestsPlain", 0);
  judge::bench::PrintRatio(collector, "sandbox: isolated / plain, per interview test",
                           "BM_InterviewTestsIsolated", 1, "BM_InterviewTestsPlain", 0);
  judge::bench::PrintRatio(collector, "sandbox: isolated / plain, per submission (compile + tests)",
                           "BM_SubmissionIsolated", 1, "BM_SubmissionPlain", 0);
  benchmark::Shutdown();
}
