// A problem as the Competitive Companion browser extension sends it: one JSON object per POST
// (https://github.com/jmerle/competitive-companion, "Custom tools"), one POST per problem of a
// contest, with `batch` saying how many come together. Only what the judge uses is kept, and a
// payload the judge cannot judge honestly (input from a file, an interactive problem with no
// interactor) is refused with the reason rather than made into a problem that judges wrongly.
#pragma once

#include <string>
#include <vector>

namespace judge {

struct CompanionTest {
  std::string input;
  std::string output;
};

struct CompanionTask {
  std::string name;   // "G. Castle Defense"
  std::string group;  // "Educational Codeforces Round 40 (Rated for Div. 2)"
  std::string url;
  int time_ms = 0;
  int memory_mb = 0;
  std::string test_type;  // "single", or "multiNumber" (the input starts with a test count)
  std::vector<CompanionTest> tests;
  std::string batch_id;  // empty when the payload has no batch
  int batch_size = 1;
};

// Parses and checks one payload. A malformed one: false, and *err names the field
// ("tests[2].output: expected a string").
bool ParseCompanionTask(const std::string& body, CompanionTask* out, std::string* err);

}  // namespace judge
