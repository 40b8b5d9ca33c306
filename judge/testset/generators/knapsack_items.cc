// knapsack_items: n items (weight, value) and a capacity, as interview arguments or as stdin
// text; see problems/FORMAT.md.
#include <string>
#include <vector>

#include "judge/json/field_reader.h"
#include "judge/testset/generators/generator.h"

namespace judge {

bool GenerateKnapsackItems(const nlohmann::json& params, SplitMix64& rng, nlohmann::json* input,
                           std::string* err) {
  FieldReader reader(params, "params", err);
  long long n = 0, capacity = 0, min_weight = 0, max_weight = 0, min_value = 0, max_value = 0;
  std::string format = "interview";
  if (!reader.IsObject() || !reader.Int64("n", kRequired, &n) ||
      !reader.Int64("capacity", kRequired, &capacity) ||
      !reader.Int64("min_weight", kRequired, &min_weight) ||
      !reader.Int64("max_weight", kRequired, &max_weight) ||
      !reader.Int64("min_value", kRequired, &min_value) ||
      !reader.Int64("max_value", kRequired, &max_value) ||
      !reader.String("format", kOptional, &format))
    return false;
  if (n < 0 || n > 10'000'000) return reader.Reject("params.n", "an integer in 0..10^7");
  if (capacity < 0) return reader.Reject("params.capacity", "a non-negative integer");
  if (min_weight < 0 || min_weight > max_weight)
    return reader.Reject("params.max_weight", "a value not below params.min_weight (>= 0)");
  if (min_value < 0 || min_value > max_value)
    return reader.Reject("params.max_value", "a value not below params.min_value (>= 0)");
  if (format != "interview" && format != "stdio")
    return reader.Reject("params.format", "interview or stdio (got \"" + format + "\")");

  // Weight then value for each item, in item order: the draw order is part of the format.
  std::vector<long long> weights(static_cast<size_t>(n)), values(static_cast<size_t>(n));
  for (long long i = 0; i < n; ++i) {
    weights[i] = rng.Uniform(min_weight, max_weight);
    values[i] = rng.Uniform(min_value, max_value);
  }
  if (format == "interview") {
    *input = {
        {"capacity", capacity}, {"weights", std::move(weights)}, {"values", std::move(values)}};
    return true;
  }
  std::string text = std::to_string(n) + " " + std::to_string(capacity) + "\n";
  for (long long i = 0; i < n; ++i)
    text += std::to_string(weights[i]) + " " + std::to_string(values[i]) + "\n";
  *input = std::move(text);
  return true;
}

}  // namespace judge
