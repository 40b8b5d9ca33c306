// Runs given open descriptors as stdin and stdout (ProcessSpec::stdin_fd, stdout_fd): two of
// them at once on one LocalSandbox, chained by pipes as an interactive test chains a submission
// and its interactor. Isolated and plain (JUDGE_SANDBOX_OFF is read once per process, so the
// plain path is a LocalSandbox(false)).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "judge/files/files.h"
#include "judge/sandbox/local_sandbox.h"

namespace judge {
namespace {

// A pipe with both ends above fd 9, close-on-exec, as the interactive runner makes them.
void HighPipe(int fds[2]) {
  int raw[2];
  ASSERT_EQ(pipe2(raw, O_CLOEXEC), 0);
  for (int i = 0; i < 2; ++i) {
    fds[i] = fcntl(raw[i], F_DUPFD_CLOEXEC, 10);
    close(raw[i]);
  }
}

// `cat` from `in` to `out`, closing both once the run is over, as the interactive runner does.
void Cat(Sandbox& sandbox, const std::filesystem::path& dir, int in, int out, ProcessResult* r) {
  ProcessSpec spec;
  spec.argv = {"/bin/cat"};
  spec.workdir = dir;
  spec.stdin_fd = in;
  spec.stdout_fd = out;
  spec.env = JudgedEnvironment();
  spec.limits.wall_seconds = 60;  // a bound, not a measure: EOF should end it long before
  spec.isolation.syscalls = SyscallSet::kTool;
  *r = sandbox.Run(spec);
  close(in);
  close(out);
}

class DescriptorRunTest : public ::testing::TestWithParam<bool> {};

TEST_P(DescriptorRunTest, TwoRunsAtOnceChainedByPipes) {
  LocalSandbox sandbox(/*isolate=*/GetParam());
  const TempDir dir;
  ASSERT_TRUE(dir.ok());
  int first[2], middle[2], last[2];
  HighPipe(first);
  HighPipe(middle);
  HighPipe(last);
  ProcessResult a, b;
  std::thread one([&] { Cat(sandbox, dir.path(), first[0], middle[1], &a); });
  std::thread two([&] { Cat(sandbox, dir.path(), middle[0], last[1], &b); });
  const std::string text = "? 500\n! 7\n";
  ASSERT_EQ(write(first[1], text.data(), text.size()), ssize_t(text.size()));
  close(first[1]);  // EOF for the first cat, whose end is then EOF for the second
  std::string got;
  char buffer[64];
  for (ssize_t n; (n = read(last[0], buffer, sizeof buffer)) > 0;) got.append(buffer, size_t(n));
  close(last[0]);
  one.join();
  two.join();
  EXPECT_EQ(got, text);
  for (const ProcessResult* r : {&a, &b}) {
    EXPECT_TRUE(r->started) << r->start_error;
    EXPECT_EQ(r->exit_code, 0);
    EXPECT_FALSE(r->wall_timeout);
  }
}

INSTANTIATE_TEST_SUITE_P(IsolatedAndPlain, DescriptorRunTest, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "Isolated" : "Plain"; });

}  // namespace
}  // namespace judge
