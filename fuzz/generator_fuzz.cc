// The params of a generated test ("generated": [{"generator": ..., "params": {...}}]): every
// generator of the table is run on each input's params, with a seed from the input's length.
// Their errors name the param; what they make must be a JSON value the judge can write.
//
// Seeds: fuzz/corpus/generator/, one params object each.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz/fuzz_input.h"
#include "judge/testset/generators/generator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto params = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (params.is_discarded() || !judge_fuzz::SizesAreSmall(params)) return -1;
  static const std::vector<std::string> names = [] {  // the table's, from "a, b, c"
    std::vector<std::string> out;
    std::string list = judge::GeneratorNames();
    for (size_t start = 0, end; start < list.size(); start = end + 2) {
      end = std::min(list.find(", ", start), list.size());
      out.push_back(list.substr(start, end - start));
    }
    return out;
  }();
  for (const std::string& name : names) {
    judge::GeneratorFn generator = judge::FindGenerator(name);
    if (!generator) std::abort();
    judge::SplitMix64 rng(size);
    nlohmann::json input;
    std::string err;
    if (!generator(params, rng, &input, &err)) {
      if (err.empty()) std::abort();
      continue;
    }
    (void)input.dump();
  }
  return 0;
}
