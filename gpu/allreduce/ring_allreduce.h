// The CPU reference of the ring allreduce, with std::threads as ranks, so that the algorithm the
// GPU rings in solutions/allreduce/ follow is tested here, on machines without a GPU.
//
// With n ranks and chunks as ChunkRange gives them:
//   reduce-scatter, steps s = 0 .. n-2: rank r sends chunk (r - s) mod n to rank r + 1, which
//     adds it into its own copy; afterwards rank r holds the full sum of chunk (r + 1) mod n;
//   all-gather, steps s = 0 .. n-2: rank r sends chunk (r + 1 - s) mod n to rank r + 1, which
//     overwrites its own copy with it.
// So chunk c is summed in the order x_c, + x_(c+1), ..., + x_(c+n-1) (ranks mod n).
//
// Each thread writes only its own rank's buffer and reads its left neighbour's; a barrier
// between steps orders each read after the write it needs. Low-precision storage is mimicked by
// rounding every partial sum to the buffer's type (RoundTo), as a ring that keeps partial sums in
// its buffers does; with DType::kF32 the arithmetic is plain float.
#pragma once

#include <string>
#include <vector>

#include "gpu/allreduce/ring_chunks.h"
#include "gpu/harness/dtype.h"

namespace judge::gpu {

// How a ring splits `count` elements into chunks; ChunkRange is the real one, tests substitute
// broken ones.
using ChunkFunction = ChunkBounds (*)(size_t count, int ranks, int chunk);

// Allreduces `buffers` (one per rank, equal sizes) in place. `storage` is the buffers' element
// type; values must already be representable in it. False with *err when there are no buffers,
// their sizes differ, or `chunks` gives ranges outside [0, count) or overlapping ones (which
// would make two threads race); a chunk function that leaves elements out is accepted: the
// result then shows it.
bool RingAllreduce(std::vector<std::vector<float>>* buffers, DType storage, std::string* err,
                   ChunkFunction chunks = ChunkRange);

}  // namespace judge::gpu
