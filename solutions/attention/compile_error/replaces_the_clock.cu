// Fast on paper: a clock_gettime that always says 0, which would take the place of the C
// library's for the whole runner (libstdc++'s clocks and the CUDA runtime read it). The judge
// links each runner with a map of who defines what, and refuses it: CE, naming clock_gettime.
// (Its kernel copies V into O, which would be WA; the build never gets that far.)
#include <cuda_fp16.h>
#include <time.h>

namespace {

__global__ void Copy(const __half* from, __half* to, size_t n) {
  const size_t i = blockIdx.x * size_t(blockDim.x) + threadIdx.x;
  if (i < n) to[i] = from[i];
}

}  // namespace

extern "C" int clock_gettime(clockid_t, struct timespec* now) noexcept {
  now->tv_sec = 0;
  now->tv_nsec = 0;
  return 0;
}

void attention_forward(const void*, const void*, const void* v, void* o, int batch, int heads,
                       int seq_len, int head_dim, int, int, float, cudaStream_t stream) {
  const size_t n = size_t(batch) * heads * seq_len * head_dim;
  Copy<<<(n + 255) / 256, 256, 0, stream>>>(static_cast<const __half*>(v),
                                             static_cast<__half*>(o), n);
}
