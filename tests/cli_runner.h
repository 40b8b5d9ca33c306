// Runs the built `judge` binary as a person would, for end-to-end tests: captures stdout and the
// exit code. Tests share a cache folder inside the build tree, so they never touch the user's.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace judge::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;
};

// The environment every judge a test starts runs in: the build tree's cache and store, never the
// user's (a test may pass --store), and no colours.
inline void SetTestEnvironment() {
  setenv("JUDGE_CACHE_DIR", JUDGE_TEST_CACHE_DIR, 1);
  setenv("JUDGE_STORE", (std::string(JUDGE_TEST_CACHE_DIR) + "/store.db").c_str(), 1);
  setenv("NO_COLOR", "1", 1);
}

inline CliResult RunJudgeCli(const std::string& args) {
  SetTestEnvironment();
  CliResult result;
  const std::string command = std::string(JUDGE_BINARY) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// Quotes a path for the shell.
// A whole file's bytes; empty when it cannot be read (the test's own checks then fail).
inline std::string ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::string Quoted(const std::filesystem::path& path) {
  std::string out = "'";
  for (char c : path.string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A judge that runs until stopped (`judge listen`, `judge serve`), its stdout and stderr read
// line by line; killed when the object goes.
class JudgeProcess {
 public:
  explicit JudgeProcess(const std::vector<std::string>& args) {
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], 1);
      dup2(out[1], 2);
      close(out[0]);
      SetTestEnvironment();
      std::vector<char*> argv{const_cast<char*>(JUDGE_BINARY)};
      for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
      argv.push_back(nullptr);
      execv(JUDGE_BINARY, argv.data());
      _exit(127);
    }
    close(out[1]);
    stream_ = fdopen(out[0], "r");
  }
  ~JudgeProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (stream_) fclose(stream_);
  }
  JudgeProcess(const JudgeProcess&) = delete;
  JudgeProcess& operator=(const JudgeProcess&) = delete;

  // The next line it printed; empty at the end.
  std::string Line() {
    char buffer[4096];
    if (!stream_ || !fgets(buffer, sizeof buffer, stream_)) return "";
    return buffer;
  }
  // Sends SIGINT and returns the exit code and what it printed after.
  int Interrupt(std::string* rest) {
    kill(pid_, SIGINT);
    for (std::string line; !(line = Line()).empty();) *rest += line;
    int status = 0;
    waitpid(pid_, &status, 0);
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t pid_ = -1;
  FILE* stream_ = nullptr;
  bool exited_ = false;
};

}  // namespace judge::testing
