#include "gpu/attention/attention_inputs.h"

namespace judge::gpu {

std::vector<float> AttentionInputOnHost(const AttentionShape& shape, uint64_t case_seed,
                                        AttentionTensor tensor) {
  const uint64_t seed = AttentionTensorSeed(case_seed, tensor);
  const float lo = AttentionInputLow(tensor);
  const float hi = AttentionInputHigh(tensor);
  std::vector<float> values(AttentionElements(shape));
  for (size_t i = 0; i < values.size(); ++i) {
    values[i] = RoundTo(shape.dtype, UniformAt(seed, i, lo, hi));
  }
  return values;
}

}  // namespace judge::gpu
