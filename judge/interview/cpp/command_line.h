// The harness process: its command line (judge/interview/PROTOCOL.md), the cases file, and the
// process state every run needs.
//
// Part of the C++ harness runtime: harness_runtime.h includes the parts in order, and the judge
// embeds them as one text (judge/interview/embed.cmake). What follows JUDGE_HARNESS_DEFINITIONS
// is compiled once with the runtime, not with every solution (harness_runtime.h).

namespace judge_harness {

struct Options {
  const char* cases_file = nullptr;
  long long time_limit_ms = 0;
  long long wall_limit_ms = 0;
  long long memory_limit_kb = 0;
};

// The command line of judge/interview/PROTOCOL.md; a wrong one exits 2 with a usage line.
Options ParseOptions(int argc, char** argv);
// The process state every run needs, whatever the parent left behind.
void PrepareProcess();
std::string ReadWholeFile(const char* path);
void ExpectEndOfLine(Cursor& c);

#ifdef JUDGE_HARNESS_DEFINITIONS

long long ParseLimit(const char* text, const char* what) {
  char* end = nullptr;
  errno = 0;
  const long long value = std::strtoll(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || value < 0) {
    std::fprintf(stderr, "judge harness: %s must be a non-negative integer, got '%s'\n", what,
                 text);
    std::exit(2);
  }
  return value;
}

std::string ReadWholeFile(const char* path) {
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    std::fprintf(stderr, "judge harness: cannot open %s: %s\n", path, std::strerror(errno));
    std::exit(2);
  }
  std::string data;
  char buffer[1 << 16];
  ssize_t got;
  while ((got = read(fd, buffer, sizeof buffer)) != 0) {
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      std::fprintf(stderr, "judge harness: cannot read %s: %s\n", path, std::strerror(errno));
      std::exit(2);
    }
    data.append(buffer, got);
  }
  close(fd);
  return data;
}

void PrepareProcess() {
#if defined(__SANITIZE_ADDRESS__)
  InstallHeapHooks();
#endif
  // Timers kill through the default actions; a parent may have left them ignored or blocked.
  signal(SIGPROF, SIG_DFL);
  signal(SIGALRM, SIG_DFL);
  sigset_t timers;
  sigemptyset(&timers);
  sigaddset(&timers, SIGPROF);
  sigaddset(&timers, SIGALRM);
  sigprocmask(SIG_UNBLOCK, &timers, nullptr);
  // LeetCode solutions recurse deeply (a DFS over 10^5 nodes). The main thread's stack may grow
  // up to the soft limit read at fault time, so raising it now takes effect (to roughly the
  // 128 MiB the kernel leaves below the first mapping).
  rlimit stack;
  if (getrlimit(RLIMIT_STACK, &stack) == 0 && stack.rlim_cur != RLIM_INFINITY) {
    const rlim_t wanted = rlim_t(1) << 30;
    stack.rlim_cur =
        stack.rlim_max == RLIM_INFINITY || stack.rlim_max > wanted ? wanted : stack.rlim_max;
    setrlimit(RLIMIT_STACK, &stack);
  }
  if (fcntl(3, F_GETFD) < 0) {
    std::fprintf(stderr, "judge harness: results go to fd 3, which is not open\n");
    std::exit(2);
  }
}

Options ParseOptions(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr,
                 "usage: %s CASES_FILE TIME_LIMIT_MS WALL_LIMIT_MS MEMORY_LIMIT_KB 3>RESULTS\n"
                 "(see judge/interview/PROTOCOL.md)\n",
                 argc > 0 ? argv[0] : "harness");
    std::exit(2);
  }
  Options options;
  options.cases_file = argv[1];
  options.time_limit_ms = ParseLimit(argv[2], "TIME_LIMIT_MS");
  options.wall_limit_ms = ParseLimit(argv[3], "WALL_LIMIT_MS");
  options.memory_limit_kb = ParseLimit(argv[4], "MEMORY_LIMIT_KB");
  return options;
}

void ExpectEndOfLine(Cursor& c) {
  SkipSpace(c);
  if (c.p != c.end) Fail(c, "the end of the case");
}

#endif  // JUDGE_HARNESS_DEFINITIONS

}  // namespace judge_harness
