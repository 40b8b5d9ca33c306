// Runs the built `judge` binary as a person would, for end-to-end tests: captures stdout and the
// exit code. Tests share a cache folder inside the build tree, so they never touch the user's.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace judge::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;
};

inline CliResult RunJudgeCli(const std::string& args) {
  setenv("JUDGE_CACHE_DIR", JUDGE_TEST_CACHE_DIR, 1);
  // Runs are recorded in a store of the build tree, never the user's; a test may pass --store.
  setenv("JUDGE_STORE", (std::string(JUDGE_TEST_CACHE_DIR) + "/store.db").c_str(), 1);
  setenv("NO_COLOR", "1", 1);
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
inline std::string Quoted(const std::filesystem::path& path) {
  std::string out = "'";
  for (char c : path.string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace judge::testing
