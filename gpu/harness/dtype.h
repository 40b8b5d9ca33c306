// Element types of GPU problems' buffers, shared by the judge side (pure C++) and the runners.
#pragma once

#include <cstddef>
#include <string>

namespace judge::gpu {

// The numbering is part of the submission ABI (gpu/*/..._api.h): never renumber.
enum class DType : int { kF32 = 0, kF16 = 1, kBF16 = 2 };

// "fp32", "fp16", "bf16"
const char* DTypeName(DType type);
// Accepts the names above; false for anything else.
bool ParseDType(const std::string& name, DType* out);
size_t DTypeBytes(DType type);

// Round-trips a float through the type's rounding (round to nearest even), so CPU code can
// reproduce what a device buffer of that type holds.
float RoundTo(DType type, float value);

}  // namespace judge::gpu
