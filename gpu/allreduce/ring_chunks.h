// How a ring allreduce splits `count` elements into `ranks` chunks: chunk c is
// [c * size, (c + 1) * size) clipped to [0, count), with size = ceil(count / ranks), so the last
// chunks are shorter, or empty when count < ranks. The CPU ring (ring_allreduce.h) uses it and
// the GPU rings in solutions/allreduce/ copy its arithmetic. Pure and header-only: usable from
// .cu files.
#pragma once

#include <cstddef>

namespace judge::gpu {

struct ChunkBounds {
  size_t begin = 0;
  size_t end = 0;  // one past the last element; end == begin for an empty chunk
  size_t size() const { return end - begin; }
};

// Requires ranks >= 1 and 0 <= chunk < ranks; anything else gives an empty chunk.
inline ChunkBounds ChunkRange(size_t count, int ranks, int chunk) {
  if (ranks < 1 || chunk < 0 || chunk >= ranks) return {};
  const size_t chunk_size = (count + static_cast<size_t>(ranks) - 1) / static_cast<size_t>(ranks);
  size_t begin = chunk_size * static_cast<size_t>(chunk);
  if (begin > count) begin = count;
  size_t end = begin + chunk_size;
  if (end > count) end = count;
  return {begin, end};
}

}  // namespace judge::gpu
