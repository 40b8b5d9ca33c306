// unordered: the top-level lists are equal as multisets ("return the answers in any order").
// With "nested": true each element, itself a list, is a multiset too: combination problems,
// where [[2,2,3],[7]] and [[7],[3,2,2]] are the same answer.
//
// Elements are compared through a canonical key (their JSON text after number normalization,
// inner lists sorted when nested), so equal values count as equal however they were stored.
#include <algorithm>
#include <unordered_map>
#include <vector>

#include "judge/check/checker.h"
#include "judge/check/json_diff.h"

namespace judge {
namespace {

using nlohmann::json;

std::string KeyText(const json& normalized) {
  return normalized.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The first element of `from` that `against` lacks, counting duplicates; nullptr if none.
const json* FirstUnmatched(const json& from, const std::vector<std::string>& from_keys,
                           const std::vector<std::string>& against_keys) {
  std::unordered_map<std::string, long> available;
  for (const std::string& key : against_keys) ++available[key];
  for (size_t i = 0; i < from_keys.size(); ++i)
    if (available[from_keys[i]]-- <= 0) return &from[i];
  return nullptr;
}

class UnorderedChecker : public Checker {
 public:
  explicit UnorderedChecker(bool nested) : nested_(nested) {}

  CheckOutcome Check(const json& /*input*/, const json& expected,
                     const json& received) const override {
    if (!expected.is_array())
      return {false, "the expected answer is not a list (the unordered checker compares lists)"};
    if (!received.is_array())
      return {false, "expected a list, received " + DescribeValue(received)};
    std::vector<std::string> expected_keys = Keys(expected), received_keys = Keys(received);
    const json* missing = FirstUnmatched(expected, expected_keys, received_keys);
    const json* unexpected = FirstUnmatched(received, received_keys, expected_keys);
    if (!missing && !unexpected) return {true, ""};

    std::string reason;
    if (expected.size() != received.size()) {
      const char* unit = nested_ ? " list" : " element";
      reason = "received " + std::to_string(received.size()) + unit +
               (received.size() == 1 ? "" : "s") + ", expected " + std::to_string(expected.size());
    }
    if (missing)
      reason += (reason.empty() ? "" : "; ") + std::string("expected ") +
                AbbreviatedJson(*missing) + " is missing";
    if (unexpected)
      reason +=
          (reason.empty() ? "" : "; ") + std::string("unexpected ") + AbbreviatedJson(*unexpected);
    return {false, reason};
  }

 private:
  std::string Key(const json& element) const {
    json normalized = NormalizeNumbers(element);
    if (!nested_ || !normalized.is_array()) return KeyText(normalized);
    std::vector<std::string> inner;
    for (const json& value : normalized) inner.push_back(KeyText(value));
    std::sort(inner.begin(), inner.end());
    std::string key = "[";
    for (size_t i = 0; i < inner.size(); ++i) key += (i ? "," : "") + inner[i];
    return key + "]";
  }

  std::vector<std::string> Keys(const json& list) const {
    std::vector<std::string> keys;
    keys.reserve(list.size());
    for (const json& element : list) keys.push_back(Key(element));
    return keys;
  }

  bool nested_;
};

}  // namespace

std::unique_ptr<Checker> MakeUnorderedChecker(const json& args,
                                              const std::filesystem::path& /*problem_dir*/,
                                              Sandbox& /*sandbox*/, std::string* err) {
  bool nested = false;
  if (args.contains("nested")) {
    if (!args["nested"].is_boolean()) {
      *err = "checker.nested: expected true or false";
      return nullptr;
    }
    nested = args["nested"].get<bool>();
  }
  return std::make_unique<UnorderedChecker>(nested);
}

}  // namespace judge
