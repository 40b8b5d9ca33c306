// COMPILE ERROR on purpose: a realistic typo, a missing semicolon after the kernel's first
// statement. `judge gpu run` must report nvcc's message and judge nothing.
//
// Run: build/judge gpu run attention solutions/attention/compile_error/syntax_error.cu
#include <cuda_fp16.h>

#include <cstddef>

__global__ void CopyValues(const __half* v, __half* o, size_t elements) {
  const size_t e = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x
  if (e < elements) o[e] = v[e];
}

extern "C" void attention_forward(const void* q, const void* k, const void* v, void* o, int batch,
                                  int heads, int seq_len, int head_dim, int dtype, int causal,
                                  float scale, cudaStream_t stream) {
  const size_t elements = static_cast<size_t>(batch) * heads * seq_len * head_dim;
  CopyValues<<<(elements + 255) / 256, 256, 0, stream>>>(static_cast<const __half*>(v),
                                                         static_cast<__half*>(o), elements);
}
