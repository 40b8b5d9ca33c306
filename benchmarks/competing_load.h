// A CPU-bound process that competes with the judge for the machine while a benchmark runs, as an
// editor, a browser or a build do on a person's machine: one core's worth of work that also
// streams through more memory than the caches hold, as a compile does.
#pragma once

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <vector>

namespace judge::bench {

class CompetingLoad {
 public:
  explicit CompetingLoad(bool on) {
    if (!on) return;
    pid_ = fork();
    if (pid_ != 0) return;
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    std::vector<uint64_t> memory(size_t(64) << 17);  // 64 MiB
    uint64_t x = 88172645463325252ULL;
    for (;;) {  // xorshift: reads and writes land all over the buffer
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      memory[x % memory.size()] += x;
    }
  }
  CompetingLoad(const CompetingLoad&) = delete;
  CompetingLoad& operator=(const CompetingLoad&) = delete;
  ~CompetingLoad() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }

 private:
  pid_t pid_ = -1;
};

}  // namespace judge::bench
