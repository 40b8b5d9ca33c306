// RUNTIME ERROR on purpose: the kernel stages each row in a scratch buffer that was never
// allocated, so its first store goes through a null pointer, far outside any allocation. The
// launch fails with cudaErrorIllegalAddress, which the harness reports at its next device-wide
// synchronisation as an RE verdict naming the error.
//
// Run: build/judge gpu run attention solutions/attention/runtime_error/out_of_bounds.cu
#include <cuda_bf16.h>
#include <cuda_fp16.h>

#include <cstddef>

namespace {

float* g_scratch = nullptr;  // "allocated later": never

template <typename T>
__global__ void CopyThroughScratch(const T* v, T* o, float* scratch, size_t elements) {
  const size_t e = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x;
  if (e >= elements) return;
  volatile float* staged = scratch;  // volatile: the store must really happen
  staged[e] = static_cast<float>(v[e]);
  o[e] = static_cast<T>(staged[e]);
}

}  // namespace

extern "C" void attention_forward(const void* q, const void* k, const void* v, void* o, int batch,
                                  int heads, int seq_len, int head_dim, int dtype, int causal,
                                  float scale, cudaStream_t stream) {
  (void)q, (void)k, (void)causal, (void)scale;
  const size_t elements = static_cast<size_t>(batch) * heads * seq_len * head_dim;
  const unsigned blocks = static_cast<unsigned>((elements + 255) / 256);
  if (dtype == 2) {
    CopyThroughScratch<<<blocks, 256, 0, stream>>>(
        static_cast<const __nv_bfloat16*>(v), static_cast<__nv_bfloat16*>(o), g_scratch, elements);
  } else {
    CopyThroughScratch<<<blocks, 256, 0, stream>>>(static_cast<const __half*>(v),
                                                   static_cast<__half*>(o), g_scratch, elements);
  }
}
