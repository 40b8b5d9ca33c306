#include "judge/testset/generators/generator.h"

namespace judge {

// One per file in this folder, defined there.
Generator GenerateIntArray;
Generator GenerateKnapsackItems;
Generator GenerateHeapOps;

namespace {

struct GeneratorRow {
  const char* name;
  GeneratorFn fn;
};

constexpr GeneratorRow kGenerators[] = {
    {"int_array", &GenerateIntArray},
    {"knapsack_items", &GenerateKnapsackItems},
    {"heap_ops", &GenerateHeapOps},
};

}  // namespace

GeneratorFn FindGenerator(const std::string& name) {
  for (const auto& row : kGenerators)
    if (name == row.name) return row.fn;
  return nullptr;
}

std::string GeneratorNames() {
  std::string names;
  for (const auto& row : kGenerators) names += (names.empty() ? "" : ", ") + std::string(row.name);
  return names;
}

}  // namespace judge
