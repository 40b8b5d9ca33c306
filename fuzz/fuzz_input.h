// What the fuzz targets share: the fuzzer's bytes as text split into the parts a seed file
// holds, and the bound on generated sizes. Header-only; each target is one process, one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace judge_fuzz {

// A seed with several parts writes them one after another with a line "---" between them:
// "a\n---\nb" is {"a", "b"}. Missing parts are empty.
inline std::vector<std::string> SplitParts(const uint8_t* data, size_t size, size_t count) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> parts;
  for (size_t i = 0; i + 1 < count; ++i) {
    const size_t end = text.find("\n---\n");
    if (end == std::string_view::npos) break;
    parts.emplace_back(text.substr(0, end));
    text.remove_prefix(end + 5);
  }
  parts.emplace_back(text);
  parts.resize(count);
  return parts;
}

// Generators accept sizes up to 10^7 or 10^8 elements, which is right for a test file and only
// slow under the fuzzer: an input asking for more than this many is skipped, not judged.
inline constexpr long long kMaxGeneratedSize = 10'000;

// False if `params` (a generator's) asks for more than kMaxGeneratedSize of anything.
inline bool SizesAreSmall(const nlohmann::json& params) {
  if (!params.is_object()) return true;
  for (const char* key : {"n", "ops", "initial"}) {
    auto it = params.find(key);
    if (it == params.end() || !it->is_number()) continue;
    const double size = it->get<double>();
    if (size > kMaxGeneratedSize) return false;
  }
  return true;
}

}  // namespace judge_fuzz
