#include "gpu/allreduce/ring_allreduce.h"

#include <algorithm>
#include <barrier>
#include <thread>

namespace judge::gpu {
namespace {

int Mod(int value, int n) { return ((value % n) + n) % n; }

// True when every chunk lies in [0, count) and no two overlap.
bool ChunksAreDisjoint(size_t count, int ranks, ChunkFunction chunks, std::string* err) {
  std::vector<ChunkBounds> all;
  for (int c = 0; c < ranks; ++c) {
    const ChunkBounds b = chunks(count, ranks, c);
    if (b.begin > b.end || b.end > count) {
      *err = "chunk " + std::to_string(c) + " is [" + std::to_string(b.begin) + ", " +
             std::to_string(b.end) + "), outside [0, " + std::to_string(count) + ")";
      return false;
    }
    if (b.begin < b.end) all.push_back(b);
  }
  std::sort(all.begin(), all.end(),
            [](const ChunkBounds& a, const ChunkBounds& b) { return a.begin < b.begin; });
  for (size_t i = 1; i < all.size(); ++i) {
    if (all[i].begin < all[i - 1].end) {
      *err = "chunks [" + std::to_string(all[i - 1].begin) + ", " + std::to_string(all[i - 1].end) +
             ") and [" + std::to_string(all[i].begin) + ", " + std::to_string(all[i].end) +
             ") overlap";
      return false;
    }
  }
  return true;
}

// What one rank's thread does: 2 (n - 1) steps, a barrier after each.
void RunRank(std::vector<std::vector<float>>& buffers, int rank, DType storage,
             ChunkFunction chunks, std::barrier<>& step_done) {
  const int n = static_cast<int>(buffers.size());
  std::vector<float>& mine = buffers[rank];
  const std::vector<float>& left = buffers[Mod(rank - 1, n)];
  const size_t count = mine.size();
  for (int s = 0; s < n - 1; ++s) {  // reduce-scatter: receive chunk (r - 1 - s) and add it
    const ChunkBounds b = chunks(count, n, Mod(rank - 1 - s, n));
    for (size_t i = b.begin; i < b.end; ++i) mine[i] = RoundTo(storage, mine[i] + left[i]);
    step_done.arrive_and_wait();
  }
  for (int s = 0; s < n - 1; ++s) {  // all-gather: receive the finished chunk (r - s) and keep it
    const ChunkBounds b = chunks(count, n, Mod(rank - s, n));
    for (size_t i = b.begin; i < b.end; ++i) mine[i] = left[i];
    step_done.arrive_and_wait();
  }
}

}  // namespace

bool RingAllreduce(std::vector<std::vector<float>>* buffers, DType storage, std::string* err,
                   ChunkFunction chunks) {
  if (buffers->empty()) {
    *err = "no ranks";
    return false;
  }
  const size_t count = buffers->front().size();
  for (size_t r = 0; r < buffers->size(); ++r) {
    if ((*buffers)[r].size() != count) {
      *err = "rank " + std::to_string(r) + " has " + std::to_string((*buffers)[r].size()) +
             " elements, rank 0 has " + std::to_string(count);
      return false;
    }
  }
  const int n = static_cast<int>(buffers->size());
  if (!ChunksAreDisjoint(count, n, chunks, err)) return false;
  std::barrier<> step_done(n);
  std::vector<std::thread> ranks;
  for (int r = 0; r < n; ++r)
    ranks.emplace_back(RunRank, std::ref(*buffers), r, storage, chunks, std::ref(step_done));
  for (std::thread& t : ranks) t.join();
  return true;
}

}  // namespace judge::gpu
