#include "judge/timing/growth_run.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>

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

long Level2CacheKb() {
  const long bytes = sysconf(_SC_LEVEL2_CACHE_SIZE);
  if (bytes > 0) return bytes / 1024;
  std::ifstream in("/sys/devices/system/cpu/cpu0/cache/index2/size");  // "1024K"
  long kb = 0;
  return in >> kb && kb > 0 ? kb : 512;
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
    for (int pass = 0; pass < kGrowthPasses; ++pass) {
      TestCase test;
      test.group = "growth";
      test.name = "growth/" + std::to_string(size) + "/" + std::to_string(pass + 1);
      SplitMix64 rng(key.at("seed").get<uint64_t>() + static_cast<uint64_t>(pass));
      if (!generate(params, rng, &test.input, err))
        return Fail(
            where + "scale: " + spec.test + " at size " + std::to_string(size) + ": " + *err, err);
      sized.passes.push_back(std::move(test));
    }
    const auto& input = sized.passes[0].input;  // stdin text, or the arguments
    sized.input_kb = static_cast<long>(
        (input.is_string() ? input.get_ref<const std::string&>().size() : input.dump().size()) /
        1024);
    out->push_back(std::move(sized));
  }
  return true;
}

bool MeasureGrowth(const Problem& problem, const std::vector<SizedTest>& sized, const Timed& side,
                   Sandbox& sandbox, std::vector<GrowthPoint>* out, std::string* err) {
  std::vector<GrowthPoint> points(sized.size());
  size_t end = sized.size();  // sizes from here on are not run
  for (int pass = 0; pass < kGrowthPasses; ++pass) {
    // One size per run: a competitive program's runs go on past a failing test, and the time
    // limit of each is worth not paying twice.
    for (size_t i = 0; i < end; ++i) {
      std::vector<Execution> runs;
      if (!Execute(problem, side.program, {&sized[i].passes[pass]}, side.limits, sandbox, &runs,
                   err))
        return false;
      if (runs.empty() || runs[0].outcome != Execution::Outcome::kReturned) {
        end = i;
        break;
      }
      GrowthPoint& point = points[i];
      point.size = sized[i].size;
      point.input_kb = sized[i].input_kb;
      point.time_ms = pass == 0 ? runs[0].time_ms : std::min(point.time_ms, runs[0].time_ms);
      point.memory_kb = std::max(point.memory_kb, runs[0].memory_kb);
      if (runs[0].time_ms > kGrowthBudgetMs) {
        end = i + 1;
        break;
      }
    }
  }
  points.resize(end);
  *out = std::move(points);
  return true;
}

GrowthFit FitMeasuredGrowth(const std::vector<GrowthPoint>& points) {
  static const long cache_kb = Level2CacheKb();
  return FitGrowth(points, kGrowthFloorMs, "n", cache_kb);
}

}  // namespace judge
