#include "judge/stress/template_case_source.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "judge/error.h"
#include "judge/testset/test_loader.h"

namespace judge {
namespace {

constexpr int64_t kWidestWidth = int64_t{1} << 62;

// params[name] as an integer, or false when it is absent or not one.
bool IntParam(const nlohmann::json& params, const char* name, int64_t* out) {
  if (!params.is_object() || !params.contains(name) || !params[name].is_number_integer())
    return false;
  *out = params[name].get<int64_t>();
  return true;
}

int64_t RangeWidth(const nlohmann::json& params, const ValueRange& range) {
  int64_t lo = 0, hi = 0;
  if (!IntParam(params, range.min, &lo) || !IntParam(params, range.max, &hi) || hi < lo) return 0;
  const __int128 width = static_cast<__int128>(hi) - lo;
  return width > kWidestWidth ? kWidestWidth : static_cast<int64_t>(width);
}

int64_t Scaled(int64_t value, long double factor) {
  return static_cast<int64_t>(std::llround(static_cast<long double>(value) * factor));
}

// [lo, hi] narrowed to `factor` of its width, around the value nearest 0 it holds: small
// values read best, and a range of negatives stays negative.
void NarrowRange(nlohmann::json& params, const ValueRange& range, long double factor) {
  int64_t lo = 0, hi = 0;
  if (!IntParam(params, range.min, &lo) || !IntParam(params, range.max, &hi) || hi < lo) return;
  const __int128 width = static_cast<__int128>(hi) - lo;
  const __int128 narrow = std::clamp<__int128>(
      static_cast<__int128>(std::llround(static_cast<long double>(width) * factor)), 0, width);
  const __int128 anchor = std::clamp<__int128>(0, lo, hi);
  const __int128 new_lo = std::clamp<__int128>(anchor - narrow / 2, lo, hi - narrow);
  params[range.min] = static_cast<int64_t>(new_lo);
  params[range.max] = static_cast<int64_t>(new_lo + narrow);
}

}  // namespace

bool FindCaseTemplates(const std::vector<TestCase>& tests, std::vector<CaseTemplate>* out,
                       std::string* err) {
  out->clear();
  std::string unshaped;
  for (const TestCase& test : tests) {
    if (!test.generated || test.group == kPerformanceGroup) continue;
    const auto key = nlohmann::json::parse(test.generator_key);  // written by the test loader
    CaseTemplate t;
    t.test = test.name;
    t.generator = key.at("generator").get<std::string>();
    t.params = key.at("params");
    t.generate = FindGenerator(t.generator);
    t.shape = FindGeneratorShape(t.generator);
    if (!t.shape || !IntParam(t.params, t.shape->sizes.at(0), &t.size) || t.size < 0) {
      if (!t.shape) unshaped = t.generator;
      continue;
    }
    for (const ValueRange& range : t.shape->ranges)
      t.width = std::max(t.width, RangeWidth(t.params, range));
    out->push_back(std::move(t));
  }
  if (!out->empty()) return true;
  std::string why = "no generated tests outside the performance group to make small cases from";
  if (!unshaped.empty())
    why += " (the generator \"" + unshaped +
           "\" has no row in judge/stress/generator_shapes.cc, so it cannot be scaled down)";
  return Fail(why, err);
}

nlohmann::json ScaleParams(const CaseTemplate& source, int64_t size, int64_t width) {
  nlohmann::json params = source.params;
  const GeneratorShape& shape = *source.shape;
  const long double size_factor =
      source.size > 0 ? static_cast<long double>(size) / source.size : 1;
  params[shape.sizes[0]] = size;
  for (size_t i = 1; i < shape.sizes.size(); ++i) {
    int64_t value = 0;
    if (!IntParam(params, shape.sizes[i], &value) || value < 0) continue;
    params[shape.sizes[i]] =
        std::clamp<int64_t>(Scaled(value, size_factor), std::min<int64_t>(1, value), value);
  }
  if (shape.fixed_positions && params.contains("fixed") && params["fixed"].is_object())
    for (auto& member : params["fixed"]) {
      if (!member.is_number_integer()) continue;
      const int64_t value = member.get<int64_t>();
      if (value < 1 || value > source.size) continue;
      member = std::clamp<int64_t>(Scaled(value, size_factor), 1, std::max<int64_t>(1, size));
    }
  const long double value_factor =
      source.width > 0 ? static_cast<long double>(width) / source.width : 1;
  for (const ValueRange& range : shape.ranges) NarrowRange(params, range, value_factor);
  for (const char* bound : shape.bounds) {
    int64_t value = 0;
    if (IntParam(params, bound, &value)) params[bound] = Scaled(value, value_factor);
  }
  return params;
}

TemplateCaseSource::TemplateCaseSource(const Problem& problem, std::vector<CaseTemplate> templates,
                                       int64_t max_size, uint64_t seed)
    : problem_(problem),
      templates_(std::move(templates)),
      max_size_(max_size),
      shrink_seeds_(ShrinkSeeds(problem.style)),
      next_seed_(seed),
      next_shrink_seed_(seed + (uint64_t{1} << 40)) {}

bool TemplateCaseSource::Make(size_t index, int64_t size, int64_t width, uint64_t seed,
                              SmallCase* out, bool* made, std::string* err) const {
  const CaseTemplate& t = templates_[index];
  const nlohmann::json params = ScaleParams(t, size, width);
  SplitMix64 rng(seed);
  std::string refused;
  *made = t.generate(params, rng, &out->test.input, &refused);
  if (!*made) return true;
  if (!ValidateInput(problem_, out->test.input, err))
    return Fail(t.test + " scaled down: the generator made a bad input: " + *err, err);
  out->test.name = "stress/seed-" + std::to_string(seed);
  out->test.group = "stress";
  out->origin = t.generator + " " + params.dump() + " seed " + std::to_string(seed) +
                " (scaled down from " + t.test + ")";
  out->template_index = index;
  out->scaled_size = size;
  out->scaled_width = width;
  out->size = {size, width, InputTextLength(out->test.input)};
  out->seed = seed;
  return true;
}

bool TemplateCaseSource::Fresh(size_t count, std::vector<SmallCase>* out, std::string* err) {
  out->clear();
  // A few more seeds than cases: a scaled "distinct" array may not fit its narrowed values.
  for (size_t attempt = 0; out->size() < count && attempt < 4 * count; ++attempt) {
    const uint64_t seed = next_seed_++;
    SplitMix64 choose(~seed);
    const size_t index =
        static_cast<size_t>(choose.Uniform(0, static_cast<int64_t>(templates_.size()) - 1));
    const CaseTemplate& t = templates_[index];
    const int64_t size = choose.Uniform(std::min<int64_t>(1, t.size), std::min(t.size, max_size_));
    // Widths spread evenly over their powers of two: values of 0..3 find other mistakes than
    // values of 0..10^9, and the full range is one choice among them.
    const int bits = static_cast<int>(std::bit_width(static_cast<uint64_t>(t.width)));
    const int64_t power = choose.Uniform(0, bits);
    const int64_t width = power >= bits ? t.width : std::min(t.width, (int64_t{1} << power) - 1);
    SmallCase small;
    bool made = false;
    if (!Make(index, size, width, seed, &small, &made, err)) return false;
    if (!made && !Make(index, size, t.width, seed, &small, &made, err)) return false;
    if (made) out->push_back(std::move(small));
  }
  return true;
}

bool TemplateCaseSource::Candidate(size_t index, int64_t size, int64_t width,
                                   std::vector<SmallCase>* batch, std::string* err) {
  for (int i = 0; i < shrink_seeds_; ++i) {
    SmallCase small;
    bool made = false;
    if (!Make(index, size, width, next_shrink_seed_++, &small, &made, err)) return false;
    if (made) batch->push_back(std::move(small));
  }
  return true;
}

bool TemplateCaseSource::Smaller(const SmallCase& failing, std::vector<SmallCase>* batch,
                                 std::string* err) {
  batch->clear();
  const size_t index = failing.template_index;
  const int64_t least = std::min<int64_t>(1, templates_[index].size);
  const int64_t size = failing.scaled_size, width = failing.scaled_width;
  // Most ambitious first: fewer elements at these values, then narrower values at this size.
  std::vector<std::pair<int64_t, int64_t>> candidates;
  for (int64_t s : {least, size / 2, size - 1})
    if (s >= least && s < size) candidates.push_back({s, width});
  for (int64_t w : {int64_t{0}, width / 8, width / 2})
    if (w < width) candidates.push_back({size, w});
  for (const auto& [s, w] : candidates) {
    if (!tried_.insert({index, s, w}).second) continue;
    if (!Candidate(index, s, w, batch, err)) return false;
    if (!batch->empty()) return true;  // else the generator refused these params: the next
  }
  return true;
}

std::string TemplateCaseSource::ShrinkMethod() const {
  return "fewer elements, then narrower values, " + std::to_string(shrink_seeds_) +
         " fresh seeds per try";
}

}  // namespace judge
