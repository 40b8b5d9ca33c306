// A problem's own program built from source: it runs as a stdin/stdout program, and a file that
// does not compile, or of no known language, is an error naming the file.
#include "judge/run/problem_program.h"

#include <gtest/gtest.h>

#include <fstream>

#include "judge/files/files.h"
#include "judge/sandbox/local_sandbox.h"
#include "judge/sandbox/program_paths.h"

namespace judge {
namespace {

namespace fs = std::filesystem;

class ProblemProgramTest : public ::testing::Test {
 protected:
  fs::path Write(const std::string& name, const std::string& text) {
    fs::path file = dir_.path() / name;
    std::ofstream(file) << text;
    return file;
  }
  // Runs the built program with `args` as competitive programs are run, its stdout in out.txt.
  ProcessResult Run(const Program& program, const std::vector<std::string>& args) {
    ProcessSpec spec;
    spec.argv = program.argv;
    spec.argv.insert(spec.argv.end(), args.begin(), args.end());
    spec.workdir = dir_.path();
    spec.stdout_path = dir_.path() / "out.txt";
    spec.limits.wall_seconds = 10;
    spec.isolation.read_only_paths = ArgumentDirectories(program.argv);
    spec.isolation.syscalls = program.syscalls;
    return sandbox_.Run(spec);
  }

  TempDir dir_;
  LocalSandbox sandbox_;
};

TEST_F(ProblemProgramTest, CppValidatorBuildsAndRunsWithItsArguments) {
  const fs::path source = Write("validate.cpp", R"(
#include <cstdio>
int main(int argc, char** argv) { std::printf("%d %s\n", argc, argv[argc - 1]); return 42; })");
  Program program;
  std::string err;
  ASSERT_TRUE(BuildProblemProgram(source, JUDGE_TEST_CACHE_DIR, sandbox_, &program, &err)) << err;
  const ProcessResult result = Run(program, {"in", "ans", "feedback"});
  ASSERT_TRUE(result.started) << result.start_error;
  EXPECT_EQ(result.exit_code, 42);
  std::string out;
  ASSERT_TRUE(ReadFile(dir_.path() / "out.txt", &out, &err)) << err;
  EXPECT_EQ(out, "4 feedback\n");
}

TEST_F(ProblemProgramTest, HeadersBesideTheSourceAreIncludedAndPartOfTheBuild) {
  Write("validate.h", "inline int Verdict() { return 42; }\n");
  const fs::path source =
      Write("check.cpp", "#include \"validate.h\"\nint main() { return Verdict(); }\n");
  Program first, second;
  std::string err;
  ASSERT_TRUE(BuildProblemProgram(source, JUDGE_TEST_CACHE_DIR, sandbox_, &first, &err)) << err;
  // A changed header is a new build, not the cached one.
  Write("validate.h", "inline int Verdict() { return 43; }\n");
  ASSERT_TRUE(BuildProblemProgram(source, JUDGE_TEST_CACHE_DIR, sandbox_, &second, &err)) << err;
  EXPECT_NE(first.argv, second.argv);
  const ProcessResult result = Run(second, {});
  ASSERT_TRUE(result.started) << result.start_error;
  EXPECT_EQ(result.exit_code, 43);
}

TEST_F(ProblemProgramTest, CompileErrorNamesTheFile) {
  const fs::path source = Write("broken.cpp", "int main() { return undeclared; }\n");
  Program program;
  std::string err;
  EXPECT_FALSE(BuildProblemProgram(source, JUDGE_TEST_CACHE_DIR, sandbox_, &program, &err));
  EXPECT_NE(err.find("broken.cpp: does not compile: "), std::string::npos) << err;
  EXPECT_NE(err.find("undeclared"), std::string::npos) << err;
}

TEST_F(ProblemProgramTest, UnknownLanguageIsAnError) {
  Program program;
  std::string err;
  EXPECT_FALSE(BuildProblemProgram(Write("validate.rb", "exit 42\n"), JUDGE_TEST_CACHE_DIR,
                                   sandbox_, &program, &err));
  EXPECT_NE(err.find("validate.rb: not a language the judge knows"), std::string::npos) << err;
}

}  // namespace
}  // namespace judge
