// tokens: for competitive problems, whose expected and received values are whole stdout texts.
// Both are split on any whitespace and the tokens must be equal, so spacing, blank lines and a
// missing final newline do not matter while every character of every token does (up to the
// case of ASCII letters with "ignore_case": true).
#include <cctype>

#include "judge/check/checker.h"
#include "judge/check/json_diff.h"
#include "judge/check/split_tokens.h"
#include "judge/error.h"

namespace judge {
namespace {

using nlohmann::json;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string Quote(std::string_view token) { return AbbreviatedJson(json(std::string(token))); }

class TokensChecker : public Checker {
 public:
  explicit TokensChecker(bool ignore_case) : ignore_case_(ignore_case) {}

  CheckOutcome Check(const json& /*input*/, const json& expected,
                     const json& received) const override {
    if (!expected.is_string())
      return {false,
              "the expected answer is not text (the tokens checker compares program output)"};
    if (!received.is_string())
      return {false, "expected program output (a string), received " + DescribeValue(received)};
    std::vector<std::string_view> e = SplitTokens(expected.get_ref<const std::string&>());
    std::vector<std::string_view> r = SplitTokens(received.get_ref<const std::string&>());
    for (size_t i = 0; i < e.size() && i < r.size(); ++i) {
      if (!SameToken(e[i], r[i], ignore_case_))
        return {false, "token " + std::to_string(i + 1) + ": expected " + Quote(e[i]) +
                           ", received " + Quote(r[i])};
    }
    if (e.size() != r.size())
      return {false, "expected " + std::to_string(e.size()) +
                         (e.size() == 1 ? " token" : " tokens") + ", received " +
                         std::to_string(r.size())};
    return {true, ""};
  }

 private:
  bool ignore_case_;
};

}  // namespace

std::vector<std::string_view> SplitTokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && !IsSpace(text[i])) ++i;
    if (i > start) tokens.push_back(text.substr(start, i - start));
  }
  return tokens;
}

bool SameToken(std::string_view a, std::string_view b, bool ignore_case) {
  if (!ignore_case || a.size() != b.size()) return a == b;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

bool ReadIgnoreCase(const json& args, bool* out, std::string* err) {
  if (!args.contains("ignore_case")) return true;
  if (!args["ignore_case"].is_boolean())
    return Fail("checker.ignore_case: expected true or false", err);
  *out = args["ignore_case"].get<bool>();
  return true;
}

std::unique_ptr<Checker> MakeTokensChecker(const json& args,
                                           const std::filesystem::path& /*problem_dir*/,
                                           Sandbox& /*sandbox*/, std::string* err) {
  bool ignore_case = false;
  if (!ReadIgnoreCase(args, &ignore_case, err)) return nullptr;
  return std::make_unique<TokensChecker>(ignore_case);
}

}  // namespace judge
