// The allreduce problem's submission ABI: force-included into every submission
// (`nvcc -include gpu/allreduce/allreduce_api.h`), so a submission defines exactly this function.
//
// Layout: `buffers[r]` (r = 0 .. ranks-1, ranks 2..8) is rank r's contiguous array of `count`
// elements of `dtype`, in the memory of device `devices[r]`. dtype numbering (never renumbered):
// 0 = fp32 (float), 1 = fp16 (__half), 2 = bf16 (__nv_bfloat16); fp16 and bf16 are summed with
// fp32 accumulation. When the machine has at least `ranks` GPUs, rank r is on device r (with peer
// access enabled wherever the hardware allows it); otherwise every rank is on device 0 and the
// buffers are separate allocations there.
//
// In place: on completion every buffers[r] holds the elementwise sum over all ranks of the
// inputs. Streams: `streams[r]` is a stream on device `devices[r]`; enqueue rank r's work on it
// (or on streams ordered after it) and return without waiting. The judge synchronises every
// device before it reads any buffer, so work still running when the function returns is fine;
// work must not be left for a later call to finish.
#pragma once

#include <cuda_runtime.h>

#include <cstddef>

#ifdef __cplusplus
extern "C" {
#endif

// buffers[r]: rank r's `count` elements of `dtype`, on device devices[r]; streams[r] is a stream
// on that device. On return and once all work is done, every buffers[r] holds the elementwise
// sum over ranks of the inputs.
void allreduce_sum(void* const* buffers, int ranks, size_t count, int dtype, const int* devices,
                   const cudaStream_t* streams);

#ifdef __cplusplus
}
#endif
