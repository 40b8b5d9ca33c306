// Runs every reference benchmark, then prints each registered reference / baseline ratio, of
// median CPU times (each side runs in this thread).
// Run: build/references_bench   (medians of repetitions; the ratios are printed last)
#include "benchmarks/median_ratios.h"
#include "benchmarks/references/reference_ratios.h"

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  judge::bench::MedianCollector collector(judge::bench::MedianCollector::Clock::kCpu);
  benchmark::RunSpecifiedBenchmarks(&collector);
  judge::bench::PrintRatiosHeader();
  auto ratios = judge::bench::ReferenceRatios();
  std::sort(ratios.begin(), ratios.end(),
            [](const auto& a, const auto& b) { return a.what < b.what; });
  for (const auto& r : ratios)
    judge::bench::PrintRatio(collector, r.what, r.reference, 1, r.baseline, 1.0);
  benchmark::Shutdown();
}
