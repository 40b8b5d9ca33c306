// The timing figures of a `judge run --bench`, for a person (text) and for scripts (JSON).
#pragma once

#include <cstdio>
#include <optional>

#include <nlohmann/json.hpp>

#include "judge/cli/terminal.h"
#include "judge/problem/problem.h"
#include "judge/timing/bench.h"

namespace judge::cli {

// `faster_than` is the percentage of accepted entries this run beats, when known.
void PrintBench(const Problem& problem, const BenchResult& bench, std::optional<double> faster_than,
                const Terminal& terminal, FILE* out);
nlohmann::json BenchToJson(const Problem& problem, const BenchResult& bench, std::optional<double> faster_than);

// "n log n, fairly sure (0.74; n fits 3.8x worse)": what the fit says and how sure it is.
std::string DescribeFit(const GrowthFit& fit);

}  // namespace judge::cli
