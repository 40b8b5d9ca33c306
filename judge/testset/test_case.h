// Test cases as the judge sees them after loading testcases/<slug>/*.json (see problems/FORMAT.md).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace judge {

// The group that measures speed: timed by `--bench`, skipped by brute forces, not sanitized.
inline constexpr char kPerformanceGroup[] = "performance";

// The samples a statement shows: "samples" (ours) or "sample" (an imported package's, from its
// data/sample). `judge serve`'s Run judges them; an exported package puts them in data/sample.
inline bool IsSampleGroup(const std::string& group) {
  return group == "samples" || group == "sample";
}

struct TestCase {
  std::string name;   // unique within the problem, "samples/example-1"
  std::string group;  // samples, edge, performance, ...
  // Interview style: an object of arguments by parameter name, or for design problems
  // {"operations": [...], "arguments": [[...], ...]}. Competitive style: the stdin text (string).
  nlohmann::json input;
  // Interview style: the returned value (a list of results for design problems).
  // Competitive style: the expected stdout text (string). Null until filled for generated cases.
  nlohmann::json expected;
  // Run under the sanitizers where the language has them (judge/SANDBOX.md): the group's
  // "sanitize", by default every group but "performance".
  bool sanitize = true;
  bool generated = false;  // expected comes from the reference solution
  // Keep input, expected and received even when it passes: a person's own input (`judge serve`'s
  // Run on your own input), whose answers are the point. Others keep them for failures only.
  bool show_values = false;
  std::string generator_key;  // generated only: identifies generator, params and seed for caching
};

}  // namespace judge
