#include "judge/stress/generator_shapes.h"

namespace judge {
namespace {

struct ShapeRow {
  const char* generator;  // its name in judge/testset/generators/generator_table.cc
  GeneratorShape shape;
};

// The params each generator reads are in problems/FORMAT.md.
const ShapeRow kShapes[] = {
    {"int_array", {{"n"}, {{"min", "max"}}, {}, true}},
    {"knapsack_items",
     {{"n"}, {{"min_weight", "max_weight"}, {"min_value", "max_value"}}, {"capacity"}, false}},
    {"heap_ops", {{"ops", "initial"}, {{"min", "max"}}, {}, false}},
};

}  // namespace

const GeneratorShape* FindGeneratorShape(const std::string& generator) {
  for (const auto& row : kShapes)
    if (generator == row.generator) return &row.shape;
  return nullptr;
}

}  // namespace judge
