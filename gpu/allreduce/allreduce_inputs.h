// The inputs the judge gives an allreduce and the sums it expects back, defined by formula so
// that the checker regenerates them instead of keeping copies of inputs the submission overwrites
// in place: rank r's element i is IntegerAt(RankSeed(seed, r), i, kInputLo, kInputHi), which is
// what FillIntegers writes. Integers in [-8, 8] keep every partial sum of up to 8 ranks within
// [-64, 64], exact in fp32, fp16 and bf16 whatever the order of additions, so the check is exact.
//
// Pure and header-only: the checking kernel calls ExpectedSum on the device.
#pragma once

#include <cstddef>
#include <cstdint>

#include "gpu/allreduce/allreduce_shape.h"
#include "gpu/harness/counter_random.h"

namespace judge::gpu {

constexpr int kAllreduceInputLo = -8;
constexpr int kAllreduceInputHi = 8;

// Distinct for distinct ranks (Mix64 is a bijection), unrelated across fresh seeds.
JUDGE_HOST_DEVICE inline uint64_t RankSeed(uint64_t seed, int rank) {
  return Mix64(seed ^ Mix64(static_cast<uint64_t>(rank) + 1));
}

// Every rank's seed, small enough to pass to a kernel by value.
struct RankSeeds {
  uint64_t seed[kAllreduceMaxRanks] = {};
  int ranks = 0;
};

inline RankSeeds MakeRankSeeds(uint64_t seed, int ranks) {
  RankSeeds seeds;
  seeds.ranks = ranks < kAllreduceMaxRanks ? ranks : kAllreduceMaxRanks;
  for (int r = 0; r < seeds.ranks; ++r) seeds.seed[r] = RankSeed(seed, r);
  return seeds;
}

JUDGE_HOST_DEVICE inline float InputAt(const RankSeeds& seeds, int rank, size_t index) {
  return IntegerAt(seeds.seed[rank], index, kAllreduceInputLo, kAllreduceInputHi);
}

// The sum over ranks of element `index`: an integer in [-64, 64].
JUDGE_HOST_DEVICE inline float ExpectedSum(const RankSeeds& seeds, size_t index) {
  float sum = 0;
  for (int r = 0; r < seeds.ranks && r < kAllreduceMaxRanks; ++r) sum += InputAt(seeds, r, index);
  return sum;
}

}  // namespace judge::gpu
