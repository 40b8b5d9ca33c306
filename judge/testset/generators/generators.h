// Declarations of the generators listed in judge/testset/generator.cc, one per file here.
#pragma once

#include "judge/testset/generator.h"

namespace judge {

bool GenerateIntArray(const nlohmann::json& params, SplitMix64& rng, nlohmann::json* input,
                      std::string* err);

bool GenerateKnapsackItems(const nlohmann::json& params, SplitMix64& rng, nlohmann::json* input,
                           std::string* err);
bool GenerateHeapOps(const nlohmann::json& params, SplitMix64& rng, nlohmann::json* input,
                     std::string* err);

}  // namespace judge
