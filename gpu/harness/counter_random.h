// A counter-based PRNG whose output is specified: element i of a buffer filled with seed s is
// UnitAt(s, i), on the device and on the host alike, so CPU tests and CPU references see exactly
// the numbers the GPU saw, and a fresh seed gives fresh inputs without any state.
//
// Mix64 is SplitMix64's finaliser; UnitAt takes its top 24 bits, so every value is an exact
// float in [0, 1).
#pragma once

#include <cstdint>

#if defined(__CUDACC__)
#define JUDGE_HOST_DEVICE __host__ __device__
#else
#define JUDGE_HOST_DEVICE
#endif

namespace judge::gpu {

JUDGE_HOST_DEVICE inline uint64_t Mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// Uniform in [0, 1), a multiple of 2^-24.
JUDGE_HOST_DEVICE inline float UnitAt(uint64_t seed, uint64_t index) {
  return static_cast<float>(Mix64(seed ^ Mix64(index)) >> 40) * (1.0f / 16777216.0f);
}

// Uniform in [lo, hi).
JUDGE_HOST_DEVICE inline float UniformAt(uint64_t seed, uint64_t index, float lo, float hi) {
  return lo + (hi - lo) * UnitAt(seed, index);
}

// A uniform integer in [lo, hi], as a float (exact for |values| < 2^24).
JUDGE_HOST_DEVICE inline float IntegerAt(uint64_t seed, uint64_t index, int lo, int hi) {
  const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
  return static_cast<float>(lo + static_cast<int64_t>((Mix64(seed ^ Mix64(index)) >> 11) % span));
}

}  // namespace judge::gpu
