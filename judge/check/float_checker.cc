// float: every number is within `abs` of the expected one, or within `rel` times the expected
// magnitude (defaults 1e-6 each); non-number values must be equal. Walks lists and objects.
//
// Competitive problems hand over stdout text: when both values are strings, they are split into
// tokens and each token that parses as a number on both sides is compared with the tolerance,
// every other token exactly (or without the case of ASCII letters with "ignore_case": true).
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "judge/check/checker.h"
#include "judge/check/json_diff.h"
#include "judge/check/split_tokens.h"
#include "judge/error.h"

namespace judge {
namespace {

using nlohmann::json;

constexpr double kDefaultTolerance = 1e-6;

std::string FormatError(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3g", value);
  return buffer;
}

std::optional<double> ParseNumber(std::string_view token) {
  double value = 0;
  auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (ec != std::errc() || end != token.data() + token.size()) return std::nullopt;
  return value;
}

std::string Quote(std::string_view token) { return AbbreviatedJson(json(std::string(token))); }

class FloatChecker : public Checker {
 public:
  FloatChecker(double abs, double rel, bool ignore_case)
      : abs_(abs), rel_(rel), ignore_case_(ignore_case) {}

  CheckOutcome Check(const json& /*input*/, const json& expected,
                     const json& received) const override {
    if (expected.is_string() && received.is_string())
      return CheckText(expected.get_ref<const std::string&>(),
                       received.get_ref<const std::string&>());
    auto compare = [this](const json& e, const json& r) -> std::optional<std::string> {
      if (NumbersEqual(e, r)) return std::nullopt;
      std::optional<std::string> error = Error(e.get<double>(), r.get<double>());
      if (!error) return std::nullopt;
      return "expected " + AbbreviatedJson(e) + ", received " + AbbreviatedJson(r) + " " + *error;
    };
    std::optional<JsonDifference> difference = FirstDifference(expected, received, compare);
    if (!difference) return {true, ""};
    return {false, difference->Reason()};
  }

 private:
  // nullopt when within tolerance, else "(error 0.0003, allowed 1e-06)".
  std::optional<std::string> Error(double e, double r) const {
    if (e == r) return std::nullopt;  // also equal infinities, whose difference is NaN
    double error = std::fabs(e - r);
    double allowed = std::max(abs_, rel_ * std::fabs(e));
    // Printing to exactly the tolerance (1.000001 for 1 with abs 1e-6) lands on the boundary;
    // the few ulps lost parsing decimal text must not decide the verdict.
    double slack = 4 * DBL_EPSILON * std::max(std::fabs(e), std::fabs(r));
    if (error <= allowed + slack) return std::nullopt;
    return "(error " + FormatError(error) + ", allowed " + FormatError(allowed) + ")";
  }

  CheckOutcome CheckText(const std::string& expected, const std::string& received) const {
    std::vector<std::string_view> e = SplitTokens(expected), r = SplitTokens(received);
    for (size_t i = 0; i < e.size() && i < r.size(); ++i) {
      if (SameToken(e[i], r[i], ignore_case_)) continue;
      std::string where = "token " + std::to_string(i + 1) + ": ";
      std::optional<double> en = ParseNumber(e[i]), rn = ParseNumber(r[i]);
      if (!en || !rn)
        return {false, where + "expected " + Quote(e[i]) + ", received " + Quote(r[i])};
      if (std::optional<std::string> error = Error(*en, *rn))
        return {false, where + "expected " + std::string(e[i].substr(0, 40)) + ", received " +
                           std::string(r[i].substr(0, 40)) + " " + *error};
    }
    if (e.size() != r.size())
      return {false, "expected " + std::to_string(e.size()) +
                         (e.size() == 1 ? " token" : " tokens") + ", received " +
                         std::to_string(r.size())};
    return {true, ""};
  }

  double abs_;
  double rel_;
  bool ignore_case_;
};

bool ReadTolerance(const json& args, const char* key, double* out, std::string* err) {
  if (!args.contains(key)) return true;
  const json& value = args[key];
  if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0)
    return Fail(std::string("checker.") + key + ": expected a non-negative number", err);
  *out = value.get<double>();
  return true;
}

}  // namespace

std::unique_ptr<Checker> MakeFloatChecker(const json& args,
                                          const std::filesystem::path& /*problem_dir*/,
                                          Sandbox& /*sandbox*/, std::string* err) {
  double abs = kDefaultTolerance, rel = kDefaultTolerance;
  bool ignore_case = false;
  if (!ReadTolerance(args, "abs", &abs, err) || !ReadTolerance(args, "rel", &rel, err) ||
      !ReadIgnoreCase(args, &ignore_case, err))
    return nullptr;
  return std::make_unique<FloatChecker>(abs, rel, ignore_case);
}

}  // namespace judge
