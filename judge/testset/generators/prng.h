// SplitMix64: the pseudo-random generator behind generated test cases. Its output is specified in
// problems/FORMAT.md, so a case is the same on every machine and standard library, forever.
// Not thread-safe; cheap to copy.
#pragma once

#include <cstdint>

namespace judge {

class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    state_ += 0x9E3779B97F4A7C15ULL;
    uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Inclusive range, lo + Next() mod (hi - lo + 1) in unsigned 64-bit arithmetic.
  int64_t Uniform(int64_t lo, int64_t hi) {
    const uint64_t span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo) + 1;
    const uint64_t offset = span == 0 ? Next() : Next() % span;  // span 0: the full 2^64 range
    return static_cast<int64_t>(static_cast<uint64_t>(lo) + offset);
  }

 private:
  uint64_t state_;
};

}  // namespace judge
