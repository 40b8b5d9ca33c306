#include "gpu/allreduce/allreduce_shape.h"

#include <cstdint>

#include <nlohmann/json.hpp>

#include "judge/error.h"

namespace judge::gpu {
namespace {

using nlohmann::json;

// The offending value as JSON text, short enough for a one-line error.
std::string Got(const json& value) {
  std::string text = value.dump();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return " (got " + text + ")";
}

// An integer-typed JSON number in [lo, hi]; 2.0 and "2" are refused, as a typo would be.
bool ReadInteger(const json& spec, const char* field, uint64_t lo, uint64_t hi,
                 const std::string& expected, uint64_t* out, std::string* err) {
  if (!spec.contains(field)) return Fail(std::string(field) + ": " + expected + " (missing)", err);
  const json& value = spec.at(field);
  bool in_range = false;
  if (value.is_number_unsigned()) {
    *out = value.get<uint64_t>();
    in_range = *out >= lo && *out <= hi;
  } else if (value.is_number_integer()) {
    const int64_t v = value.get<int64_t>();
    *out = static_cast<uint64_t>(v);
    in_range = v >= 0 && *out >= lo && *out <= hi;
  }
  if (!in_range) return Fail(std::string(field) + ": " + expected + Got(value), err);
  return true;
}

}  // namespace

bool ParseAllreduceShape(const json& spec, AllreduceShape* out, std::string* err) {
  if (!spec.is_object())
    return Fail("spec: an object with ranks, count and dtype" + Got(spec), err);
  for (const auto& [key, value] : spec.items()) {
    if (key != "name" && key != "ranks" && key != "count" && key != "dtype")
      return Fail(key + ": not a field of an allreduce case (expected ranks, count, dtype)", err);
  }
  AllreduceShape shape;
  uint64_t ranks = 0, count = 0;
  if (!ReadInteger(spec, "ranks", kAllreduceMinRanks, kAllreduceMaxRanks, "an integer from 2 to 8",
                   &ranks, err))
    return false;
  if (!ReadInteger(spec, "count", 1, UINT64_MAX, "an integer >= 1", &count, err)) return false;
  shape.ranks = static_cast<int>(ranks);
  if (!spec.contains("dtype"))
    return Fail("dtype: one of \"fp32\", \"fp16\", \"bf16\" (missing)", err);
  const json& dtype = spec.at("dtype");
  if (!dtype.is_string() || !ParseDType(dtype.get<std::string>(), &shape.dtype))
    return Fail("dtype: one of \"fp32\", \"fp16\", \"bf16\"" + Got(dtype), err);
  // Divided rather than multiplied out, so that no count can overflow the check.
  const uint64_t bytes_per_element = static_cast<uint64_t>(ranks) * DTypeBytes(shape.dtype);
  if (count > kAllreduceMaxTotalBytes / bytes_per_element)
    return Fail("count: ranks * count * element bytes at most 4 GiB (got " + std::to_string(ranks) +
                    " * " + std::to_string(count) + " * " +
                    std::to_string(DTypeBytes(shape.dtype)) + ")",
                err);
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
