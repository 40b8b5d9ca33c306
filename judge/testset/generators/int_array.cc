// int_array: n integers in [min, max], in a chosen order; see problems/FORMAT.md.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <unordered_set>
#include <vector>

#include "judge/json/field_reader.h"
#include "judge/testset/generators/generator.h"

namespace judge {

bool GenerateIntArray(const nlohmann::json& params, SplitMix64& rng, nlohmann::json* input,
                      std::string* err) {
  FieldReader reader(params, "params", err);
  std::string param;
  long long n = 0, lo = 0, hi = 0;
  std::string order = "random";
  const nlohmann::json* fixed = nullptr;
  if (!reader.IsObject() || !reader.String("param", kRequired, &param) ||
      !reader.Int64("n", kRequired, &n) || !reader.Int64("min", kRequired, &lo) ||
      !reader.Int64("max", kRequired, &hi) || !reader.String("order", kOptional, &order) ||
      !reader.Object("fixed", kOptional, &fixed))
    return false;
  if (n < 0 || n > 100'000'000) return reader.Reject("params.n", "an integer in 0..10^8");
  if (lo > hi) return reader.Reject("params.max", "a value not below params.min");

  // max - min in unsigned arithmetic: the whole int64 range spans 2^64 - 1, past long long.
  const uint64_t span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo);
  std::vector<long long> values(static_cast<size_t>(n));
  if (order == "random" || order == "sorted" || order == "reversed") {
    for (auto& v : values) v = rng.Uniform(lo, hi);
    if (order == "sorted") std::sort(values.begin(), values.end());
    if (order == "reversed") std::sort(values.begin(), values.end(), std::greater<>());
  } else if (order == "distinct") {
    // Redraw repeats, so the values keep the order they were first drawn in.
    if (n > 0 && span < static_cast<uint64_t>(n - 1))
      return reader.Reject("params.n", "at most max - min + 1 values for order \"distinct\"");
    std::unordered_set<long long> seen;
    for (auto& v : values) {
      do v = rng.Uniform(lo, hi);
      while (!seen.insert(v).second);
    }
  } else if (order == "constant") {
    std::fill(values.begin(), values.end(), lo);
  } else if (order == "arithmetic") {
    const uint64_t step = n > 1 ? span / static_cast<uint64_t>(n - 1) : 0;
    for (long long i = 0; i < n; ++i)
      values[i] =
          static_cast<long long>(static_cast<uint64_t>(lo) + static_cast<uint64_t>(i) * step);
  } else {
    return reader.Reject(
        "params.order",
        "random, sorted, reversed, distinct, constant or arithmetic (got \"" + order + "\")");
  }

  *input = fixed ? *fixed : nlohmann::json::object();
  (*input)[param] = std::move(values);
  return true;
}

}  // namespace judge
