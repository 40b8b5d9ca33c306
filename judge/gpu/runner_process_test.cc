// How the judge reads a runner (gpu/PROTOCOL.md), with shell scripts standing in for runners so
// that every ending (done, killed at the time limit, crashed, CUDA error, no device, harness
// failure) is exercised on machines without a GPU, through the real plain sandbox the CLI runs
// runners in; and, through a FakeSandbox, what the judge asks of that sandbox.
#include "judge/gpu/runner_process.h"

#include <gtest/gtest.h>

#include <csignal>
#include <fstream>

#include "judge/files/files.h"
#include "judge/sandbox/fake_sandbox.h"
#include "judge/sandbox/local_sandbox.h"

namespace judge::gpu {
namespace {

// The runner's arguments arrive as $1...: "--cases" FILE "--out" FILE ...; scripts write to $4.
constexpr char kDeviceLine[] = R"(echo '{"type":"device","name":"Fake GPU"}' >> "$4"; )";
constexpr char kCaseA[] =
    R"(echo '{"type":"case","name":"a","group":"g","verdict":"AC","detail":"","max_error":0.001,"tolerance":0.01,"timing":{"median_s":0.002,"min_s":0.001,"max_s":0.003,"spread":0.1,"repetitions":5},"figures":{"tflops":300,"fraction_of_matmul":0.5},"floor_s":0.0001}' >> "$4"; )";

// Two cases, "a" (timed) and "b", for `argv`.
RunnerRequest TwoCases(std::vector<std::string> argv, const std::filesystem::path& scratch,
                       double wall) {
  RunnerRequest request;
  request.argv = std::move(argv);
  request.case_list =
      nlohmann::json::array({{{"name", "a"}, {"group", "g"}, {"timed", true}, {"spec", {}}},
                             {{"name", "b"}, {"group", "g"}, {"timed", false}, {"spec", {}}}});
  request.wall_seconds = wall;
  request.scratch_dir = scratch;
  return request;
}

class RunnerProcessTest : public ::testing::Test {
 protected:
  bool Run(const std::string& script, RunnerOutcome* outcome, std::string* err, double wall = 20) {
    return RunRunner(TwoCases({"/bin/sh", "-c", script, "runner"}, scratch_.path(), wall), plain_,
                     outcome, err);
  }
  TempDir scratch_;
  LocalSandbox plain_{/*isolate=*/false};
};

TEST_F(RunnerProcessTest, ReadsEveryCaseOfAFinishedRun) {
  RunnerOutcome outcome;
  std::string err;
  ASSERT_TRUE(Run(
      std::string(kDeviceLine) + kCaseA +
          R"(echo '{"type":"case","name":"b","group":"g","verdict":"WA","detail":"worst at 3"}' >> "$4")",
      &outcome, &err))
      << err;
  EXPECT_EQ(outcome.device.value("name", ""), "Fake GPU");
  ASSERT_EQ(outcome.cases.size(), 2u);
  const GpuCaseResult& a = outcome.cases[0];
  EXPECT_EQ(a.verdict, Verdict::kAccepted);
  EXPECT_TRUE(a.timed);
  EXPECT_DOUBLE_EQ(a.timing.median, 0.002);
  EXPECT_EQ(a.timing.repetitions, 5);
  ASSERT_EQ(a.figures.size(), 2u);
  EXPECT_EQ(a.figures[0].first, "fraction_of_matmul");  // JSON objects come back sorted by name
  EXPECT_DOUBLE_EQ(a.floor_seconds, 0.0001);
  EXPECT_EQ(outcome.cases[1].verdict, Verdict::kWrongAnswer);
  EXPECT_EQ(outcome.cases[1].detail, "worst at 3");
  EXPECT_FALSE(outcome.cases[1].timed);
}

TEST_F(RunnerProcessTest, ACaseRunningAtTheTimeLimitIsTleAndTheRestNotRun) {
  RunnerOutcome outcome;
  std::string err;
  ASSERT_TRUE(Run(std::string(kDeviceLine) + kCaseA + "sleep 30", &outcome, &err, /*wall=*/1))
      << err;
  EXPECT_EQ(outcome.cases[0].verdict, Verdict::kAccepted);
  EXPECT_EQ(outcome.cases[1].verdict, Verdict::kTimeLimitExceeded);
  EXPECT_NE(outcome.cases[1].detail.find("time limit of 1 s"), std::string::npos)
      << outcome.cases[1].detail;
}

TEST_F(RunnerProcessTest, ACrashIsReByItsSignal) {
  RunnerOutcome outcome;
  std::string err;
  ASSERT_TRUE(Run(std::string(kDeviceLine) + kCaseA + "kill -SEGV $$", &outcome, &err)) << err;
  EXPECT_EQ(outcome.cases[1].verdict, Verdict::kRuntimeError);
  EXPECT_NE(outcome.cases[1].detail.find("signal 11"), std::string::npos)
      << outcome.cases[1].detail;
}

TEST_F(RunnerProcessTest, ASubmissionThatExitsTheProcessIsRe) {
  RunnerOutcome outcome;
  std::string err;
  ASSERT_TRUE(Run(std::string(kDeviceLine) + kCaseA + "exit 0", &outcome, &err)) << err;
  EXPECT_EQ(outcome.cases[1].verdict, Verdict::kRuntimeError);
  EXPECT_NE(outcome.cases[1].detail.find("exited with code 0"), std::string::npos);
}

TEST_F(RunnerProcessTest, ACudaErrorEndsTheRunAfterItsCase) {
  RunnerOutcome outcome;
  std::string err;
  ASSERT_TRUE(Run(
      std::string(kDeviceLine) +
          R"(echo '{"type":"case","name":"a","verdict":"RE","detail":"cudaErrorIllegalAddress: an illegal memory access was encountered"}' >> "$4"; exit 4)",
      &outcome, &err))
      << err;
  EXPECT_EQ(outcome.cases[0].verdict, Verdict::kRuntimeError);
  EXPECT_NE(outcome.cases[0].detail.find("cudaErrorIllegalAddress"), std::string::npos);
  EXPECT_EQ(outcome.cases[1].verdict, std::nullopt);  // never ran
}

TEST_F(RunnerProcessTest, NoDeviceIsReportedWithItsReason) {
  RunnerOutcome outcome;
  std::string err;
  ASSERT_TRUE(Run(
      "echo 'no CUDA device: cudaErrorNoDevice: no CUDA-capable device is detected' >&2; exit 3",
      &outcome, &err))
      << err;
  EXPECT_TRUE(outcome.no_device);
  EXPECT_NE(outcome.no_device_reason.find("cudaErrorNoDevice"), std::string::npos);
}

TEST_F(RunnerProcessTest, HarnessFailuresAndBrokenProtocolAreTheJudgesErrors) {
  const struct {
    std::string script;
    std::string says;
  } cases[] = {
      {"echo 'runner: internal error in case a: reference disagrees' >&2; exit 6",
       "GPU harness failed (not the submission)"},
      {"echo 'runner: --seed: an unsigned integer' >&2; exit 5", "GPU harness failed"},
      {R"(echo 'not json' >> "$4")", "not a JSON object"},
      {R"(echo '{"type":"case","name":"b","verdict":"AC"}' >> "$4")", "out of order"},
      {R"(echo '{"type":"case","name":"a","verdict":"XX"}' >> "$4")",
       "has no verdict the judge knows"},
  };
  for (const auto& c : cases) {
    RunnerOutcome outcome;
    std::string err;
    EXPECT_FALSE(Run(c.script, &outcome, &err)) << c.script;
    EXPECT_NE(err.find(c.says), std::string::npos) << c.script << " -> " << err;
  }
}

// Checked apart: the checker and the runner are shell scripts joined by the judge's socket. The
// checker's arguments are the runner's above ($4 its --out); each runs in its own folder. `dd`
// reads one message of the SOCK_SEQPACKET socket (a shell's `read` would take one byte of it).
constexpr char kReadOneMessage[] = "dd bs=65536 count=1 2>/dev/null";

class CheckedApartTest : public RunnerProcessTest {
 protected:
  bool RunApart(const std::string& checker, const std::string& runner, RunnerOutcome* outcome,
                std::string* err, double wall = 20) {
    RunnerRequest request = TwoCases({"/bin/sh", "-c", runner, "runner"}, scratch_.path(), wall);
    request.checker_argv = {"/bin/sh", "-c", checker, "checker"};
    return RunRunner(request, plain_, outcome, err);
  }
  std::filesystem::path checker_dir() const { return scratch_.path() / "checker"; }
  std::filesystem::path runner_dir() const { return scratch_.path() / "runner"; }
};

TEST_F(CheckedApartTest, TheSecretsReachTheCheckerAndTheRunnerReadsNothingOfThem) {
  RunnerOutcome outcome;
  std::string err;
  // The checker takes the first message (the secrets) and reports both cases; the runner reads
  // its end until the checker's is closed, then says it was let go.
  const std::string checker =
      std::string(kReadOneMessage) + " > secrets.txt; " + kDeviceLine + kCaseA +
      R"(echo '{"type":"case","name":"b","group":"g","verdict":"AC"}' >> "$4")";
  const std::string runner =
      std::string(kReadOneMessage) + " > got.txt; echo \"$@\" > args.txt; echo ended > ended.txt";
  ASSERT_TRUE(RunApart(checker, runner, &outcome, &err)) << err;
  std::string secrets_text, got, args;
  ASSERT_TRUE(ReadFile(checker_dir() / "secrets.txt", &secrets_text, &err)) << err;
  const nlohmann::json secrets = nlohmann::json::parse(secrets_text, nullptr, false);
  ASSERT_TRUE(secrets.is_object()) << secrets_text;
  EXPECT_TRUE(secrets["seed"].is_number_unsigned()) << secrets_text;
  EXPECT_EQ(secrets["repetitions"], 20);
  ASSERT_TRUE(ReadFile(runner_dir() / "got.txt", &got, &err)) << err;
  EXPECT_EQ(got, "") << "the runner read the secrets";
  ASSERT_TRUE(ReadFile(runner_dir() / "args.txt", &args, &err)) << err;
  EXPECT_EQ(args, "\n") << "the runner gets no arguments";
  // The judge closed its copy of the checker's end when the checker ended: the runner read end
  // of file then, not at its wall limit.
  EXPECT_TRUE(std::filesystem::exists(runner_dir() / "ended.txt"));
  EXPECT_FALSE(std::filesystem::exists(runner_dir() / "cases.json"));
  EXPECT_FALSE(std::filesystem::exists(runner_dir() / "results.jsonl"));
  ASSERT_EQ(outcome.cases.size(), 2u);
  EXPECT_EQ(outcome.cases[0].verdict, Verdict::kAccepted);
  EXPECT_DOUBLE_EQ(outcome.cases[0].timing.median, 0.002);
  EXPECT_EQ(outcome.cases[1].verdict, Verdict::kAccepted);
  EXPECT_EQ(outcome.device.value("name", ""), "Fake GPU");
}

TEST_F(CheckedApartTest, ResultsComeOnlyFromTheChecker) {
  RunnerOutcome outcome;
  std::string err;
  // The runner prints result lines wherever it can write: its stdout and a results.jsonl of its
  // own folder. The checker finds the runner gone (end of file) during case a: exit 7.
  const std::string forged = R"({"type":"case","name":"a","group":"g","verdict":"AC"})";
  const std::string runner = "echo '" + forged + "'; echo '" + forged + "' > results.jsonl";
  const std::string checker = std::string(kReadOneMessage) + " > /dev/null; " + kDeviceLine +
                              kReadOneMessage + " > /dev/null; exit 7";
  ASSERT_TRUE(RunApart(checker, runner, &outcome, &err)) << err;
  ASSERT_EQ(outcome.cases.size(), 2u);
  EXPECT_EQ(outcome.cases[0].verdict, Verdict::kRuntimeError);
  EXPECT_NE(outcome.cases[0].detail.find("the runner exited with code 0"), std::string::npos)
      << outcome.cases[0].detail;
  EXPECT_EQ(outcome.cases[1].verdict, std::nullopt);
}

TEST_F(CheckedApartTest, ARunnerKilledAtTheWallLimitIsTle) {
  RunnerOutcome outcome;
  std::string err;
  // Case a done; during b the runner hangs, the watchdog kills it, the checker reads end of file
  // and says the runner stopped answering (exit 7).
  const std::string checker = std::string(kReadOneMessage) + " > /dev/null; " + kDeviceLine +
                              kCaseA + kReadOneMessage + " > /dev/null; exit 7";
  ASSERT_TRUE(RunApart(checker, "exec sleep 30", &outcome, &err, /*wall=*/1)) << err;
  EXPECT_EQ(outcome.cases[0].verdict, Verdict::kAccepted);
  EXPECT_EQ(outcome.cases[1].verdict, Verdict::kTimeLimitExceeded);
  EXPECT_NE(outcome.cases[1].detail.find("time limit of 1 s"), std::string::npos)
      << outcome.cases[1].detail;
}

TEST_F(CheckedApartTest, ACrashedRunnerIsReNamingItsSignal) {
  RunnerOutcome outcome;
  std::string err;
  const std::string checker = std::string(kReadOneMessage) + " > /dev/null; " + kDeviceLine +
                              kCaseA + kReadOneMessage + " > /dev/null; exit 7";
  ASSERT_TRUE(RunApart(checker, "kill -SEGV $$", &outcome, &err)) << err;
  EXPECT_EQ(outcome.cases[1].verdict, Verdict::kRuntimeError);
  EXPECT_NE(outcome.cases[1].detail.find("the runner died by signal 11"), std::string::npos)
      << outcome.cases[1].detail;
}

TEST_F(CheckedApartTest, ACheckerThatCannotShareDeviceMemoryJudgesNothingAndSaysWhy) {
  RunnerOutcome outcome;
  std::string err;
  ASSERT_TRUE(
      RunApart("echo 'cuMemCreate: POSIX file descriptor handles are not supported' >&2; "
               "exit 8",
               kReadOneMessage, &outcome, &err))
      << err;
  EXPECT_TRUE(outcome.cannot_share_memory);
  EXPECT_NE(outcome.cannot_share_memory_reason.find("POSIX file descriptor"), std::string::npos)
      << outcome.cannot_share_memory_reason;
  EXPECT_TRUE(outcome.cases.empty());
}

TEST_F(CheckedApartTest, ACheckerThatDiesIsNamedNotTheRunner) {
  RunnerOutcome outcome;
  std::string err;
  const std::string checker =
      std::string(kReadOneMessage) + " > /dev/null; " + kDeviceLine + kCaseA + "kill -SEGV $$";
  ASSERT_TRUE(RunApart(checker, kReadOneMessage, &outcome, &err)) << err;
  EXPECT_EQ(outcome.cases[1].verdict, Verdict::kRuntimeError);
  EXPECT_NE(outcome.cases[1].detail.find("the checker died by signal 11"), std::string::npos)
      << outcome.cases[1].detail;
}

// In the device sandbox, where the machine has a private root: the runner sees its own folder
// and not the checker's, so it can neither read the cases nor the results. Each side is one
// program (the device list allows no second exec): the runner cats the checker's files, the
// checker ends at once. A plain child, for contrast, reads them.
TEST_F(CheckedApartTest, AnIsolatedRunnerCannotOpenTheCheckersFiles) {
  bool private_root = false;
  for (const Protection& p : SandboxProtections())
    private_root |= p.name == "private root" && p.active;
  if (!private_root) GTEST_SKIP() << "the sandbox has no private root on this machine";
  const std::string cases = (checker_dir() / "cases.json").string();
  RunnerRequest request = TwoCases({"/bin/cat", cases}, scratch_.path(), 20);
  request.checker_argv = {"/bin/true"};
  RunnerOutcome outcome;
  std::string err, seen, complaint;
  LocalSandbox isolated;
  ASSERT_TRUE(RunRunner(request, isolated, &outcome, &err)) << err;
  ASSERT_TRUE(ReadFile(runner_dir() / "stdout.txt", &seen, &err)) << err;
  EXPECT_EQ(seen, "") << "the isolated runner read the checker's cases";
  ASSERT_TRUE(ReadFile(runner_dir() / "stderr.txt", &complaint, &err)) << err;
  EXPECT_NE(complaint.find(cases + ": No such file"), std::string::npos) << complaint;

  ASSERT_TRUE(RunRunner(request, plain_, &outcome, &err)) << err;
  ASSERT_TRUE(ReadFile(runner_dir() / "stdout.txt", &seen, &err)) << err;
  EXPECT_NE(seen.find("\"name\": \"a\""), std::string::npos) << "a plain child reads them";
}

// What RunRunner asks of its sandbox, and how it reads an ending that left no lines, without
// starting any process.
TEST_F(RunnerProcessTest, TheSeedAndTheCallCountsComeOnStdinNotTheCommandLine) {
  RunnerOutcome outcome;
  std::string err;
  RunnerRequest request = TwoCases(
      {"/bin/sh", "-c",
       R"(echo "$@" > args.txt; cat > secrets.txt; echo '{"type":"device"}' >> "$4")", "runner"},
      scratch_.path(), 20);
  request.trials = 2;
  request.warmup = 4;
  request.repetitions = 9;
  ASSERT_TRUE(RunRunner(request, plain_, &outcome, &err)) << err;
  std::string args, line;
  ASSERT_TRUE(ReadFile(scratch_.path() / "args.txt", &args, &err)) << err;
  ASSERT_TRUE(ReadFile(scratch_.path() / "secrets.txt", &line, &err)) << err;
  const nlohmann::json secrets = nlohmann::json::parse(line);
  ASSERT_TRUE(secrets["seed"].is_number_unsigned()) << line;
  EXPECT_EQ(secrets["trials"], 2);
  EXPECT_EQ(secrets["warmup"], 4);
  EXPECT_EQ(secrets["repetitions"], 9);
  EXPECT_EQ(args.find(std::to_string(secrets["seed"].get<uint64_t>())), std::string::npos) << args;
  EXPECT_EQ(args.find("--seed"), std::string::npos) << args;
  // A fresh seed each run: the inputs cannot be known from an earlier one.
  ASSERT_TRUE(RunRunner(request, plain_, &outcome, &err)) << err;
  std::string again;
  ASSERT_TRUE(ReadFile(scratch_.path() / "secrets.txt", &again, &err)) << err;
  EXPECT_NE(nlohmann::json::parse(again)["seed"], secrets["seed"]);
}

TEST(RunnerProcessFakeSandboxTest, AsksForTheProtocolsArgumentsAndReadsTheEnding) {
  TempDir scratch;
  // A results file from an earlier run must not pass for this run's.
  std::ofstream(scratch.path() / "results.jsonl")
      << R"({"type":"case","name":"a","group":"g","verdict":"AC"})" << '\n';
  FakeSandbox sandbox;
  sandbox.Script({.result = FakeSandbox::Signaled(SIGSEGV)});
  RunnerRequest request = TwoCases({"/runner"}, scratch.path(), 7.5);
  request.trials = 2;
  request.warmup = 4;
  request.repetitions = 9;
  RunnerOutcome outcome;
  std::string err;
  ASSERT_TRUE(RunRunner(request, sandbox, &outcome, &err)) << err;

  ASSERT_EQ(sandbox.specs().size(), 1u);
  const ProcessSpec& spec = sandbox.specs()[0];
  const std::string cases_file = (scratch.path() / "cases.json").string();
  const std::string out_file = (scratch.path() / "results.jsonl").string();
  // Nothing secret on the command line, which every process of the run can read in /proc.
  const std::vector<std::string> expected = {"/runner", "--cases", cases_file, "--out", out_file};
  EXPECT_EQ(spec.argv, expected);
  EXPECT_GE(spec.stdin_fd, 0) << "the secrets come through a pipe on stdin";
  EXPECT_DOUBLE_EQ(spec.limits.wall_seconds, 7.5);
  EXPECT_EQ(spec.workdir, scratch.path());
  std::string cases;
  ASSERT_TRUE(ReadFile(cases_file, &cases, &err)) << err;
  EXPECT_EQ(nlohmann::json::parse(cases), request.case_list);

  ASSERT_EQ(outcome.cases.size(), 2u);
  EXPECT_EQ(outcome.cases[0].verdict, Verdict::kRuntimeError);
  EXPECT_NE(outcome.cases[0].detail.find("signal 11"), std::string::npos)
      << outcome.cases[0].detail;
  EXPECT_EQ(outcome.cases[1].verdict, std::nullopt);
}

TEST(RunnerProcessFakeSandboxTest, ARunnerThatCannotStartIsTheJudgesError) {
  TempDir scratch;
  FakeSandbox sandbox;  // nothing scripted: the run does not start
  RunnerOutcome outcome;
  std::string err;
  EXPECT_FALSE(RunRunner(TwoCases({"/runner"}, scratch.path(), 5), sandbox, &outcome, &err));
  EXPECT_EQ(err, "cannot start the runner: FakeSandbox: no scripted run left");
}

}  // namespace
}  // namespace judge::gpu
