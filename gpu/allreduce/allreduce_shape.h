// One allreduce test case's shape (how many ranks, how many elements each, which type), read
// from its JSON spec, and the figures a timed run is reported in, in nccl-tests' terms:
//
//   algbw = S / t                  S: bytes per rank, t: seconds
//   busbw = algbw * 2 (n - 1) / n  what each link carries in a ring: comparable across n
//
// and, when every rank sits in one GPU's memory, the physical floor: any allreduce of n buffers
// held in one memory must read n * S bytes and write n * S bytes, so t >= 2 n S / copy bandwidth
// (copy bandwidth counting read and written bytes, as MeasureDeviceCopyGBps does).
//
// Pure C++: the judge side validates specs with it on machines without a GPU. The JSON type is
// only forward-declared here so that .cu files can include this header cheaply.
#pragma once

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "gpu/harness/dtype.h"

namespace judge::gpu {

constexpr int kAllreduceMinRanks = 2;
constexpr int kAllreduceMaxRanks = 8;
// ranks * count * element bytes: all of it lives on one GPU when there is only one.
constexpr size_t kAllreduceMaxTotalBytes = size_t{4} << 30;

struct AllreduceShape {
  int ranks = kAllreduceMinRanks;
  size_t count = 1;  // elements per rank
  DType dtype = DType::kF32;
};

// Reads {"ranks": 2..8, "count": >= 1, "dtype": "fp32"|"fp16"|"bf16"} (all required; "name" is
// ignored, any other field is an error). Errors name the field: `ranks: an integer from 2 to 8
// (got 9)`.
bool ParseAllreduceShape(const nlohmann::json& spec, AllreduceShape* out, std::string* err);
// The judge side's validator: ParseAllreduceShape, result discarded.
bool ValidateAllreduceSpec(const nlohmann::json& spec, std::string* err);

// S: the bytes of one rank's buffer.
size_t BytesPerRank(const AllreduceShape& shape);

// S / t in GB/s (10^9 bytes per second); 0 when seconds <= 0.
double AlgorithmBandwidth(double bytes_per_rank, double seconds);
// algbw * 2 (n - 1) / n, in the unit of algbw.
double BusBandwidth(double algorithm_bandwidth, int ranks);
// 2 n S / (copy_gbps * 10^9): the least time with every rank in one memory; 0 when copy_gbps <= 0.
double SingleGpuFloorSeconds(const AllreduceShape& shape, double copy_gbps);
// floor / t: 1 means the run moved its bytes at the device's copy bandwidth; 0 when seconds <= 0.
double FractionOfFloor(double floor_seconds, double seconds);

}  // namespace judge::gpu
