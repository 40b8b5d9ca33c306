// Each reference solution's benchmark file registers the ratio it is measured by (reference /
// the standard library's nearest tool) and the most that ratio may be, so adding a problem's
// benchmark costs one file. Register the two benchmarks without Repetitions: main.cc runs each
// once per round, beside the other.
//
// The references are LeetCode-style files without includes; a benchmark includes one inside its
// own namespace, after this header has brought in the whole standard library:
//   namespace maximum_gap {
//   using namespace std;
//   #include "solutions/maximum-gap/reference.cpp"
//   }
#pragma once

#include <benchmark/benchmark.h>
#include <bits/stdc++.h>

#include "judge/testset/generators/prng.h"

namespace judge::bench {

struct ReferenceRatio {
  std::string what;       // "maximum-gap: reference / std::sort"
  std::string reference;  // benchmark names, as registered with BENCHMARK
  std::string baseline;
  double target;  // the most reference / baseline may be: 1.0 where beating the baseline is enough
};

inline std::vector<ReferenceRatio>& ReferenceRatios() {
  static std::vector<ReferenceRatio> ratios;
  return ratios;
}

struct RegisterReferenceRatio {
  RegisterReferenceRatio(std::string what, std::string reference, std::string baseline,
                         double target) {
    ReferenceRatios().push_back(
        {std::move(what), std::move(reference), std::move(baseline), target});
  }
};

// n values uniform in [lo, hi] from SplitMix64, the generator behind the judge's own tests.
inline std::vector<int> RandomInts(size_t n, int lo, int hi, uint64_t seed) {
  SplitMix64 rng(seed);
  std::vector<int> values(n);
  for (auto& v : values) v = static_cast<int>(rng.Uniform(lo, hi));
  return values;
}

}  // namespace judge::bench
