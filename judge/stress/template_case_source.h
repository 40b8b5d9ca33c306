// Small cases made by the problem's own generators: each generated test outside the performance
// group is a template, and a case is that test's generator run again from a fresh seed with its
// params scaled down (generator_shapes.h says which params are sizes and which bound values).
// After a failure it shrinks by fewer elements first, then narrower values, each candidate
// drawn from several seeds. Not thread-safe.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "judge/problem/problem.h"
#include "judge/stress/case_source.h"
#include "judge/stress/generator_shapes.h"
#include "judge/testset/generators/generator.h"
#include "judge/testset/test_case.h"

namespace judge {

struct CaseTemplate {
  std::string test;       // "edge/random-n16"
  std::string generator;  // "knapsack_items"
  GeneratorFn generate = nullptr;
  const GeneratorShape* shape = nullptr;
  nlohmann::json params;  // as the test file gives them
  int64_t size = 0;       // its first size param
  int64_t width = 0;      // its widest value range (max - min), saturated at 2^62
};

// The templates among `tests`: generated, outside the performance group, by a generator with a
// shape. None is an error that says why.
bool FindCaseTemplates(const std::vector<TestCase>& tests, std::vector<CaseTemplate>* out,
                       std::string* err);

// The template's params with its first size set to `size` (the other sizes, and "fixed"
// positions, in proportion) and its value ranges narrowed so the widest is `width` wide (the
// others, and bounds, in proportion). 0 <= size <= template.size, 0 <= width <= template.width.
nlohmann::json ScaleParams(const CaseTemplate& source, int64_t size, int64_t width);

// Seeds for shrinking: each smaller size or width is tried on this many inputs before it is
// given up. An interview problem judges them all in one process each side, so it affords many;
// a competitive one pays two process starts per input.
inline int ShrinkSeeds(Style style) { return style == Style::kInterview ? 64 : 16; }

class TemplateCaseSource : public CaseSource {
 public:
  // Cases have at most `max_size` elements (the first size param); seeds count up from `seed`.
  TemplateCaseSource(const Problem& problem, std::vector<CaseTemplate> templates, int64_t max_size,
                     uint64_t seed);
  bool Fresh(size_t count, std::vector<SmallCase>* out, std::string* err) override;
  bool Smaller(const SmallCase& failing, std::vector<SmallCase>* batch, std::string* err) override;
  std::string ShrinkMethod() const override;

 private:
  // One case of template `index` at `size` and `width` from `seed`; false with *err only for a
  // judge error (a generated input the problem refuses); *made false when the generator refused
  // the scaled params (a "distinct" array wider than its values).
  bool Make(size_t index, int64_t size, int64_t width, uint64_t seed, SmallCase* out, bool* made,
            std::string* err) const;
  // ShrinkSeeds() cases of `index` at `size` and `width` (those the generator could make).
  bool Candidate(size_t index, int64_t size, int64_t width, std::vector<SmallCase>* batch,
                 std::string* err);

  const Problem& problem_;
  std::vector<CaseTemplate> templates_;
  int64_t max_size_;
  int shrink_seeds_;
  uint64_t next_seed_;
  // Shrinking draws from seeds of its own, so that what it tries depends on the failing case
  // alone, not on how many fresh cases the search had made in its last batch.
  uint64_t next_shrink_seed_;
  // (template, size, width) already handed out by Smaller: each is tried once.
  std::set<std::tuple<size_t, int64_t, int64_t>> tried_;
};

}  // namespace judge
