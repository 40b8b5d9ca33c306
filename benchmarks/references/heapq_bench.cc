// heapq: the reference's 8-ary heap (CPython's bottom-up sifting, Floyd's heapify) against
// std::priority_queue<int, vector<int>, greater<int>>, replaying the same long random sequence of
// push, pop, pushpop and replace on both. priority_queue has no pushpop or replace, so they are
// composed from top, pop and push, as a person using it would write them.
#include "benchmarks/references/reference_ratios.h"

namespace heapq_reference {
using namespace std;
#include "solutions/heapq/reference.cpp"
}  // namespace heapq_reference

namespace {

enum class Op : char { kPush, kPop, kPushPop, kReplace };

struct Sequence {
  std::vector<int> initial;                    // heapified by the constructor
  std::vector<std::pair<Op, int>> operations;  // pops never meet an empty heap
};

// 10^6 values heapified, then 10^6 operations in equal shares: the heap stays near 10^6.
const Sequence& Input() {
  static const Sequence sequence = [] {
    Sequence s;
    s.initial = judge::bench::RandomInts(1'000'000, -1'000'000'000, 1'000'000'000, 31);
    judge::SplitMix64 rng(32);
    for (int i = 0; i < 1'000'000; ++i) {
      const auto op = static_cast<Op>(rng.Uniform(0, 3));
      s.operations.emplace_back(op, static_cast<int>(rng.Uniform(-1'000'000'000, 1'000'000'000)));
    }
    return s;
  }();
  return sequence;
}

// Replays the sequence on the reference; returns a checksum of every result.
long long ReplayReference(std::vector<int> initial) {
  heapq_reference::MinHeap heap(std::move(initial));
  long long sum = 0;
  for (const auto& [op, x] : Input().operations) {
    switch (op) {
      case Op::kPush:
        heap.push(x);
        break;
      case Op::kPop:
        sum += heap.pop();
        break;
      case Op::kPushPop:
        sum += heap.pushpop(x);
        break;
      case Op::kReplace:
        sum += heap.replace(x);
        break;
    }
  }
  return sum + heap.size();
}

long long ReplayPriorityQueue(std::vector<int> initial) {
  std::priority_queue<int, std::vector<int>, std::greater<int>> heap(std::greater<int>(),
                                                                     std::move(initial));
  long long sum = 0;
  for (const auto& [op, x] : Input().operations) {
    switch (op) {
      case Op::kPush:
        heap.push(x);
        break;
      case Op::kPop:
        sum += heap.top();
        heap.pop();
        break;
      case Op::kPushPop:
        if (heap.empty() || x <= heap.top()) {
          sum += x;
        } else {
          sum += heap.top();
          heap.pop();
          heap.push(x);
        }
        break;
      case Op::kReplace:
        sum += heap.top();
        heap.pop();
        heap.push(x);
        break;
    }
  }
  return sum + static_cast<long long>(heap.size());
}

// Both sides must agree before either is timed.
const bool kSameResults = [] {
  if (ReplayReference(Input().initial) != ReplayPriorityQueue(Input().initial)) {
    std::fprintf(stderr, "heapq: the reference and priority_queue disagree\n");
    std::abort();
  }
  return true;
}();

void BM_Heapq_Reference(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto initial = Input().initial;  // a fresh copy for both sides, outside the timing
    state.ResumeTiming();
    benchmark::DoNotOptimize(ReplayReference(std::move(initial)));
  }
}

void BM_Heapq_StdPriorityQueue(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto initial = Input().initial;
    state.ResumeTiming();
    benchmark::DoNotOptimize(ReplayPriorityQueue(std::move(initial)));
  }
}

BENCHMARK(BM_Heapq_Reference)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Heapq_StdPriorityQueue)->Unit(benchmark::kMillisecond);
const judge::bench::RegisterReferenceRatio kRatio("heapq: reference / std::priority_queue",
                                                  "BM_Heapq_Reference", "BM_Heapq_StdPriorityQueue",
                                                  0.9);

}  // namespace
