// End-to-end tests of the Python harness (judge/interview/python/harness.py, as embedded in the
// judge): real python3 processes on small cases files, fd 3 redirected to a file.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "judge/interview/embedded_files.h"
#include "judge/interview/harness_test_support.h"

namespace judge {
namespace {

namespace fs = std::filesystem;
using harness_test::Outcome;
using harness_test::ReadFile;
using harness_test::RunProcess;
using harness_test::WriteFile;
using nlohmann::json;

const json kMaximumGapSignature = json::parse(
    R"({"function": "maximumGap", "params": [{"name": "nums", "type": "int[]"}], "returns": "int"})");

const json kMinHeapSignature = json::parse(R"({
  "class": "MinHeap",
  "constructors": [[], [{"name": "nums", "type": "int[]"}]],
  "methods": [
    {"name": "push", "params": [{"name": "x", "type": "int"}], "returns": "void"},
    {"name": "pop", "params": [], "returns": "int"}
  ]})");

// The interpreter: $JUDGE_PYTHON, else the system's python3 (a version manager's shim on PATH can
// add half a second to each start), else python3 from PATH.
std::string Python() {
  if (const char* python = std::getenv("JUDGE_PYTHON")) return python;
  return access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
}

class PythonHarnessTest : public testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/judge-python-harness-test-XXXXXX";
    dir_ = mkdtemp(pattern);
    WriteFile(dir_ / "harness.py", EmbeddedFile("harness.py"));
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes solution.py and runs the harness on `cases` (one per line); the wall-clock limit is
  // the CPU limit and a second.
  Outcome Run(const json& signature, std::string_view solution, const std::string& cases,
              long time_limit_ms = 5000, long memory_limit_kb = 65536) {
    WriteFile(dir_ / "solution.py", solution);
    WriteFile(dir_ / "signature.json", signature.dump());
    WriteFile(dir_ / "cases", cases);
    return RunProcess({Python(), (dir_ / "harness.py").string(), (dir_ / "solution.py").string(),
                       (dir_ / "signature.json").string(), (dir_ / "cases").string(),
                       std::to_string(time_limit_ms), std::to_string(time_limit_ms + 1000),
                       std::to_string(memory_limit_kb)},
                      dir_);
  }

  Outcome Check(std::string_view solution) {
    WriteFile(dir_ / "solution.py", solution);
    return RunProcess(
        {Python(), (dir_ / "harness.py").string(), "--check", (dir_ / "solution.py").string()},
        dir_);
  }

  fs::path dir_;
};

TEST_F(PythonHarnessTest, FunctionProblemWithoutImports) {
  const Outcome run = Run(kMaximumGapSignature, R"(class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        nums.sort()
        return max((b - a for a, b in zip(nums, nums[1:])), default=0)
)",
                          "[[3,6,9,1]]\n[[10]]\n[[1,2],3]\n[[1, 10000000, 5]]");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(run.results.size(), 4u);
  EXPECT_EQ(run.results[0].value("output", json()), 3);
  EXPECT_EQ(run.results[1].value("output", json()), 0);
  EXPECT_EQ(run.results[2].value("status", json()), "input_error");
  EXPECT_EQ(run.results[2].value("message", json()), "arguments: expected 1 argument, got 2");
  EXPECT_EQ(run.results[3].value("output", json()), 9999995);
  EXPECT_EQ(run.results[3].value("status", json()), "ok");
  EXPECT_GT(run.results[3]["time_ns"].get<long long>(), 0);
  EXPECT_EQ(run.results[3]["stdout_bytes"], 0);
}

TEST_F(PythonHarnessTest, DesignProblem) {
  const Outcome run = Run(kMinHeapSignature, R"(class MinHeap:

    def __init__(self, nums: Optional[List[int]] = None):
        self.heap = list(nums or [])
        heapify(self.heap)

    def push(self, x: int) -> None:
        heappush(self.heap, x)
        return "ignored: push is void"

    def pop(self) -> int:
        return heappop(self.heap)
)",
                          R"([["MinHeap","push","push","pop","pop"],[[],[5],[3],[],[]]]
[["MinHeap","pop"],[[[4,1,7]],[]]]
[["MinHeap","top"],[[],[]]]
[["MinHeap","pop"],[[1,2],[]]]
[["MinHeap","pop"],[[],[]]]
)");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(run.results.size(), 5u);
  EXPECT_EQ(run.results[0].value("output", json()), json::parse("[null,null,null,3,5]"));
  EXPECT_EQ(run.results[1].value("output", json()), json::parse("[null,1]"));
  EXPECT_EQ(run.results[2].value("status", json()), "input_error");
  EXPECT_EQ(run.results[2].value("message", json()),
            "operation 1 (\"top\"): not a method of MinHeap");
  EXPECT_EQ(run.results[3].value("status", json()), "input_error");
  EXPECT_EQ(run.results[4].value("status", json()), "exception");
  EXPECT_EQ(run.results[4].value("message", json()),
            "IndexError: index out of range (solution.py, line 12)");
}

TEST_F(PythonHarnessTest, LeetCodeNamesArePreImported) {
  const json signature = json::parse(
      R"({"function": "names", "params": [{"name": "x", "type": "double"}], "returns": "int[]"})");
  const Outcome run = Run(signature, R"(class Solution:
    def names(self, x: float) -> List[int]:
        q = deque([1, 2])
        h = [5, 1, 3]
        heapq.heapify(h)
        c = Counter("aab")

        @lru_cache(None)
        def fib(n: int) -> int:
            return n if n < 2 else fib(n - 1) + fib(n - 2)

        assert isinstance(x, float)
        return [q.popleft(), heappop(h), c["a"], fib(30), gcd(12, 18), pow(3, 4, 5),
                bisect_left([1, 3, 5], 4), reduce(operator.add, accumulate([1, 2])),
                math.isqrt(17), int(inf > 1e308), len(defaultdict(list))]
)",
                          "[2]\n");
  ASSERT_EQ(run.results.size(), 1u) << run.err;
  EXPECT_EQ(run.results[0].value("output", json()), json::parse("[1,1,2,832040,6,1,2,4,4,1,0]"))
      << run.results[0];
}

// One solution misbehaving in every way the protocol names, chosen by the argument.
constexpr char kMisbehaving[] = R"(import sys

class Solution:
    def run(self, mode: int) -> int:
        if mode == 1:
            print("to stdout")
            print("to stderr", file=sys.stderr)
        if mode == 2:
            return [1, 2, 3][5]
        if mode == 3:
            return len(bytearray(4 << 30))
        if mode == 4:
            while True:
                pass
        if mode == 5:
            return {1, 2}
        if mode == 6:
            return self.depth(50000)
        if mode == 7:
            sys.exit(3)
        if mode == 8:
            return len(bytearray(50 << 20))
        return mode

    @cache
    def depth(self, n):
        return 0 if n == 0 else self.depth(n - 1) + 1
)";

const json kRunSignature = json::parse(
    R"({"function": "run", "params": [{"name": "mode", "type": "int"}], "returns": "int"})");

TEST_F(PythonHarnessTest, DebugOutputStaysOffTheResults) {
  const Outcome run = Run(kRunSignature, kMisbehaving, "[0]\n[1]\n[1]\n");
  ASSERT_EQ(run.results.size(), 3u) << run.err;
  EXPECT_EQ(run.out, "to stdout\nto stdout\n");
  EXPECT_EQ(run.err, "to stderr\nto stderr\n");
  EXPECT_EQ(run.results[0]["stdout_bytes"], 0);
  EXPECT_EQ(run.results[1]["stdout_bytes"], 10);
  EXPECT_EQ(run.results[2]["stdout_bytes"], 20);
  EXPECT_EQ(run.results[1].value("output", json()), 1);
}

TEST_F(PythonHarnessTest, ExceptionsNameTheSolutionsLine) {
  const Outcome run =
      Run(kRunSignature, kMisbehaving, "[2]\n[5]\n[6]\n[7]\n[0]\n", 5000, 256 * 1024);
  ASSERT_EQ(run.results.size(), 5u) << run.err;
  EXPECT_EQ(run.results[0].value("status", json()), "exception");
  EXPECT_EQ(run.results[0].value("message", json()),
            "IndexError: list index out of range (solution.py, line 9)");
  EXPECT_FALSE(run.results[0].contains("output"));
  EXPECT_EQ(run.results[1].value("status", json()), "exception");
  EXPECT_TRUE(
      run.results[1].value("message", json()).get<std::string>().starts_with("cannot serialise"))
      << run.results[1];
  // Recursion through functools.cache, past the default recursion limit and 8 MiB stack.
  EXPECT_EQ(run.results[2].value("output", json()), 50000) << run.results[2];
  EXPECT_EQ(run.results[3].value("message", json()), "SystemExit: 3 (solution.py, line 20)");
  EXPECT_EQ(run.results[4].value("status", json()), "ok");
}

TEST_F(PythonHarnessTest, MemoryIsMeasuredAndLimited) {
  const Outcome run = Run(kRunSignature, kMisbehaving, "[0]\n[8]\n[3]\n[8]\n", 5000, 64 * 1024);
  ASSERT_EQ(run.results.size(), 4u) << run.err;
  EXPECT_LT(run.results[0]["memory_kb"].get<long long>(), 2048);
  EXPECT_GE(run.results[1]["memory_kb"].get<long long>(), 50 * 1024 - 512);
  EXPECT_EQ(run.results[2].value("status", json()), "memory");
  EXPECT_EQ(run.results[2].value("message", json()), "MemoryError (solution.py, line 11)");
  EXPECT_EQ(run.results[3].value("status", json()), "ok");
  EXPECT_GE(run.results[3]["memory_kb"].get<long long>(), 50 * 1024 - 512);
}

TEST_F(PythonHarnessTest, EndlessLoopDiesOfSigprofOnTheCaseInProgress) {
  const Outcome run = Run(kRunSignature, kMisbehaving, "[0]\n[4]\n[0]\n", 200);
  EXPECT_EQ(run.signal, SIGPROF);
  ASSERT_EQ(run.results.size(), 1u);
  EXPECT_EQ(run.results[0].value("output", json()), 0);
}

TEST_F(PythonHarnessTest, LoadErrorsFailEveryCase) {
  const Outcome run =
      Run(kMaximumGapSignature, "x = 1\nraise ValueError('boom')\n", "[[1]]\n[[2]]\n");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(run.results.size(), 2u);
  for (const json& r : run.results) {
    EXPECT_EQ(r["status"], "exception");
    EXPECT_EQ(r["message"], "ValueError: boom (solution.py, line 2)");
  }
  const Outcome missing = Run(kMaximumGapSignature, "class Solution2:\n    pass\n", "[[1]]\n");
  ASSERT_EQ(missing.results.size(), 1u);
  EXPECT_EQ(missing.results[0].value("message", json()),
            "NameError: the solution defines no class Solution");
}

TEST_F(PythonHarnessTest, CheckReportsSyntaxErrors) {
  const Outcome bad = Check("class Solution:\n    def f(self):\n        x = = 1\n");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_TRUE(bad.err.starts_with("solution.py:3: SyntaxError: invalid syntax\n")) << bad.err;
  EXPECT_TRUE(bad.results.empty());
  const Outcome good = Check("class Solution:\n    def f(self):\n        return undefined_name\n");
  EXPECT_EQ(good.exit_code, 0) << good.err;  // compiles; nothing runs
  EXPECT_EQ(good.err, "");
}

TEST(PythonHarnessText, EmbeddableAndStandalone) {
  const std::string_view harness = EmbeddedFile("harness.py");
  EXPECT_NE(harness.find("def main(argv):"), std::string_view::npos);
  EXPECT_EQ(harness.find(")JUDGE_EMBED\""), std::string_view::npos);
}

}  // namespace
}  // namespace judge
