// Runs one program with limits and reports how it ended. The judge reaches processes only
// through this interface, so verdict logic can be tested with a fake that scripts outcomes.
//
// Every run is its own process group; when Run returns, no process of that group is left.
// A Sandbox may be used from one thread at a time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace judge {

struct ProcessLimits {
  double cpu_seconds = 0;         // RLIMIT_CPU-style; 0 = none
  double wall_seconds = 10;       // watchdog kills the whole group after this
  uint64_t address_space_bytes = 0;  // RLIMIT_AS; 0 = none
  uint64_t file_size_bytes = 0;   // RLIMIT_FSIZE (bounds stdout/stderr files too); 0 = none
  int open_files = 64;            // RLIMIT_NOFILE
  uint64_t stack_bytes = 0;       // RLIMIT_STACK; 0 = unlimited (LeetCode-like deep recursion)
};

struct ProcessSpec {
  std::vector<std::string> argv;          // argv[0] is looked up in PATH if it has no '/'
  std::filesystem::path workdir;          // chdir here before exec
  std::filesystem::path stdin_path;       // empty: /dev/null
  std::filesystem::path stdout_path;      // empty: /dev/null
  std::filesystem::path stderr_path;      // empty: /dev/null
  std::filesystem::path fd3_path;         // empty: fd 3 closed; else opened for writing as fd 3
  std::vector<std::string> env;           // the whole environment, "KEY=VALUE"
  ProcessLimits limits;
};

struct ProcessResult {
  bool started = false;
  std::string start_error;    // why it did not start (exec failed, fork failed)
  int exit_code = -1;         // when it exited normally
  int term_signal = 0;        // when a signal ended it
  bool wall_timeout = false;  // the watchdog killed it
  double cpu_seconds = 0;     // user + system, of the process and its waited-for children
  double wall_seconds = 0;
  long max_rss_kb = 0;
};

class Sandbox {
 public:
  virtual ~Sandbox() = default;
  virtual ProcessResult Run(const ProcessSpec& spec) = 0;
};

}  // namespace judge
