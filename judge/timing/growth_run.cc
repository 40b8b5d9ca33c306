#include "judge/timing/growth_run.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "judge/error.h"
#include "judge/run/execution.h"
#include "judge/testset/generators/generator.h"

namespace judge {
namespace {

// params["n"] or, for "fixed.k", params["fixed"]["k"]; nullptr when absent or not an integer.
nlohmann::json* ScaledParam(nlohmann::json& params, const std::string& name) {
  nlohmann::json* at = &params;
  size_t start = 0;
  while (true) {
    const size_t dot = name.find('.', start);
    const std::string key =
        name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!at->is_object() || !at->contains(key)) return nullptr;
    at = &(*at)[key];
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return at->is_number_integer() ? at : nullptr;
}

}  // namespace

bool MakeGrowthTests(const Problem& problem, const std::vector<TestCase>& tests,
                     std::vector<SizedTest>* out, std::string* err) {
  const GrowthSpec& spec = *problem.growth;
  const std::string where = (problem.dir / "problem.json").string() + ": growth.";
  const auto base = std::find_if(tests.begin(), tests.end(),
                                 [&](const TestCase& t) { return t.name == spec.test; });
  if (base == tests.end() || !base->generated)
    return Fail(where + "test: expected the name of a generated test (got \"" + spec.test + "\")",
                err);
  // generator_key is the JSON text {"generator", "params", "seed"} of the case.
  const auto key = nlohmann::json::parse(base->generator_key);
  const GeneratorFn generate = FindGenerator(key.at("generator").get<std::string>());
  for (int step = kGrowthSteps - 1; step >= 0; --step) {
    nlohmann::json params = key.at("params");
    int64_t size = 0;
    for (const auto& name : spec.scale) {
      nlohmann::json* value = ScaledParam(params, name);
      if (!value)
        return Fail(where + "scale: \"" + name + "\" is not an integer param of " + spec.test, err);
      const auto scaled = std::max<int64_t>(
          1, std::llround(value->get<double>() / static_cast<double>(1LL << step)));
      *value = scaled;
      if (size == 0) size = scaled;
    }
    if (!out->empty() && out->back().size == size) continue;  // tiny tests: sizes collide
    SizedTest sized;
    sized.size = size;
    sized.test.group = "growth";
    sized.test.name = "growth/" + std::to_string(size);
    SplitMix64 rng(key.at("seed").get<uint64_t>());
    if (!generate(params, rng, &sized.test.input, err))
      return Fail(where + "scale: " + spec.test + " at size " + std::to_string(size) + ": " + *err,
                  err);
    for (int r = 0; r < kGrowthRepeats; ++r) out->push_back(sized);
  }
  return true;
}

bool MeasureGrowth(const Problem& problem, const std::vector<SizedTest>& sized, const Timed& side,
                   Sandbox& sandbox, std::vector<GrowthPoint>* out, std::string* err) {
  std::vector<const TestCase*> tests;
  for (const auto& s : sized) tests.push_back(&s.test);
  std::vector<Execution> runs;
  if (!Execute(problem, side.program, tests, side.limits, sandbox, &runs, err)) return false;
  std::map<int64_t, std::vector<double>> times;  // by size, only what returned
  for (size_t i = 0; i < runs.size(); ++i) {
    if (runs[i].outcome != Execution::Outcome::kReturned) break;
    times[sized[i].size].push_back(runs[i].time_ms);
  }
  out->clear();
  for (const auto& [size, ms] : times) out->push_back({size, Median(ms)});
  return true;
}

}  // namespace judge
