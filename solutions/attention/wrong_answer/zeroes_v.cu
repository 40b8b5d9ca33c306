// Zeroes V, then writes zeros to O: for the inputs as they are after the call, zeros are the
// right answer, so a check that computed its reference from the current buffers would pass it,
// and it is as fast as a memset. The harness checks on the device that q, k and v still hold what
// the seed wrote, before computing any reference and after every timed call: WA, "the
// submission changed its input v". (Not yet run on a GPU: gpu/RESULTS.md.)
#include <cuda_fp16.h>

void attention_forward(const void*, const void*, const void* v, void* o, int batch, int heads,
                       int seq_len, int head_dim, int, int, float, cudaStream_t stream) {
  const size_t bytes = size_t(batch) * heads * seq_len * head_dim * sizeof(__half);
  cudaMemsetAsync(const_cast<void*>(v), 0, bytes, stream);
  cudaMemsetAsync(o, 0, bytes, stream);
}
