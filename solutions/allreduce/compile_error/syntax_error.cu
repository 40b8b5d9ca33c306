// CE: the launch's closing chevrons are typed as `>>` instead of `>>>`, a slip that is easy to
// make and that nvcc rejects.
#include <cuda_runtime.h>

namespace {

struct RankPointers {
  float* ptr[8];
  int ranks;
};

__global__ void SumEverywhere(RankPointers p, size_t count) {
  for (size_t i = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x; i < count;
       i += static_cast<size_t>(gridDim.x) * blockDim.x) {
    float sum = 0.0f;
    for (int r = 0; r < p.ranks; ++r) sum += p.ptr[r][i];
    for (int r = 0; r < p.ranks; ++r) p.ptr[r][i] = sum;
  }
}

}  // namespace

extern "C" void allreduce_sum(void* const* buffers, int ranks, size_t count, int dtype,
                              const int* devices, const cudaStream_t* streams) {
  (void)dtype;
  (void)devices;
  RankPointers p = {};
  p.ranks = ranks;
  for (int r = 0; r < ranks && r < 8; ++r) p.ptr[r] = static_cast<float*>(buffers[r]);
  const int blocks = static_cast<int>((count + 255) / 256);
  SumEverywhere<<<blocks, 256, 0, streams[0]>>(p, count);
}
