// End-to-end tests of the C++ harness: generate, compile with g++ against a precompiled
// judge_prelude.h, run on small cases files with fd 3 redirected, and read the result lines.
// The runtime's reader and writer are also tested directly, by including the header.
#include "judge/interview/cpp_harness.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

// The runtime's definitions are compiled into this test, as into the judge's runtime object.
#define JUDGE_HARNESS_DEFINITIONS
#include "judge/interview/cpp/harness_runtime.h"
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

// Assertions in the standard library catch the runtime indexing out of bounds.
const std::vector<std::string> kCompileFlags = {"-std=c++20", "-O2", "-D_GLIBCXX_ASSERTIONS"};

Signature Function(std::string name, std::vector<Param> params, std::string returns) {
  Signature sig;
  sig.methods = {{std::move(name), std::move(params), std::move(returns)}};
  return sig;
}

Signature MinHeapSignature() {
  Signature sig;
  sig.is_design = true;
  sig.class_name = "MinHeap";
  sig.constructors = {{}, {{"nums", "int[]"}}};
  sig.methods = {{"push", {{"x", "int"}}, "void"},
                 {"pop", {}, "int"},
                 {"average", {}, "double"},
                 {"empty", {}, "bool"}};
  return sig;
}

std::string Hex(size_t value) {
  std::ostringstream out;
  out << std::hex << value;
  return out.str();
}

// Moves a finished file into place in one step, so that concurrent test processes (ctest runs
// each test alone, in parallel) see it whole or not at all.
bool Publish(const fs::path& tmp, const fs::path& final_path) {
  std::error_code ec;
  fs::rename(tmp, final_path, ec);
  return !ec;
}

class CppHarnessTest : public testing::Test {
 protected:
  // Precompiling the prelude costs seconds and each program a second or two, and ctest starts a
  // process per test: both are kept in a directory named by a hash of the prelude and flags,
  // shared by every process of this build. Each use touches it; directories of other runtimes
  // unused for a day are removed (not sooner: another checkout's tests may be using them).
  static void SetUpTestSuite() {
    const std::string prelude = CppPrelude();
    std::string key = prelude;
    for (const auto& flag : kCompileFlags) key += "\n" + flag;
    const fs::path temp = fs::temp_directory_path();
    cache_ = new fs::path(temp / ("judge-harness-test-" + Hex(std::hash<std::string>()(key))));
    std::error_code ec;
    fs::create_directory(*cache_, ec);
    const auto now = fs::file_time_type::clock::now();
    fs::last_write_time(*cache_, now, ec);
    for (const auto& entry : fs::directory_iterator(temp, ec))
      if (entry.path().filename().string().starts_with("judge-harness-test-") &&
          entry.last_write_time(ec) < now - std::chrono::hours(24))
        fs::remove_all(entry.path(), ec);
    char pattern[] = "/tmp/judge-cpp-harness-run-XXXXXX";
    dir_ = new fs::path(mkdtemp(pattern));
    prelude_error_ = new std::string;
    if (fs::exists(*cache_ / kCppRuntimeObjectName)) return;
    const std::string tag = "." + std::to_string(getpid());
    WriteFile(*dir_ / "judge_prelude.h", prelude);
    WriteFile(*dir_ / "harness_runtime.cc", CppRuntimeUnit());
    std::vector<std::string> argv = {"g++"};
    argv.insert(argv.end(), kCompileFlags.begin(), kCompileFlags.end());
    std::vector<std::string> header = argv;
    header.insert(header.end(), {"-x", "c++-header", (*dir_ / "judge_prelude.h").string(), "-o",
                                 (*cache_ / ("judge_prelude.h.gch" + tag)).string()});
    *prelude_error_ = RunProcess(header, *dir_).err;
    argv.insert(argv.end(), {"-c", (*dir_ / "harness_runtime.cc").string(), "-o",
                             (*dir_ / "harness_runtime.o").string()});
    *prelude_error_ += RunProcess(argv, *dir_).err;
    Publish(*dir_ / "judge_prelude.h", *cache_ / "judge_prelude.h");
    Publish(*cache_ / ("judge_prelude.h.gch" + tag), *cache_ / "judge_prelude.h.gch");
    Publish(*dir_ / "harness_runtime.o", *cache_ / kCppRuntimeObjectName);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete cache_;
    delete prelude_error_;
  }

  // Generates and compiles a harness; returns the program's path, or "" with g++'s errors.
  static std::string Build(const Signature& sig, std::string_view source, const std::string& name,
                           std::string* errors = nullptr) {
    const std::string text = GenerateCppHarness(sig, source, name + ".cpp");
    const fs::path program = *cache_ / (name + "-" + Hex(std::hash<std::string>()(text)));
    if (errors) errors->clear();
    if (fs::exists(program)) return program.string();
    const fs::path file = *dir_ / (name + ".harness.cpp");
    const fs::path tmp = program.string() + "." + std::to_string(getpid());
    WriteFile(file, text);
    std::vector<std::string> argv = {"g++"};
    argv.insert(argv.end(), kCompileFlags.begin(), kCompileFlags.end());
    argv.insert(argv.end(), {"-Winvalid-pch", "-I", cache_->string(), file.string(),
                             (*cache_ / kCppRuntimeObjectName).string(), "-o", tmp.string()});
    const Outcome compiled = RunProcess(argv, *dir_);
    if (errors) *errors = compiled.err;
    if (compiled.exit_code != 0) return "";
    Publish(tmp, program);
    return program.string();
  }

  // Runs `program` on `cases` (one per line) with the given limits; the wall-clock limit is the
  // CPU limit and a second.
  static Outcome Run(const std::string& program, const std::string& cases,
                     long time_limit_ms = 1000, long memory_limit_kb = 65536) {
    WriteFile(*dir_ / "cases", cases);
    return RunProcess({program, (*dir_ / "cases").string(), std::to_string(time_limit_ms),
                       std::to_string(time_limit_ms + 1000), std::to_string(memory_limit_kb)},
                      *dir_);
  }

  void SetUp() override { ASSERT_EQ(*prelude_error_, "") << "precompiling judge_prelude.h"; }

  static fs::path* cache_;
  static fs::path* dir_;
  static std::string* prelude_error_;
};

fs::path* CppHarnessTest::cache_ = nullptr;
fs::path* CppHarnessTest::dir_ = nullptr;
std::string* CppHarnessTest::prelude_error_ = nullptr;

constexpr char kMaximumGap[] = R"(class Solution {
public:
    int maximumGap(vector<int>& nums) {
        if (nums.size() < 2) return 0;
        sort(nums.begin(), nums.end());
        int best = 0;
        for (size_t i = 1; i < nums.size(); ++i) best = max(best, nums[i] - nums[i - 1]);
        return best;
    }
};
)";

TEST_F(CppHarnessTest, FunctionProblem) {
  const std::string program =
      Build(Function("maximumGap", {{"nums", "int[]"}}, "int"), kMaximumGap, "gap");
  ASSERT_NE(program, "");
  const Outcome run = Run(program, "[[3,6,9,1]]\n[[10]]\n[ [1, 10000000, 5] ]\n");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(run.results.size(), 3u);
  EXPECT_EQ(run.results[0].value("output", json()), 3);
  EXPECT_EQ(run.results[1].value("output", json()), 0);
  EXPECT_EQ(run.results[2].value("output", json()), 9999995);
  for (const json& r : run.results) {
    EXPECT_EQ(r["status"], "ok");
    EXPECT_GE(r["time_ns"].get<long long>(), 0);
    EXPECT_LT(r["time_ns"].get<long long>(), 50'000'000);
    EXPECT_GE(r["memory_kb"].get<long long>(), 0);
    EXPECT_EQ(r["stdout_bytes"], 0);
  }
}

TEST_F(CppHarnessTest, ArrayAndIntReturningNestedVector) {
  const std::string program = Build(Function("chunk", {{"nums", "int[]"}, {"k", "int"}}, "int[][]"),
                                    R"(class Solution {
public:
    vector<vector<int>> chunk(vector<int>& nums, int k) {
        vector<vector<int>> out;
        for (size_t i = 0; i < nums.size(); i += k)
            out.emplace_back(nums.begin() + i, nums.begin() + min(nums.size(), i + k));
        return out;
    }
};)",
                                    "chunk");
  ASSERT_NE(program, "");
  const Outcome run = Run(program, "[[1,2,3,4,5],2]\n[[],3]\n[[1,2],2,7]\n[[1,2]]\n");
  ASSERT_EQ(run.results.size(), 4u) << run.err;
  EXPECT_EQ(run.results[0].value("output", json()), json::parse("[[1,2],[3,4],[5]]"));
  EXPECT_EQ(run.results[1].value("output", json()), json::array());
  EXPECT_EQ(run.results[2].value("status", json()), "input_error");
  EXPECT_EQ(run.results[2].value("message", json()), "column 10: expected 2 arguments");
  EXPECT_EQ(run.results[3].value("status", json()), "input_error");
}

TEST_F(CppHarnessTest, DesignProblem) {
  const std::string program = Build(MinHeapSignature(), R"(class MinHeap {
    priority_queue<int, vector<int>, greater<int>> heap;
    long long sum = 0;
public:
    MinHeap() {}
    MinHeap(vector<int>& nums) { for (int x : nums) push(x); }
    void push(int x) { heap.push(x); sum += x; }
    int pop() { int x = heap.top(); heap.pop(); sum -= x; return x; }
    double average() { return double(sum) / heap.size(); }
    bool empty() { return heap.empty(); }
};)",
                                    "minheap");
  ASSERT_NE(program, "");
  const Outcome run =
      Run(program,
          R"([["MinHeap","push","push","pop","empty","pop","empty"],[[],[5],[3],[],[],[],[]]]
[["MinHeap","pop","average"],[[[4,1,7,2]],[],[]]]
[["MinHeap","top"],[[],[]]]
[["MinHeap","pop"],[[1,2],[]]]
[["MinHeap","push"],[[],["x"]]]
)");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(run.results.size(), 5u);
  EXPECT_EQ(run.results[0].value("output", json()), json::parse("[null,null,null,3,false,5,true]"));
  EXPECT_EQ(run.results[1].value("output", json())[1], 1);
  EXPECT_EQ(run.results[1].value("output", json())[2].get<double>(),
            13.0 / 3);  // round-trips exactly
  EXPECT_EQ(run.results[2].value("status", json()), "input_error");
  EXPECT_EQ(run.results[2].value("message", json()),
            "operation 1 (\"top\"): not a method of MinHeap");
  EXPECT_EQ(run.results[3].value("message", json()),
            "operation 0 (\"MinHeap\"): no constructor takes 2 arguments");
  EXPECT_EQ(run.results[4].value("message", json()),
            "operation 1 (\"push\"): column 26: expected an integer (int), found '\"'");
}

TEST_F(CppHarnessTest, ValueTypesRoundTrip) {
  const std::string program = Build(Function("mix",
                                             {{"words", "string[]"},
                                              {"x", "double"},
                                              {"flag", "bool"},
                                              {"big", "long"},
                                              {"grid", "int[][]"}},
                                             "string[]"),
                                    R"(class Solution {
public:
    vector<string> mix(vector<string>& words, double x, bool flag, long long big,
                       vector<vector<int>>& grid) {
        vector<string> out = words;
        out.push_back(to_string(x * 2) + (flag ? "T" : "F"));
        out.push_back(to_string(big + 1));
        out.push_back(to_string(grid.size()) + "x" + to_string(grid[0].size()));
        out.push_back(string("\x01\xff", 2));
        return out;
    }
};)",
                                    "mix");
  ASSERT_NE(program, "");
  const Outcome run = Run(
      program,
      R"([["a\"b","\u00e9\ud83d\ude00","tab\there"], 0.25, true, 9007199254740993, [[1,2,3],[4,5,6]]])");
  ASSERT_EQ(run.results.size(), 1u) << run.err;
  ASSERT_EQ(run.results[0].value("status", json()), "ok") << run.results[0];
  EXPECT_EQ(run.results[0].value("output", json()),
            json({"a\"b", "\xc3\xa9\xf0\x9f\x98\x80", "tab\there", "0.500000T", "9007199254740994",
                  "2x3", "\x01\xef\xbf\xbd"}));
}

// One solution misbehaving in every way the protocol names, chosen by the argument.
constexpr char kMisbehaving[] = R"(char* sink;
class Solution {
public:
    int run(int mode) {
        if (mode == 1) { cout << "to cout\n"; printf("to printf %d\n", 42); cerr << "to cerr\n"; }
        if (mode == 2) { vector<int> v(3); return v.at(5); }
        if (mode == 3) { sink = new char[4ULL << 30]; sink[0] = 1; return sink[0]; }
        if (mode == 4) { volatile unsigned long x = 0; for (;;) x = x + 1; }
        if (mode == 5) { this_thread::sleep_for(chrono::hours(1)); }
        if (mode == 6) throw 42;
        if (mode == 7) { vector<char> v(50 << 20, 1); return accumulate(v.begin(), v.end(), 0); }
        if (mode == 8) throw "custom message";
        return mode;
    }
};
)";

class CppMisbehavingTest : public CppHarnessTest {
 protected:
  void SetUp() override {
    CppHarnessTest::SetUp();
    program_ = Build(Function("run", {{"mode", "int"}}, "int"), kMisbehaving, "misbehaving");
    ASSERT_NE(program_, "");
  }
  std::string program_;
};

TEST_F(CppMisbehavingTest, DebugOutputStaysOffTheResults) {
  const Outcome run = Run(program_, "[0]\n[1]\n[0]\n[1]\n");
  ASSERT_EQ(run.results.size(), 4u) << run.err;
  EXPECT_EQ(run.out, "to cout\nto printf 42\nto cout\nto printf 42\n");
  EXPECT_EQ(run.err, "to cerr\nto cerr\n");
  EXPECT_EQ(run.results[0]["stdout_bytes"], 0);
  EXPECT_EQ(run.results[1]["stdout_bytes"], 21);
  EXPECT_EQ(run.results[2]["stdout_bytes"], 21);
  EXPECT_EQ(run.results[3]["stdout_bytes"], 42);
  EXPECT_EQ(run.results[1].value("output", json()), 1);
}

TEST_F(CppMisbehavingTest, ExceptionsAreNamed) {
  const Outcome run = Run(program_, "[2]\n[6]\n[8]\n[0]\n");
  ASSERT_EQ(run.results.size(), 4u) << run.err;
  EXPECT_EQ(run.results[0].value("status", json()), "exception");
  EXPECT_TRUE(run.results[0]
                  .value("message", json())
                  .get<std::string>()
                  .starts_with("std::out_of_range: vector::_M_range_check"))
      << run.results[0];
  EXPECT_FALSE(run.results[0].contains("output"));
  EXPECT_EQ(run.results[1].value("message", json()), "unknown exception");
  EXPECT_EQ(run.results[2].value("message", json()), "const char*: custom message");
  EXPECT_EQ(run.results[3].value("status", json()), "ok");  // the run goes on
}

TEST_F(CppMisbehavingTest, MemoryIsMeasuredAndLimited) {
  const Outcome run = Run(program_, "[0]\n[7]\n[3]\n[7]\n", 1000, 64 * 1024);
  ASSERT_EQ(run.results.size(), 4u) << run.err;
  EXPECT_LT(run.results[0]["memory_kb"].get<long long>(), 2048);
  EXPECT_GE(run.results[1]["memory_kb"].get<long long>(), 50 * 1024 - 512);
  EXPECT_LT(run.results[1]["memory_kb"].get<long long>(), 64 * 1024);
  EXPECT_EQ(run.results[2].value("status", json()), "memory");
  EXPECT_EQ(run.results[2].value("message", json()), "std::bad_alloc: std::bad_alloc");
  // The limit is lifted after the call and the freed memory does not hide the next one's.
  EXPECT_EQ(run.results[3].value("status", json()), "ok");
  EXPECT_GE(run.results[3]["memory_kb"].get<long long>(), 50 * 1024 - 512);
}

TEST_F(CppMisbehavingTest, EndlessLoopDiesOfSigprofOnTheCaseInProgress) {
  const Outcome run = Run(program_, "[0]\n[4]\n[0]\n", 200);
  EXPECT_EQ(run.signal, SIGPROF);
  ASSERT_EQ(run.results.size(), 1u);  // the second case is the one in progress
  EXPECT_EQ(run.results[0].value("output", json()), 0);
}

TEST_F(CppMisbehavingTest, SleepDiesOfSigalrm) {
  const auto start = std::chrono::steady_clock::now();
  const Outcome run = Run(program_, "[0]\n[5]\n", 100);
  EXPECT_EQ(run.signal, SIGALRM);
  EXPECT_EQ(run.results.size(), 1u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST_F(CppHarnessTest, OtherClassesAndMainAreIgnored) {
  const std::string program = Build(Function("maximumGap", {{"nums", "int[]"}}, "int"),
                                    R"(#include <bits/stdc++.h>
using namespace std;
class Solution2 {
public:
    int maximumGap(vector<int>& nums) { return -1; }
};
class Solution {
public:
    int maximumGap(vector<int>& nums) { return nums.size(); }
};
int main() {
    vector<int> v = {1, 2};
    cout << Solution().maximumGap(v) << endl;
    return 1;
})",
                                    "two-classes");
  ASSERT_NE(program, "");
  const Outcome run = Run(program, "[[5,6,7]]\n");
  EXPECT_EQ(run.exit_code, 0);
  ASSERT_EQ(run.results.size(), 1u);
  EXPECT_EQ(run.results[0].value("output", json()), 3);
  EXPECT_EQ(run.out, "");
}

TEST_F(CppHarnessTest, CompileErrorsNameTheSolutionsFileAndLine) {
  std::string errors;
  EXPECT_EQ(
      Build(
          Function("maximumGap", {{"nums", "int[]"}}, "int"),
          "class Solution {\npublic:\n    int maximumGap(vector<int>& nums) { return oops; }\n};\n",
          "broken", &errors),
      "");
  EXPECT_NE(errors.find("broken.cpp:3:"), std::string::npos) << errors;
  // A method the signature names but the class lacks shows up in the generated main.
  EXPECT_EQ(Build(Function("maximumGap", {{"nums", "int[]"}}, "int"),
                  "class Solution {\npublic:\n    int gap(vector<int>& nums) { return 0; }\n};",
                  "misnamed", &errors),
            "");
  EXPECT_NE(errors.find(std::string(kCppHarnessName) + ":"), std::string::npos) << errors;
  EXPECT_NE(errors.find("maximumGap"), std::string::npos) << errors;
}

TEST(CppHarnessText, Layout) {
  const std::string text = GenerateCppHarness(Function("f", {{"s", "string"}}, "long[]"),
                                              "\xEF\xBB\xBFint x;", "my \"file\".cpp");
  EXPECT_TRUE(text.starts_with("#include \"judge_prelude.h\"\n")) << text;
  EXPECT_NE(text.find("#line 1 \"my \\\"file\\\".cpp\"\nint x;\n"), std::string::npos) << text;
  EXPECT_NE(text.find("problem.Method<std::vector<long long>, std::string>(\"f\""),
            std::string::npos)
      << text;
  // The #line after the solution names the line that follows it in the file.
  const size_t directive = text.find("#line ", text.find("int x;"));
  ASSERT_NE(directive, std::string::npos);
  const long lines_before = std::count(text.begin(), text.begin() + directive, '\n');
  EXPECT_EQ(text.substr(directive, text.find('\n', directive) - directive),
            "#line " + std::to_string(lines_before + 2) + " \"judge-harness.cpp\"");
}

TEST(CppHarnessText, PreludeHoldsTheRuntime) {
  const std::string prelude = CppPrelude();
  EXPECT_NE(prelude.find("#include <bits/stdc++.h>\nusing namespace std;\n"), std::string::npos);
  EXPECT_NE(prelude.find("namespace judge_harness"), std::string::npos);
  EXPECT_EQ(EmbeddedFile("harness_runtime.h").find(")JUDGE_EMBED\""), std::string::npos);
  // Every part is in the text the judge embeds, in place of its #include.
  EXPECT_EQ(prelude.find("#include \"judge/"), std::string::npos);
  for (const char* part : {"struct Cursor", "class Meter", "void WriteResult(const Result& r) {",
                           "class Operation", "Options ParseOptions(int argc", "class CaseLoop"})
    EXPECT_NE(prelude.find(part), std::string::npos) << part;
}

TEST(CppHarnessText, CppTypes) {
  EXPECT_EQ(CppType("long"), "long long");
  EXPECT_EQ(CppType("string[][]"), "std::vector<std::vector<std::string>>");
  EXPECT_EQ(CppType("bool[]", /*qualified=*/false), "vector<bool>");
}

// ---------------------------------------------------------------------------------------------
// The runtime's reader and writer, used directly.

template <class T>
T ReadAll(std::string_view text) {
  judge_harness::Cursor c{text.data(), text.data(), text.data() + text.size()};
  T value = judge_harness::Read<T>(c);
  judge_harness::SkipSpace(c);
  if (c.p != c.end) throw judge_harness::InputError("trailing text");
  return value;
}

template <class T>
std::string WriteAll(const T& value) {
  std::string out;
  judge_harness::Write(out, value);
  return out;
}

TEST(HarnessRuntime, ReadsIntegersWithRangeChecks) {
  EXPECT_EQ(ReadAll<std::vector<int>>(" [1, -2 ,3 ] "), (std::vector<int>{1, -2, 3}));
  EXPECT_EQ(ReadAll<int>("-2147483648"), INT_MIN);
  EXPECT_EQ(ReadAll<long long>("-9223372036854775808"), LLONG_MIN);
  EXPECT_EQ(ReadAll<long long>("9223372036854775807"), LLONG_MAX);
  EXPECT_THROW(ReadAll<int>("2147483648"), judge_harness::InputError);
  EXPECT_THROW(ReadAll<long long>("9223372036854775808"), judge_harness::InputError);
  EXPECT_THROW(ReadAll<long long>("99999999999999999999999"), judge_harness::InputError);
  EXPECT_THROW(ReadAll<int>("1.5"), judge_harness::InputError);
  EXPECT_THROW(ReadAll<int>("1e3"), judge_harness::InputError);
  EXPECT_THROW(ReadAll<std::vector<int>>("[1,]"), judge_harness::InputError);
  EXPECT_THROW(ReadAll<std::vector<int>>("[1 2]"), judge_harness::InputError);
  try {
    ReadAll<std::vector<int>>("[1, x]");
    FAIL();
  } catch (const judge_harness::InputError& e) {
    EXPECT_STREQ(e.what(), "column 5: expected an integer (int), found 'x'");
  }
}

TEST(HarnessRuntime, ReadsOtherTypes) {
  EXPECT_EQ(ReadAll<double>("-1.5e3"), -1500.0);
  EXPECT_EQ(ReadAll<double>("7"), 7.0);
  EXPECT_EQ(ReadAll<std::vector<bool>>("[true,false]"), (std::vector<bool>{true, false}));
  EXPECT_EQ(ReadAll<std::string>(R"("a\n\"\\\/\u0041\u00e9\ud83d\ude00")"),
            "a\n\"\\/A\xc3\xa9\xf0\x9f\x98\x80");
  EXPECT_EQ(ReadAll<std::string>(R"("\ud800x")"), "\xef\xbf\xbdx");  // lone surrogate
  EXPECT_EQ(ReadAll<std::vector<std::vector<std::string>>>(R"([["a"],[]])"),
            (std::vector<std::vector<std::string>>{{"a"}, {}}));
  EXPECT_THROW(ReadAll<std::string>("\"open"), judge_harness::InputError);
  EXPECT_THROW(ReadAll<bool>("1"), judge_harness::InputError);
}

TEST(HarnessRuntime, WritesJson) {
  EXPECT_EQ(WriteAll(0.1), "0.1");
  EXPECT_EQ(WriteAll(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(WriteAll(std::nan("")), "\"NaN\"");
  EXPECT_EQ(WriteAll(-HUGE_VAL), "\"-Infinity\"");
  EXPECT_EQ(WriteAll(LLONG_MIN), "-9223372036854775808");
  EXPECT_EQ(WriteAll(std::vector<bool>{true, false}), "[true,false]");
  EXPECT_EQ(WriteAll(std::vector<std::vector<int>>{{1}, {}}), "[[1],[]]");
  EXPECT_EQ(WriteAll(std::string("q\"\\\n\x01\xc3\xa9\xc3")), R"("q\"\\\n\u0001é\ufffd")");
  std::string out;
  judge_harness::WriteAs<bool>(out, 5);  // an int returned for a bool, as LeetCode converts it
  EXPECT_EQ(out, "true");
}

TEST(HarnessRuntime, ReadsAMillionIntegersFast) {
  std::string text = "[";
  for (int i = 0; i < 1'000'000; ++i) text += std::to_string(i * 2654435761u % 1000000007) + ",";
  text.back() = ']';
  const long long start = judge_harness::CpuTimeNs();
  const auto values = ReadAll<std::vector<int>>(text);
  const long long elapsed = judge_harness::CpuTimeNs() - start;
  EXPECT_EQ(values.size(), 1'000'000u);
  EXPECT_LT(elapsed, 100'000'000) << "ns";
}

}  // namespace
}  // namespace judge
