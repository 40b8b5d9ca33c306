// heap_ops: a sequence of operations on a min-heap design class (LeetCode's design-problem
// shape), never popping an empty heap; see problems/FORMAT.md.
#include <string>
#include <vector>

#include "judge/json/field_reader.h"
#include "judge/testset/generators/generator.h"

namespace judge {
namespace {

// Operations in a fixed order: the weighted draw below depends on it.
const char* const kOperations[] = {"push", "pop", "peek", "pushpop", "replace", "size"};

}  // namespace

bool GenerateHeapOps(const nlohmann::json& params, SplitMix64& rng, nlohmann::json* input,
                     std::string* err) {
  FieldReader reader(params, "params", err);
  std::string class_name = "MinHeap";
  long long ops = 0, initial = 0, lo = 0, hi = 0;
  const nlohmann::json* weights_json = nullptr;
  if (!reader.IsObject() || !reader.String("class", kOptional, &class_name) ||
      !reader.Int64("ops", kRequired, &ops) || !reader.Int64("initial", kOptional, &initial) ||
      !reader.Int64("min", kRequired, &lo) || !reader.Int64("max", kRequired, &hi) ||
      !reader.Object("weights", kRequired, &weights_json))
    return false;
  if (ops < 0 || ops > 10'000'000) return reader.Reject("params.ops", "an integer in 0..10^7");
  if (initial < 0 || initial > 10'000'000)
    return reader.Reject("params.initial", "an integer in 0..10^7");
  if (lo > hi) return reader.Reject("params.max", "a value not below params.min");
  std::vector<long long> weights;
  long long total = 0;
  for (const char* op : kOperations) {
    FieldReader w(*weights_json, "params.weights", err);
    long long weight = 0;
    if (!w.Int64(op, kOptional, &weight)) return false;
    if (weight < 0) return w.Reject(w.FieldName(op), "a non-negative integer");
    weights.push_back(weight);
    total += weight;
  }
  if (total <= 0) return reader.Reject("params.weights", "at least one positive weight");

  nlohmann::json operations = nlohmann::json::array({class_name});
  nlohmann::json arguments = nlohmann::json::array();
  long long size = initial;
  if (initial > 0) {
    std::vector<long long> start(static_cast<size_t>(initial));
    for (auto& v : start) v = rng.Uniform(lo, hi);
    arguments.push_back(nlohmann::json::array({start}));
  } else {
    arguments.push_back(nlohmann::json::array());
  }
  for (long long i = 0; i < ops; ++i) {
    // Draw an operation by weight; one that needs a non-empty heap becomes a push instead.
    long long pick = rng.Uniform(0, total - 1);
    size_t op = 0;
    while (pick >= weights[op]) pick -= weights[op++];
    const std::string name = kOperations[op];
    const bool needs_item = name == "pop" || name == "peek" || name == "replace";
    const std::string chosen = needs_item && size == 0 ? "push" : name;
    operations.push_back(chosen);
    if (chosen == "push" || chosen == "pushpop" || chosen == "replace") {
      arguments.push_back(nlohmann::json::array({rng.Uniform(lo, hi)}));
    } else {
      arguments.push_back(nlohmann::json::array());
    }
    if (chosen == "push") ++size;
    if (chosen == "pop") --size;
  }
  *input = {{"operations", std::move(operations)}, {"arguments", std::move(arguments)}};
  return true;
}

}  // namespace judge
