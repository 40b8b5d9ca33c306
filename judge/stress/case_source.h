// Where `judge stress` gets its cases: fresh small cases to judge, and after a failure, smaller
// ones to try in place of the failing one. Two sources implement it: the problem's own
// generators scaled down (template_case_source.h) and a person's generator program
// (user_generator_source.h). Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "judge/testset/test_case.h"

namespace judge {

// How big a case is, compared field by field: its size param first, then the width of its
// values, then its input's length. A source that knows neither (a person's generator) leaves
// the first two at 0, so its cases compare by length alone.
struct CaseSize {
  int64_t elements = 0;
  int64_t values = 0;
  size_t text = 0;

  bool operator<(const CaseSize& other) const {
    return std::tie(elements, values, text) < std::tie(other.elements, other.values, other.text);
  }
};

struct SmallCase {
  TestCase test;       // the input; `expected` is the brute force's answer once judged
  std::string origin;  // how to make it again: "knapsack_items {...} seed 17", "gen.py 17"
  CaseSize size;
  uint64_t seed = 0;
  // The source's own record of how it made the case, for Smaller().
  size_t template_index = 0;
  int64_t scaled_size = 0;
  int64_t scaled_width = 0;
};

class CaseSource {
 public:
  virtual ~CaseSource() = default;
  // `count` fresh cases, each from a seed not used before.
  virtual bool Fresh(size_t count, std::vector<SmallCase>* out, std::string* err) = 0;
  // The next batch of cases to try in place of `failing`, most ambitious first: the caller
  // judges it, keeps its smallest failing case if that is smaller than `failing`, and asks again
  // with whichever it kept. An empty batch: nothing is left to try.
  virtual bool Smaller(const SmallCase& failing, std::vector<SmallCase>* batch,
                       std::string* err) = 0;
  // How Smaller works, for the report: "fewer elements, then smaller values".
  virtual std::string ShrinkMethod() const = 0;
};

// The size of an input as text: a competitive input's own length, an interview input's JSON.
size_t InputTextLength(const nlohmann::json& input);

}  // namespace judge
