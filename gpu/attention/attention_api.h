// The attention problem's submission ABI: one C entry point that a submission's .cu file defines.
// `judge gpu run attention FILE` force-includes this header into FILE (nvcc -include), so a
// submission needs no #include of its own to see the declaration.
//
// Layout: q, k, v and o are [batch, heads, seq_len, head_dim] tensors, contiguous and row-major:
// element (b, h, i, d) lives at ((b * heads + h) * seq_len + i) * head_dim + d, the same for all
// four. head_dim is 64 or 128.
// dtype: 1 = fp16 (__half), 2 = bf16 (__nv_bfloat16); the numbering is judge::gpu::DType's and
// never changes. All four tensors have that dtype; accumulate in fp32.
// causal: 1 = query i attends to keys j <= i only, 0 = to every key.
// scale: the factor on q·k before the softmax, 1/sqrt(head_dim).
// Streams: launch on `stream` (or on streams of your own); the harness synchronises the whole
// device before it reads o, and times the call the same way, so work on other streams counts.
#pragma once

#include <cuda_runtime.h>

#ifdef __cplusplus
extern "C" {
#endif

// q, k, v, o: [batch, heads, seq_len, head_dim] of dtype (1 = fp16 __half, 2 = bf16 __nv_bfloat16),
// contiguous. Launch on `stream`; the harness synchronises the whole device before reading o.
void attention_forward(const void* q, const void* k, const void* v, void* o, int batch, int heads,
                       int seq_len, int head_dim, int dtype, int causal, float scale,
                       cudaStream_t stream);

#ifdef __cplusplus
}
#endif
