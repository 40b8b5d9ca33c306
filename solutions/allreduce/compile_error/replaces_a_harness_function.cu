// Replaces one of the harness's own functions (judge::gpu::FillUniform, which writes the
// inputs) with one that writes nothing, so that zeros in, zeros out would pass. A name of the
// harness's namespace is never a submission's own: CE, naming it (the single-process runner also
// uses it; the runner that only calls the submission does not even link it, the checker does).
#include <cuda_runtime.h>

#include <cstddef>

namespace judge::gpu {
enum class DType : int;
void FillUniform(void*, DType, size_t, size_t, float, float) {}
}  // namespace judge::gpu

void allreduce_sum(void* const*, int, size_t, int, const int*, const cudaStream_t*) {}
