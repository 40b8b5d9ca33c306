#include "judge/lang/build_cache.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

TEST(FirstErrorLineTest, PicksTheCompilersErrorOverWarningsAndFileNames) {
  const struct {
    const char* log;
    const char* first_error;
  } cases[] = {
      {"a.cpp: In function 'int f()':\na.cpp:3:5: error: 'x' was not declared\n",
       "a.cpp:3:5: error: 'x' was not declared"},
      // nvcc: a warning about a file named *error* comes before the error itself.
      {"syntax_error.cu(31): warning #174-D: expression has no effect\nsyntax_error.cu(11): error: "
       "expected a \";\"\n",
       "syntax_error.cu(11): error: expected a \";\""},
      {"  File \"s.py\", line 1\n    def f(\nSyntaxError: '(' was never closed\n",
       "SyntaxError: '(' was never closed"},
      // A failed link: the line that names the symbol, not collect2's summary.
      {"/usr/bin/ld: /tmp/x.o: in function `main':\n(.text+0x0): multiple definition of `main'; "
       "runner_main.o:(.text+0x0): first defined here\ncollect2: error: ld returned 1 exit "
       "status\n",
       "error: multiple definition of `main'; runner_main.o:(.text+0x0): first defined here"},
      {"/usr/bin/ld: a.o: in function `f()':\na.cpp:(.text+0x5): undefined reference to `g()'\n"
       "collect2: error: ld returned 1 exit status\n",
       "error: undefined reference to `g()'"},
      {"\nsomething went wrong\n", "something went wrong"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(FirstErrorLine(c.log), c.first_error) << c.log;
}

}  // namespace
}  // namespace judge
