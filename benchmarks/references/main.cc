// Runs every registered reference / baseline pair in rounds, then prints each ratio of CPU times
// per iteration (each side runs in this thread): the median of the rounds, their spread and the
// target. A round runs both benchmarks of every pair once, back to back, so that a shared
// machine's load falls on both sides of a ratio alike (benchmarks/paired_ratios.h).
// Run: build/references_bench [--rounds=N] [--benchmark_filter=REGEX] [--benchmark_min_time=S]
//   --rounds: 5 by default, at least 3; the filter keeps the pairs it matches either side of.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <regex>

#include "benchmarks/paired_ratios.h"
#include "benchmarks/references/reference_ratios.h"

namespace {

constexpr int kDefaultRounds = 5, kFewestRounds = 3;

// Reads --rounds=N and takes it out of argv, before benchmark::Initialize sees the rest.
int TakeRounds(int* argc, char** argv) {
  int rounds = kDefaultRounds, kept = 1;
  for (int i = 1; i < *argc; ++i) {
    if (std::strncmp(argv[i], "--rounds=", 9) == 0)
      rounds = std::max(kFewestRounds, std::atoi(argv[i] + 9));
    else
      argv[kept++] = argv[i];
  }
  *argc = kept;
  return rounds;
}

// The registered pairs that --benchmark_filter keeps ("-REGEX" leaves out what REGEX matches),
// sorted by what they measure.
std::vector<judge::bench::PairedRatio> SelectedPairs(const std::string& filter) {
  const bool everything = filter.empty() || filter == "all" || filter == ".";
  const bool negated = !everything && filter[0] == '-';
  const std::regex pattern(everything ? "." : negated ? filter.substr(1) : filter);
  std::vector<judge::bench::PairedRatio> pairs;
  for (const auto& r : judge::bench::ReferenceRatios()) {
    const bool matched =
        std::regex_search(r.reference, pattern) || std::regex_search(r.baseline, pattern);
    if (everything || matched != negated)
      pairs.push_back({r.what, r.reference, r.baseline, r.target, {}});
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const auto& a, const auto& b) { return a.what < b.what; });
  return pairs;
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = TakeRounds(&argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  auto pairs = SelectedPairs(benchmark::GetBenchmarkFilter());
  size_t name_width = 10;
  for (const auto& p : pairs)
    name_width = std::max({name_width, p.numerator.size(), p.denominator.size()});
  judge::bench::RoundCollector collector(name_width + 20);  // room for "/iterations:1"
  for (int round = 0; round < rounds; ++round)
    for (auto& pair : pairs)
      if (!judge::bench::RunRound(collector, pair, round % 2 == 0))
        std::fprintf(stderr, "references_bench: %s did not run\n", pair.what.c_str());
  judge::bench::PrintPairedRatiosHeader(rounds);
  for (const auto& pair : pairs) judge::bench::PrintPairedRatio(pair);
  benchmark::Shutdown();
}
