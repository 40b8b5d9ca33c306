// Interactive problems end to end, through the CLI: the kept guess-the-number problem, and
// test-only problems in a private workspace whose interactors misbehave (hang, crash, do not
// compile) or flood a submission that has stopped reading. Every run must end within its limits
// and put the blame where it belongs.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "judge/files/files.h"
#include "tests/cli_runner.h"

namespace judge {
namespace {

namespace fs = std::filesystem;

// A Python interactor in the Kattis convention: sends INPUT_FILE's number, wants ANSWER_FILE's
// back, and insists on its one argument (so that interactor_args is proven to reach it).
const char kEchoInteractor[] = R"(import sys
input_file, answer_file, feedback_dir, flag = sys.argv[1:]
if flag != "--strict":
    sys.exit(2)
print(open(input_file).read().strip(), flush=True)
reply = sys.stdin.readline().strip()
want = open(answer_file).read().strip()
if reply == want:
    sys.exit(42)
with open(feedback_dir + "judgemessage.txt", "w") as f:
    f.write("wanted %s, got %r\n" % (want, reply))
sys.exit(43)
)";

// Writes ten megabytes of lines (far past a pipe's buffer) before it wants "done".
const char kFloodInteractor[] = R"(import sys
for _ in range(1 << 20):
    sys.stdout.write("123456789\n")
sys.stdout.flush()
sys.exit(42 if sys.stdin.readline().strip() == "done" else 43)
)";

const char kHangingInteractor[] = "import time\ntime.sleep(1000)\n";
const char kCrashingInteractor[] = "raise RuntimeError('the interactor broke')\n";

class InteractiveTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new TempDir();
    AddProblem("echo", "interactor.py", kEchoInteractor, R"(, "interactor_args": ["--strict"])");
    AddProblem("flood", "interactor.py", kFloodInteractor);
    AddProblem("hanging", "interactor.py", kHangingInteractor);
    AddProblem("crashing", "interactor.py", kCrashingInteractor);
    AddProblem("broken", "interactor.cpp", "int main() { return 42 }\n");
  }
  static void TearDownTestSuite() { delete root_; }

  static void AddProblem(const std::string& slug, const std::string& interactor,
                         const std::string& source, const std::string& extra = "") {
    const fs::path dir = root_->path() / "problems" / slug;
    fs::create_directories(dir);
    fs::create_directories(root_->path() / "testcases" / slug);
    std::ofstream(dir / "problem.json")
        << R"({"title": "T", "difficulty": "easy", "style": "competitive",
               "limits": {"time_ms": 500}, "interactor": ")" +
               interactor + "\"" + extra + "}";
    std::ofstream(dir / "statement.md") << "Test only.\n";
    std::ofstream(dir / interactor) << source;
    std::ofstream(root_->path() / "testcases" / slug / "01.json")
        << R"({"group": "samples", "cases": [{"name": "seven", "input": "7\n", "expected": "14\n"}]})";
  }

  // `judge run SLUG FILE --json` in the private workspace, FILE holding `source`.
  static testing::CliResult Run(const std::string& slug, const std::string& file,
                                const std::string& source) {
    const fs::path path = root_->path() / file;
    std::ofstream(path) << source;
    return testing::RunJudgeCli("--root " + testing::Quoted(root_->path()) + " run " + slug + " " +
                                testing::Quoted(path) + " --json");
  }

  // The report's verdict, and its reason in *reason.
  static std::string Verdict(const testing::CliResult& r, std::string* reason = nullptr) {
    nlohmann::json report;
    try {
      report = nlohmann::json::parse(r.out);
    } catch (const nlohmann::json::exception&) {
      return "not JSON: " + r.out;
    }
    if (reason) *reason = report.value("reason", "");
    return report.value("verdict", "");
  }

  static TempDir* root_;
};

TempDir* InteractiveTest::root_ = nullptr;

const char kDoubler[] = "print(int(input()) * 2, flush=True)\n";

TEST_F(InteractiveTest, APythonInteractorWithArgumentsAcceptsAndRejects) {
  std::string reason;
  EXPECT_EQ(Verdict(Run("echo", "doubler.py", kDoubler)), "AC");
  EXPECT_EQ(Verdict(Run("echo", "tripler.py", "print(int(input()) * 3, flush=True)\n"), &reason),
            "WA");
  EXPECT_EQ(reason, "the interactor: wanted 14, got '21'");
}

TEST_F(InteractiveTest, ACrashBeforeTheInteractorDecidesIsTheSubmissionsRuntimeError) {
  std::string reason;
  const auto r = Run("echo", "aborts.cpp",
                     "#include <cstdlib>\n#include <iostream>\n"
                     "int main() { int x; std::cin >> x; std::abort(); }\n");
  EXPECT_EQ(Verdict(r, &reason), "RE") << r.out;
  EXPECT_NE(reason.find("SIGABRT"), std::string::npos) << reason;
}

TEST_F(InteractiveTest, ASubmissionThatStopsReadingEndsAtItsWallClockLimit) {
  // The interactor blocks writing into a full pipe; the submission sleeps. The submission is
  // stopped at its wall-clock limit, and the interactor's broken pipe is not held against it.
  std::string reason;
  const auto r = Run("flood", "sleeps.py", "import time\ninput()\ntime.sleep(1000)\n");
  EXPECT_EQ(Verdict(r, &reason), "TLE") << r.out;
  EXPECT_NE(reason.find("wall-clock"), std::string::npos) << reason;
  const auto reader = Run("flood", "reads_all.py",
                          "import sys\nfor _ in range(1 << 20):\n    sys.stdin.readline()\n"
                          "print('done', flush=True)\n");
  EXPECT_EQ(Verdict(reader), "AC") << reader.out;
}

TEST_F(InteractiveTest, AHangingInteractorIsAJudgeErrorNotTheSubmissions) {
  std::string reason;
  const auto r = Run("hanging", "doubler.py", kDoubler);
  EXPECT_EQ(Verdict(r, &reason), "JE") << r.out;
  EXPECT_NE(reason.find("the interactor failed"), std::string::npos) << reason;
  EXPECT_NE(reason.find("wall-clock limit"), std::string::npos) << reason;
}

TEST_F(InteractiveTest, ACrashingInteractorIsAJudgeErrorThatSaysWhy) {
  std::string reason;
  const auto r = Run("crashing", "doubler.py", kDoubler);
  EXPECT_EQ(Verdict(r, &reason), "JE") << r.out;
  EXPECT_NE(reason.find("the interactor failed"), std::string::npos) << reason;
  EXPECT_NE(reason.find("exited with code 1"), std::string::npos) << reason;
  EXPECT_NE(reason.find("RuntimeError: the interactor broke"), std::string::npos) << reason;
}

TEST_F(InteractiveTest, AnInteractorThatDoesNotCompileIsTheProblemsError) {
  const auto r = Run("broken", "doubler.py", kDoubler);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("problem.json: interactor: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("interactor.cpp: does not compile"), std::string::npos) << r.out;
}

// The kept problem: what `judge run` shows for a submission that asks one query too many.
TEST(GuessTheNumberTest, OneQueryTooManyShowsTheInteractorsReason) {
  const auto file = fs::path(JUDGE_DEFAULT_ROOT) / "solutions" / "guess-the-number" /
                    "wrong_answer" / "confirms_before_answering.cpp";
  const auto r = testing::RunJudgeCli("run guess-the-number " + testing::Quoted(file));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("WA on samples/example-3: the interactor: query 11 (\"? 1000\"): only 10 "
                       "are allowed for n = 1000"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("input:     1000 1000"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("received:"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace judge
