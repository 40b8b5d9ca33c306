// The shipped cases in testcases/allreduce/ validate, and cover what the statement promises.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "gpu/allreduce/allreduce_shape.h"

namespace judge::gpu {
namespace {

struct ShippedCase {
  std::string name;
  bool timed = false;
  AllreduceShape shape;
};

std::vector<ShippedCase> LoadShippedCases() {
  const std::filesystem::path dir =
      std::filesystem::path(JUDGE_DEFAULT_ROOT) / "testcases" / "allreduce";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::vector<ShippedCase> cases;
  for (const auto& file : files) {
    std::ifstream in(file);
    const nlohmann::json j = nlohmann::json::parse(in);
    for (const nlohmann::json& spec : j.at("cases")) {
      ShippedCase c{spec.at("name").get<std::string>(), j.at("timed").get<bool>(), {}};
      std::string err;
      EXPECT_TRUE(ValidateAllreduceSpec(spec, &err)) << file << " " << c.name << ": " << err;
      EXPECT_TRUE(ParseAllreduceShape(spec, &c.shape, &err));
      cases.push_back(c);
    }
  }
  return cases;
}

size_t TotalBytes(const AllreduceShape& s) { return BytesPerRank(s) * s.ranks; }

TEST(AllreduceTestcases, ValidateAndHaveUniqueNames) {
  const std::vector<ShippedCase> cases = LoadShippedCases();
  ASSERT_GE(cases.size(), 30u);
  std::set<std::string> names;
  for (const ShippedCase& c : cases) EXPECT_TRUE(names.insert(c.name).second) << c.name;
}

TEST(AllreduceTestcases, CorrectnessCoversEveryRankCountAroundNAndEveryType) {
  std::set<std::pair<int, long>> ranks_and_offset;  // count - ranks in {-1, 0, 1}
  std::set<DType> types;
  bool has_one = false, has_million = false;
  for (const ShippedCase& c : LoadShippedCases()) {
    if (c.timed) continue;
    ranks_and_offset.insert({c.shape.ranks, static_cast<long>(c.shape.count) - c.shape.ranks});
    types.insert(c.shape.dtype);
    has_one |= c.shape.count == 1;
    has_million |= c.shape.count > (size_t{1} << 20);
  }
  for (int n = kAllreduceMinRanks; n <= kAllreduceMaxRanks; ++n)
    for (long offset : {-1L, 0L, 1L})
      EXPECT_TRUE(ranks_and_offset.count({n, offset})) << "ranks " << n << " count " << n + offset;
  EXPECT_EQ(types.size(), 3u);
  EXPECT_TRUE(has_one);
  EXPECT_TRUE(has_million);
}

// A timed case whose buffers fit in L2 (50 MB on an H100) can finish its writes in cache and
// beat the copy-bandwidth floor, which the runner would call skipped work; so timed cases are
// either latency-sized (overheads dwarf the floor) or far larger than L2.
TEST(AllreduceTestcases, TimedCasesAvoidTheSizesWhereL2CouldBeatTheFloor) {
  bool reaches_256_mb = false;
  int timed = 0;
  for (const ShippedCase& c : LoadShippedCases()) {
    if (!c.timed) continue;
    ++timed;
    const size_t total = TotalBytes(c.shape);
    EXPECT_TRUE(total <= (size_t{4} << 20) || total >= (size_t{128} << 20))
        << c.name << ": " << total << " bytes in all";
    reaches_256_mb |= total >= (size_t{256} << 20);
  }
  EXPECT_GE(timed, 8);
  EXPECT_TRUE(reaches_256_mb);
}

}  // namespace
}  // namespace judge::gpu
