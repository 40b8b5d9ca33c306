// problem.json's "interactor" and "interactor_args" (problems/FORMAT.md, Interactive problems).
#include <gtest/gtest.h>

#include <fstream>

#include "judge/files/files.h"
#include "judge/problem/problem.h"

namespace judge {
namespace {

class InteractorFieldTest : public ::testing::Test {
 protected:
  // A competitive problem folder holding interactor.cpp, with `extra` fields in problem.json.
  std::filesystem::path Write(const std::string& extra, const std::string& style = "competitive") {
    const auto dir = temp_.path() / "guess";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "interactor.cpp") << "int main() { return 42; }\n";
    std::ofstream(dir / "problem.json")
        << R"({"title": "Guess", "difficulty": "easy", "style": ")" + style + "\"" + extra + "}";
    return dir;
  }
  // The error LoadProblem gives, without the file name in front.
  std::string ErrorOf(const std::string& extra, const std::string& style = "competitive") {
    Problem p;
    std::string err;
    const auto dir = Write(extra, style);
    if (LoadProblem(dir, &p, &err)) return "loaded";
    const std::string prefix = (dir / "problem.json").string() + ": ";
    return err.rfind(prefix, 0) == 0 ? err.substr(prefix.size()) : "unprefixed: " + err;
  }
  TempDir temp_;
};

TEST_F(InteractorFieldTest, LoadsTheInteractorAndItsArguments) {
  Problem p;
  std::string err;
  ASSERT_TRUE(LoadProblem(
      Write(R"(, "interactor": "interactor.cpp", "interactor_args": ["--strict"])"), &p, &err))
      << err;
  EXPECT_TRUE(IsInteractive(p));
  EXPECT_EQ(p.interactor, "interactor.cpp");
  EXPECT_EQ(p.interactor_args, std::vector<std::string>{"--strict"});
}

TEST_F(InteractorFieldTest, AProblemWithoutOneIsNotInteractive) {
  Problem p;
  std::string err;
  ASSERT_TRUE(LoadProblem(Write(""), &p, &err)) << err;
  EXPECT_FALSE(IsInteractive(p));
  EXPECT_TRUE(p.interactor_args.empty());
}

TEST_F(InteractorFieldTest, ErrorsNameTheField) {
  EXPECT_EQ(ErrorOf(R"(, "interactor": 3)"), "interactor: expected a string");
  EXPECT_EQ(ErrorOf(R"(, "interactor": "")"),
            "interactor: expected a file name relative to the problem folder (got \"\")");
  EXPECT_EQ(ErrorOf(R"(, "interactor": "/etc/passwd")"),
            "interactor: expected a path inside the problem folder (got \"/etc/passwd\")");
  EXPECT_EQ(ErrorOf(R"(, "interactor": "../x.cpp")"),
            "interactor: expected a path inside the problem folder (got \"../x.cpp\")");
  const std::string missing = ErrorOf(R"(, "interactor": "missing.cpp")");
  EXPECT_EQ(missing.rfind("interactor: expected an existing file (no /", 0), 0u) << missing;
  EXPECT_NE(missing.find("/guess/missing.cpp)"), std::string::npos) << missing;
  EXPECT_EQ(ErrorOf(R"(, "interactor_args": ["x"])"),
            "interactor_args: expected nothing without an \"interactor\"");
  EXPECT_EQ(ErrorOf(R"(, "interactor": "interactor.cpp", "interactor_args": "x")"),
            "interactor_args: expected an array of strings");
  EXPECT_EQ(ErrorOf(R"(, "interactor": "interactor.cpp", "checker": {"name": "tokens"})"),
            "checker: expected nothing: the interactor decides an interactive problem's tests");
  EXPECT_EQ(ErrorOf(R"(, "interactor": "interactor.cpp")", "gpu"),
            "interactor: expected nothing: only competitive problems are interactive");
}

}  // namespace
}  // namespace judge
