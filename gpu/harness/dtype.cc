#include "gpu/harness/dtype.h"

#include <bit>
#include <cmath>
#include <cstdint>

namespace judge::gpu {
namespace {

// Rounds a float's bit pattern to `keep_mantissa` bits, to nearest even, by integer arithmetic
// on the pattern (ties away from the lost bits go to the even neighbour).
float RoundMantissa(float value, int keep_mantissa) {
  if (std::isnan(value) || std::isinf(value)) return value;
  const int drop = 23 - keep_mantissa;
  uint32_t bits = std::bit_cast<uint32_t>(value);
  const uint32_t half = 1u << (drop - 1);
  const uint32_t lsb = (bits >> drop) & 1u;
  bits += half - 1 + lsb;
  bits &= ~((1u << drop) - 1);
  return std::bit_cast<float>(bits);
}

// IEEE half: 10 mantissa bits, exponents down to 2^-14 normal, 2^-24 subnormal, max 65504.
float RoundToHalf(float value) {
  if (std::isnan(value)) return value;
  const float magnitude = std::fabs(value);
  if (magnitude >= 65520.0f) return std::copysign(INFINITY, value);  // rounds past the max
  if (magnitude < 6.103515625e-05f) {  // subnormal: a fixed step of 2^-24
    const float step = 5.9604644775390625e-08f;
    return std::copysign(std::nearbyint(magnitude / step) * step, value);
  }
  return RoundMantissa(value, 10);
}

}  // namespace

const char* DTypeName(DType type) {
  switch (type) {
    case DType::kF32:
      return "fp32";
    case DType::kF16:
      return "fp16";
    case DType::kBF16:
      return "bf16";
  }
  return "?";
}

bool ParseDType(const std::string& name, DType* out) {
  for (DType type : {DType::kF32, DType::kF16, DType::kBF16})
    if (name == DTypeName(type)) {
      *out = type;
      return true;
    }
  return false;
}

size_t DTypeBytes(DType type) { return type == DType::kF32 ? 4 : 2; }

float RoundTo(DType type, float value) {
  switch (type) {
    case DType::kF32:
      return value;
    case DType::kF16:
      return RoundToHalf(value);
    case DType::kBF16:
      return RoundMantissa(value, 7);  // bf16 shares fp32's exponent range
  }
  return value;
}

}  // namespace judge::gpu
