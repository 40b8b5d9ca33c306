// How a case's random inputs are drawn, shared by the GPU case (which fills device buffers with
// FillUniform) and the CPU tests and references (which rebuild the same numbers on the host).
//
// Ranges: q and k uniform in [-2, 2), v uniform in [-1, 1). With q, k in [-2, 2) a score
// scale * q·k has a standard deviation of about 4/3 whatever head_dim is, so the softmax is far
// from flat (a few keys dominate each row) and outputs differ clearly from zero, from their mean,
// from the wrong scale and from the wrong mask. The spans (4 and 2) are powers of two, so
// lo + span * unit is exact in fp32 on host and device alike (fused or not) before rounding to the
// dtype.
#pragma once

#include <cstdint>
#include <vector>

#include "gpu/attention/attention_shape.h"
#include "gpu/harness/counter_random.h"

namespace judge::gpu {

constexpr float kAttentionQkLow = -2.0f;
constexpr float kAttentionQkHigh = 2.0f;
constexpr float kAttentionVLow = -1.0f;
constexpr float kAttentionVHigh = 1.0f;

enum class AttentionTensor : int { kQ = 0, kK = 1, kV = 2 };

// A distinct seed per tensor, derived from the case's seed.
inline uint64_t AttentionTensorSeed(uint64_t case_seed, AttentionTensor tensor) {
  return Mix64(case_seed * 4 + static_cast<uint64_t>(tensor) + 1);
}

inline float AttentionInputLow(AttentionTensor tensor) {
  return tensor == AttentionTensor::kV ? kAttentionVLow : kAttentionQkLow;
}
inline float AttentionInputHigh(AttentionTensor tensor) {
  return tensor == AttentionTensor::kV ? kAttentionVHigh : kAttentionQkHigh;
}

// The tensor exactly as the device holds it after FillUniform, as floats.
std::vector<float> AttentionInputOnHost(const AttentionShape& shape, uint64_t case_seed,
                                        AttentionTensor tensor);

}  // namespace judge::gpu
