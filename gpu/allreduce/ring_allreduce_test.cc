#include "gpu/allreduce/ring_allreduce.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "gpu/allreduce/allreduce_inputs.h"
#include "gpu/harness/counter_random.h"

namespace judge::gpu {
namespace {

constexpr DType kAllTypes[] = {DType::kF32, DType::kF16, DType::kBF16};

// The counts every rank count is tried with: tiny, around n, primes, and not multiples of n.
std::vector<size_t> CountsFor(int ranks) {
  std::vector<size_t> counts = {1, 2, 3, 5, 7, 11, 13, 97, 1000, 4097};
  const size_t n = static_cast<size_t>(ranks);
  if (n > 1) counts.push_back(n - 1);
  counts.push_back(n);
  counts.push_back(n + 1);
  counts.push_back(3 * n + 2);
  return counts;
}

// Rank r's inputs as the judge makes them: integers in [-8, 8] from RankSeed.
std::vector<std::vector<float>> JudgeInputs(uint64_t seed, int ranks, size_t count) {
  const RankSeeds seeds = MakeRankSeeds(seed, ranks);
  std::vector<std::vector<float>> buffers(ranks, std::vector<float>(count));
  for (int r = 0; r < ranks; ++r)
    for (size_t i = 0; i < count; ++i) buffers[r][i] = InputAt(seeds, r, i);
  return buffers;
}

std::vector<std::vector<float>> UniformInputs(uint64_t seed, int ranks, size_t count, DType type) {
  std::vector<std::vector<float>> buffers(ranks, std::vector<float>(count));
  for (int r = 0; r < ranks; ++r)
    for (size_t i = 0; i < count; ++i)
      buffers[r][i] = RoundTo(type, UniformAt(seed + r, i, -1.0f, 1.0f));
  return buffers;
}

// A chunking with the classic off-by-one: each chunk ends one element early.
ChunkBounds ChunkEndsOneEarly(size_t count, int ranks, int chunk) {
  ChunkBounds b = ChunkRange(count, ranks, chunk);
  if (b.end > b.begin) b.end -= 1;
  return b;
}

// A chunking whose chunks run one element into the next.
ChunkBounds ChunkEndsOneLate(size_t count, int ranks, int chunk) {
  ChunkBounds b = ChunkRange(count, ranks, chunk);
  if (b.end < count) b.end += 1;
  return b;
}

TEST(ChunkRange, CoversEveryElementExactlyOnceInOrder) {
  for (int ranks = 1; ranks <= 8; ++ranks) {
    std::vector<size_t> counts = CountsFor(ranks);
    counts.push_back(0);
    counts.push_back((size_t{1} << 20) + 3);
    for (size_t count : counts) {
      const size_t chunk_size = (count + ranks - 1) / ranks;
      size_t next = 0;
      for (int c = 0; c < ranks; ++c) {
        const ChunkBounds b = ChunkRange(count, ranks, c);
        SCOPED_TRACE("ranks " + std::to_string(ranks) + " count " + std::to_string(count) +
                     " chunk " + std::to_string(c));
        EXPECT_EQ(b.begin, next);
        EXPECT_LE(b.begin, b.end);
        EXPECT_LE(b.size(), chunk_size);
        // Only the tail is short: a chunk smaller than chunk_size ends at count.
        if (b.size() < chunk_size) {
          EXPECT_EQ(b.end, count);
        }
        next = b.end;
      }
      EXPECT_EQ(next, count) << "ranks " << ranks << " count " << count;
    }
  }
}

TEST(ChunkRange, ShortAndEmptyChunksAtTheEnd) {
  // 10 over 4: size 3 -> [0,3) [3,6) [6,9) [9,10)
  EXPECT_EQ(ChunkRange(10, 4, 3).begin, 9u);
  EXPECT_EQ(ChunkRange(10, 4, 3).end, 10u);
  // 2 over 5: size 1 -> [0,1) [1,2) then three empty chunks at 2
  EXPECT_EQ(ChunkRange(2, 5, 1).end, 2u);
  EXPECT_EQ(ChunkRange(2, 5, 4).begin, 2u);
  EXPECT_EQ(ChunkRange(2, 5, 4).size(), 0u);
  // Out-of-range arguments give an empty chunk rather than garbage.
  EXPECT_EQ(ChunkRange(10, 4, 4).size(), 0u);
  EXPECT_EQ(ChunkRange(10, 4, -1).size(), 0u);
  EXPECT_EQ(ChunkRange(10, 0, 0).size(), 0u);
}

TEST(RingAllreduce, EqualsTheElementwiseSumExactlyForIntegerInputs) {
  for (DType type : kAllTypes) {
    for (int ranks = 1; ranks <= 8; ++ranks) {
      for (size_t count : CountsFor(ranks)) {
        const uint64_t seed = 1000 * ranks + count;
        std::vector<std::vector<float>> buffers = JudgeInputs(seed, ranks, count);
        std::string err;
        ASSERT_TRUE(RingAllreduce(&buffers, type, &err)) << err;
        const RankSeeds seeds = MakeRankSeeds(seed, ranks);
        int wrong = 0;
        for (int r = 0; r < ranks; ++r)
          for (size_t i = 0; i < count; ++i)
            if (buffers[r][i] != ExpectedSum(seeds, i) && ++wrong <= 3)
              ADD_FAILURE() << DTypeName(type) << " ranks " << ranks << " count " << count
                            << " rank " << r << " element " << i << ": got " << buffers[r][i]
                            << ", want " << ExpectedSum(seeds, i);
        EXPECT_EQ(wrong, 0);
      }
    }
  }
}

// The ring sums chunk c starting at rank c and going round; with rounding after each addition
// the result depends on that order, so this pins the algorithm down, not only the sum.
TEST(RingAllreduce, AddsEachChunkInRingOrderWithRoundingAfterEachAddition) {
  for (DType type : kAllTypes) {
    for (int ranks = 2; ranks <= 8; ++ranks) {
      const size_t count = 1001;
      std::vector<std::vector<float>> buffers = UniformInputs(ranks, ranks, count, type);
      const std::vector<std::vector<float>> inputs = buffers;
      std::string err;
      ASSERT_TRUE(RingAllreduce(&buffers, type, &err)) << err;
      for (int c = 0; c < ranks; ++c) {
        const ChunkBounds b = ChunkRange(count, ranks, c);
        for (size_t i = b.begin; i < b.end; ++i) {
          float want = inputs[c][i];
          for (int k = 1; k < ranks; ++k) want = RoundTo(type, want + inputs[(c + k) % ranks][i]);
          for (int r = 0; r < ranks; ++r)
            ASSERT_EQ(buffers[r][i], want) << DTypeName(type) << " ranks " << ranks << " rank " << r
                                           << " element " << i << " (chunk " << c << ")";
        }
      }
    }
  }
}

TEST(RingAllreduce, OneRankIsLeftAlone) {
  std::vector<std::vector<float>> buffers = {{1.5f, -2.0f, 3.0f}};
  std::string err;
  ASSERT_TRUE(RingAllreduce(&buffers, DType::kF32, &err)) << err;
  EXPECT_EQ(buffers[0], (std::vector<float>{1.5f, -2.0f, 3.0f}));
}

// Inputs in [1, 8]: the other ranks' share of an element is never 0, so an element the ring
// skips is always wrong and the test cannot pass by luck.
TEST(RingAllreduce, AChunkEndingOneEarlyIsCaught) {
  for (int ranks = 2; ranks <= 8; ++ranks) {
    for (size_t count : {size_t{1000}, size_t{4097}, static_cast<size_t>(ranks + 1)}) {
      std::vector<std::vector<float>> buffers(ranks, std::vector<float>(count));
      for (int r = 0; r < ranks; ++r)
        for (size_t i = 0; i < count; ++i) buffers[r][i] = IntegerAt(r + 77, i, 1, 8);
      std::vector<float> sum(count, 0.0f);
      for (int r = 0; r < ranks; ++r)
        for (size_t i = 0; i < count; ++i) sum[i] += buffers[r][i];
      std::string err;
      ASSERT_TRUE(RingAllreduce(&buffers, DType::kF32, &err, ChunkEndsOneEarly)) << err;
      size_t wrong = 0;
      for (int r = 0; r < ranks; ++r)
        for (size_t i = 0; i < count; ++i) wrong += buffers[r][i] != sum[i];
      // Every non-empty chunk loses its last element on every rank.
      size_t non_empty = 0;
      for (int c = 0; c < ranks; ++c) non_empty += ChunkRange(count, ranks, c).size() > 0;
      EXPECT_EQ(wrong, non_empty * ranks) << "ranks " << ranks << " count " << count;
    }
  }
}

TEST(RingAllreduce, RefusesOverlappingChunksAndUnequalBuffers) {
  std::vector<std::vector<float>> buffers(3, std::vector<float>(10, 1.0f));
  std::string err;
  EXPECT_FALSE(RingAllreduce(&buffers, DType::kF32, &err, ChunkEndsOneLate));
  EXPECT_NE(err.find("overlap"), std::string::npos) << err;

  buffers[1].resize(9);
  EXPECT_FALSE(RingAllreduce(&buffers, DType::kF32, &err));
  EXPECT_NE(err.find("rank 1 has 9 elements"), std::string::npos) << err;

  std::vector<std::vector<float>> none;
  EXPECT_FALSE(RingAllreduce(&none, DType::kF32, &err));
}

}  // namespace
}  // namespace judge::gpu
