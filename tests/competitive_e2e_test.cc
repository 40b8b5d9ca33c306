// Competitive style (stdin -> stdout) end to end: a small problem in a private workspace, and a
// real C++ and Python program for every verdict, judged through the CLI.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "judge/files/files.h"
#include "tests/cli_runner.h"

namespace judge {
namespace {

struct Program {
  const char* name;
  const char* source;
  const char* verdict;
};

const Program kPrograms[] = {
    {"sum.cpp",
     "#include <bits/stdc++.h>\nint main(){long long "
     "a,b;std::cin>>a>>b;std::cout<<a+b<<\"\\n\";}\n",
     "AC"},
    {"sum.py", "a, b = map(int, input().split())\nprint(a + b)\n", "AC"},
    {"sum_spaced.py", "a, b = map(int, input().split())\nprint('  ', a + b, '\\n\\n')\n", "AC"},
    {"difference.cpp",
     "#include <bits/stdc++.h>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a-b;}\n", "WA"},
    {"spin.cpp", "int main(){volatile unsigned long x=0;for(;;)x++;}\n", "TLE"},
    {"sleep.py", "import time\ntime.sleep(100)\n", "TLE"},
    {"exit_code.cpp", "int main(){return 3;}\n", "RE"},
    {"raises.py", "raise ValueError('bad input')\n", "RE"},
    {"huge_vector.cpp",
     "#include <bits/stdc++.h>\nint main(){std::vector<char> v(1ULL<<31, 1);std::cout<<v[5];}\n",
     "MLE"},
    {"huge_list.py", "x = bytearray(1 << 31)\nprint(len(x))\n", "MLE"},
    {"floods.cpp", "#include <cstdio>\nint main(){for(;;)std::puts(\"spam spam spam spam\");}\n",
     "OLE"},
    {"floods.py", "while True:\n    print('spam spam spam spam')\n", "OLE"},
    {"typo.cpp", "int main(){ return 0 }\n", "CE"},
    {"typo.py", "def f(:\n    pass\n", "CE"},
};

class CompetitiveTest : public ::testing::TestWithParam<Program> {
 protected:
  static void SetUpTestSuite() {
    root_ = new TempDir();
    const auto problem = root_->path() / "problems" / "sum";
    std::filesystem::create_directories(problem);
    std::filesystem::create_directories(root_->path() / "testcases" / "sum");
    std::ofstream(problem / "problem.json") << R"({"title": "Sum", "difficulty": "easy",
      "style": "competitive", "limits": {"time_ms": 1000, "memory_mb": 64, "output_kb": 1024},
      "checker": {"name": "tokens"}})";
    std::ofstream(problem / "statement.md") << "Print a + b.\n";
    std::ofstream(root_->path() / "testcases" / "sum" / "01.json")
        << R"({"group": "samples", "cases": [
      {"name": "small", "input": "1 2\n", "expected": "3\n"},
      {"name": "large", "input": "1000000000000 7\n", "expected": "1000000000007\n"}]})";
  }
  static void TearDownTestSuite() { delete root_; }
  static TempDir* root_;
};

TempDir* CompetitiveTest::root_ = nullptr;

TEST_P(CompetitiveTest, EarnsItsVerdict) {
  const Program& p = GetParam();
  const auto file = root_->path() / p.name;
  std::ofstream(file) << p.source;
  const auto r = testing::RunJudgeCli("--root " + testing::Quoted(root_->path()) + " run sum " +
                                      testing::Quoted(file) + " --json");
  nlohmann::json report;
  ASSERT_NO_THROW(report = nlohmann::json::parse(r.out)) << r.out;
  EXPECT_EQ(report.at("verdict"), p.verdict) << p.name << ": " << report.value("reason", "");
  EXPECT_EQ(r.exit_code, std::string(p.verdict) == "AC" ? 0 : 1);
}

std::string ProgramName(const ::testing::TestParamInfo<Program>& info) {
  std::string name = info.param.name;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Programs, CompetitiveTest, ::testing::ValuesIn(kPrograms), ProgramName);

}  // namespace
}  // namespace judge
