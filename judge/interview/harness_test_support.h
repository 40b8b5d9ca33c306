// Shared by the harness tests: run a harness process with stdout, stderr and fd 3 sent to files,
// and read back what it wrote.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

extern char** environ;

namespace judge::harness_test {

namespace fs = std::filesystem;
using nlohmann::json;

inline std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const fs::path& path, std::string_view text) {
  std::ofstream(path, std::ios::binary) << text;
}

struct Outcome {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
  std::vector<json> results;  // the lines on fd 3
  std::string out, err;       // stdout, stderr
};

// Runs argv with stdout, stderr and fd 3 sent to files in `dir`.
inline Outcome RunProcess(const std::vector<std::string>& argv, const fs::path& dir) {
  const std::string out = dir / "stdout", err = dir / "stderr", results = dir / "results";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 3, results.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  Outcome outcome;
  pid_t pid;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    outcome.err = "cannot start " + argv[0];
    return outcome;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) outcome.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) outcome.signal = WTERMSIG(status);
  std::istringstream lines(ReadFile(results));
  for (std::string line; std::getline(lines, line);) outcome.results.push_back(json::parse(line));
  outcome.out = ReadFile(out);
  outcome.err = ReadFile(err);
  return outcome;
}

}  // namespace judge::harness_test
