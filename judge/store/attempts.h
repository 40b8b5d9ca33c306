// A user's attempts at one problem over every run, timed or not: whether it is solved, how many
// runs it took and how they ended. What the report's problem table shows (and `judge verify`'s
// hundreds of untimed runs count in), where the leaderboard holds only accepted, timed runs.
#pragma once

#include <map>
#include <string>

namespace judge {

struct ProblemAttempts {
  std::string problem;
  int runs = 0;
  int accepted = 0;
  std::map<std::string, int> verdicts;  // {"AC": 3, "WA": 5}
  std::string last_verdict;             // of the newest run
  std::string last_run_at;              // UTC, ISO 8601

  bool solved() const { return accepted > 0; }
  // "solved", "attempted", or "not tried" (no runs).
  const char* status() const;
};

}  // namespace judge
