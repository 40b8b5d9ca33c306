// The sandbox's cost (judge/SANDBOX.md), as ratios measured side by side in one run: judging
// with the isolated LocalSandbox against judging with the plain one (LocalSandbox(false)),
//   - per process start (/bin/true),
//   - per competitive test (one process per test: the sandbox's cost shows whole),
//   - per interview test (kTinyCases tests in one harness process),
//   - per submission (a first judge: compile + every test).
#include <benchmark/benchmark.h>

#include <fstream>

#include "benchmarks/plain_judging.h"
#include "judge/files/files.h"
#include "judge/lang/language.h"
#include "judge/run/judge.h"
#include "judge/sandbox/local_sandbox.h"

namespace judge {
namespace {

constexpr int kCompetitiveTests = 10;

// A private workspace with `sum`, a competitive problem of kCompetitiveTests tests, and `add`,
// an interview problem of 200.
struct CostWorkspace {
  CostWorkspace() {
    workspace.root = dir.path();
    workspace.cache = dir.path() / "cache";
    Write("sum", R"({"title": "Sum", "difficulty": "easy", "style": "competitive",
      "limits": {"time_ms": 1000, "memory_mb": 64, "output_kb": 1024}, "checker": {"name": "tokens"}})");
    nlohmann::json cases = nlohmann::json::array();
    for (int i = 0; i < kCompetitiveTests; ++i)
      cases.push_back({{"name", std::to_string(i)},
                       {"input", std::to_string(i) + " 1\n"},
                       {"expected", std::to_string(i + 1) + "\n"}});
    std::ofstream(workspace.testcases() / "sum" / "01.json")
        << nlohmann::json{{"group", "t"}, {"cases", cases}}.dump();
    Write("add", R"({"title": "Add", "difficulty": "easy", "style": "interview", "signature":
      {"function": "add", "params": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}],
      "returns": "int"}})");
    cases = nlohmann::json::array();
    for (int i = 0; i < 200; ++i)
      cases.push_back(
          {{"name", std::to_string(i)}, {"input", {{"a", i}, {"b", 1}}}, {"expected", i + 1}});
    std::ofstream(workspace.testcases() / "add" / "01.json")
        << nlohmann::json{{"group", "t"}, {"cases", cases}}.dump();
    std::string err;
    if (!LoadProblem(workspace.problems() / "sum", &sum, &err) ||
        !LoadProblem(workspace.problems() / "add", &add, &err))
      std::abort();
    std::ofstream(dir.path() / "sum.cpp") << "#include <bits/stdc++.h>\nint main(){long long "
                                             "a,b;std::cin>>a>>b;std::cout<<a+b<<\"\\n\";}\n";
    std::ofstream(dir.path() / "add.cpp")
        << "class Solution {\npublic:\n    int add(int a, int b) { return a + b; }\n};\n";
  }
  void Write(const std::string& slug, const std::string& json) {
    std::filesystem::create_directories(workspace.problems() / slug);
    std::filesystem::create_directories(workspace.testcases() / slug);
    std::ofstream(workspace.problems() / slug / "problem.json") << json;
  }
  TempDir dir;
  Workspace workspace;
  Problem sum, add;
};

CostWorkspace& Cost() {
  static CostWorkspace cost;
  return cost;
}

void SandboxStart(benchmark::State& state, bool isolate) {
  LocalSandbox sandbox(isolate);
  ProcessSpec spec;
  spec.argv = {"/bin/true"};
  spec.workdir = Cost().dir.path();
  spec.env = JudgedEnvironment();
  for (auto _ : state) benchmark::DoNotOptimize(sandbox.Run(spec));
}

// Judging an already-built submission: the tests alone.
void JudgeTests(benchmark::State& state, bool isolate, const Problem& problem, const char* file,
                int tests) {
  auto& cost = Cost();
  LocalSandbox sandbox(isolate);
  Judgement judgement;
  std::string err;
  JudgeSubmission(cost.workspace, problem, cost.dir.path() / file, bench::PlainJudging(), sandbox,
                  &judgement, &err);
  for (auto _ : state) {
    if (!JudgeSubmission(cost.workspace, problem, cost.dir.path() / file, bench::PlainJudging(),
                         sandbox, &judgement, &err) ||
        judgement.verdict != Verdict::kAccepted) {
      state.SkipWithError(("judging failed: " + err + judgement.reason).c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * tests);
}

// A first judge of a competitive submission: compile (prelude already precompiled) + tests.
void Submission(benchmark::State& state, bool isolate) {
  auto& cost = Cost();
  LocalSandbox sandbox(isolate);
  Judgement judgement;
  std::string err;
  JudgeSubmission(cost.workspace, cost.sum, cost.dir.path() / "sum.cpp", bench::PlainJudging(),
                  sandbox, &judgement, &err);
  for (auto _ : state) {
    state.PauseTiming();
    const auto file = cost.dir.path() / ("fresh" + std::to_string(std::rand()) + ".cpp");
    std::ofstream(file) << "// " << std::rand()
                        << "\n#include <bits/stdc++.h>\nint main(){long long "
                           "a,b;std::cin>>a>>b;std::cout<<a+b<<\"\\n\";}\n";
    state.ResumeTiming();
    JudgeSubmission(cost.workspace, cost.sum, file, bench::PlainJudging(), sandbox, &judgement,
                    &err);
    if (judgement.build.from_cache || judgement.verdict != Verdict::kAccepted) {
      state.SkipWithError("not a fresh AC");
      break;
    }
  }
}

// Plain and isolated side by side, so that a noisy machine slows both alike.
void BM_StartPlain(benchmark::State& s) { SandboxStart(s, false); }
void BM_StartIsolated(benchmark::State& s) { SandboxStart(s, true); }
void BM_CompetitiveTestsPlain(benchmark::State& s) {
  JudgeTests(s, false, Cost().sum, "sum.cpp", kCompetitiveTests);
}
void BM_CompetitiveTestsIsolated(benchmark::State& s) {
  JudgeTests(s, true, Cost().sum, "sum.cpp", kCompetitiveTests);
}
void BM_InterviewTestsPlain(benchmark::State& s) {
  JudgeTests(s, false, Cost().add, "add.cpp", 200);
}
void BM_InterviewTestsIsolated(benchmark::State& s) {
  JudgeTests(s, true, Cost().add, "add.cpp", 200);
}
void BM_SubmissionPlain(benchmark::State& s) { Submission(s, false); }
void BM_SubmissionIsolated(benchmark::State& s) { Submission(s, true); }

BENCHMARK(BM_StartPlain)->Unit(benchmark::kMillisecond)->Iterations(20)->Repetitions(5);
BENCHMARK(BM_StartIsolated)->Unit(benchmark::kMillisecond)->Iterations(20)->Repetitions(5);
BENCHMARK(BM_CompetitiveTestsPlain)->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(3);
BENCHMARK(BM_CompetitiveTestsIsolated)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->Repetitions(3);
BENCHMARK(BM_InterviewTestsPlain)->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(3);
BENCHMARK(BM_InterviewTestsIsolated)->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(3);
BENCHMARK(BM_SubmissionPlain)->Unit(benchmark::kMillisecond)->Iterations(2)->Repetitions(3);
BENCHMARK(BM_SubmissionIsolated)->Unit(benchmark::kMillisecond)->Iterations(2)->Repetitions(3);

}  // namespace
}  // namespace judge
