// Finds the first place where a received JSON value differs from the expected one and says so in
// one short line, for checkers' WA reasons: "at [2]: expected 7, received 8".
//
// Numbers compare by value whatever nlohmann stored them as (3 == 3u == 3.0); integers compare
// exactly, never through a double. Values in reasons are shortened (a few list elements, strings
// cut near 60 characters) so that a reason never grows with the size of the output.
// Everything here is a pure function of its arguments and safe to call from several threads.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace judge {

struct JsonDifference {
  std::string path;         // "[2][0]", "[1].name"; empty at the top level
  std::string description;  // "expected 7, received 8"

  // "at [2]: expected 7, received 8", or just the description at the top level.
  std::string Reason() const;
};

// Decides two numbers: nullopt when they count as equal, else the description of the mismatch.
// Lets the float checker reuse the walk with a tolerance.
using NumberComparison = std::function<std::optional<std::string>(const nlohmann::json& expected,
                                                                  const nlohmann::json& received)>;

// Exact numeric equality across integer, unsigned and float storage.
bool NumbersEqual(const nlohmann::json& a, const nlohmann::json& b);

// The first difference in document order, or nullopt when the values are equal. Number leaves
// are decided by `compare_numbers` (default: NumbersEqual).
std::optional<JsonDifference> FirstDifference(const nlohmann::json& expected,
                                              const nlohmann::json& received,
                                              const NumberComparison& compare_numbers = nullptr);

// A copy whose numbers are stored canonically (integral floats become integers), so that equal
// values dump to equal text: a sort or map key for multiset comparison.
nlohmann::json NormalizeNumbers(const nlohmann::json& value);

// Compact JSON text, shortened to one short line: `[1,2,3,4,5,...]`, `"abcd..."`.
std::string AbbreviatedJson(const nlohmann::json& value);

// "null", "bool", "int", "double", "string", "list", "object".
const char* JsonTypeName(const nlohmann::json& value);

// Type and shortened value, for type mismatches: `string "abc"`, `list [1,2]`, `null`.
std::string DescribeValue(const nlohmann::json& value);

}  // namespace judge
