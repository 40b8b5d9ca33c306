// WRONG ANSWER on purpose: writes zeros to the whole output and computes nothing. The inputs'
// ranges (q, k in [-2, 2), v in [-1, 1)) make outputs of order 0.1 to 1, far above the tolerance,
// so this fails every case; and it is also faster than the physical floor of reading q, k, v.
//
// Run: build/judge gpu run attention solutions/attention/wrong_answer/zeros.cu
#include <cstddef>

extern "C" void attention_forward(const void* q, const void* k, const void* v, void* o, int batch,
                                  int heads, int seq_len, int head_dim, int dtype, int causal,
                                  float scale, cudaStream_t stream) {
  (void)q, (void)k, (void)v, (void)dtype, (void)causal, (void)scale;
  const size_t elements = static_cast<size_t>(batch) * heads * seq_len * head_dim;
  cudaMemsetAsync(o, 0, elements * 2, stream);  // fp16 and bf16 are both 2 bytes
}
