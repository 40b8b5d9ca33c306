// The attention problem's references on the GPU: O_ref, part (a) of attention_math.h, and O_same,
// part (d), computed on the device for a case's current inputs so that cases of any size can be
// checked. Simple on purpose (one thread block per query row, the row's scores in shared memory);
// its speed only matters to the runner's total time. Pure C++ declarations; CUDA inside
// attention_reference.cu.
#pragma once

#include <cstddef>

#include "gpu/attention/attention_shape.h"

namespace judge::gpu {

// q, k, v: device tensors of shape.dtype; reference, same_precision: device fp32 buffers of
// AttentionElements(shape) elements. Runs on the legacy stream and returns when done; throws
// CudaError on a CUDA failure and std::runtime_error if the device's shared memory cannot hold a
// row of scores (seq_len is bounded so that an H100 can).
void ComputeAttentionReferences(const AttentionShape& shape, float scale, const void* q,
                                const void* k, const void* v, float* reference,
                                float* same_precision);

// The same for `row_count` rows only: `rows` is a device array of flat row indices
// ((b * heads + h) * seq_len + i), and row r's values go to row r of `reference` and
// `same_precision` (row_count * head_dim floats each). What the check after every timed call
// compares a few sampled rows against.
void ComputeAttentionReferenceRows(const AttentionShape& shape, float scale, const void* q,
                                   const void* k, const void* v, const unsigned long long* rows,
                                   size_t row_count, float* reference, float* same_precision);

}  // namespace judge::gpu
