#include "gpu/allreduce/allreduce_shape.h"

#include <cstdint>
#include <nlohmann/json.hpp>

#include "gpu/harness/spec_reader.h"

namespace judge::gpu {

using nlohmann::json;

bool ParseAllreduceShape(const json& spec, AllreduceShape* out, std::string* err) {
  SpecReader reader(spec, err);
  AllreduceShape shape;
  uint64_t count = 0;
  if (!reader.HasOnlyFields("an allreduce case", {"ranks", "count", "dtype"}) ||
      !reader.Integer("ranks", kAllreduceMinRanks, kAllreduceMaxRanks, "an integer from 2 to 8",
                      &shape.ranks) ||
      !reader.Integer("count", 1, UINT64_MAX, "an integer >= 1", &count) ||
      !reader.ElementType("dtype", {DType::kF32, DType::kF16, DType::kBF16}, &shape.dtype))
    return false;
  // Divided rather than multiplied out, so that no count can overflow the check.
  const uint64_t bytes_per_element = static_cast<uint64_t>(shape.ranks) * DTypeBytes(shape.dtype);
  if (count > kAllreduceMaxTotalBytes / bytes_per_element)
    return reader.Reject("count", "ranks * count * element bytes at most 4 GiB",
                         std::to_string(shape.ranks) + " * " + std::to_string(count) + " * " +
                             std::to_string(DTypeBytes(shape.dtype)));
  shape.count = static_cast<size_t>(count);
  *out = shape;
  return true;
}

bool ValidateAllreduceSpec(const json& spec, std::string* err) {
  AllreduceShape shape;
  return ParseAllreduceShape(spec, &shape, err);
}

size_t BytesPerRank(const AllreduceShape& shape) { return shape.count * DTypeBytes(shape.dtype); }

double AlgorithmBandwidth(double bytes_per_rank, double seconds) {
  if (seconds <= 0) return 0;
  return bytes_per_rank / seconds / 1e9;
}

double BusBandwidth(double algorithm_bandwidth, int ranks) {
  if (ranks < 1) return 0;
  return algorithm_bandwidth * 2.0 * (ranks - 1) / ranks;
}

double SingleGpuFloorSeconds(const AllreduceShape& shape, double copy_gbps) {
  if (copy_gbps <= 0) return 0;
  const double bytes_moved = 2.0 * shape.ranks * static_cast<double>(BytesPerRank(shape));
  return bytes_moved / (copy_gbps * 1e9);
}

double FractionOfFloor(double floor_seconds, double seconds) {
  if (seconds <= 0) return 0;
  return floor_seconds / seconds;
}

}  // namespace judge::gpu
