// exact: the received value equals the expected one, numbers by value (3 equals 3.0).
// For competitive problems this compares the whole stdout text byte for byte, trailing newline
// included; such problems usually want "tokens".
#include "judge/check/checker.h"
#include "judge/check/json_diff.h"

namespace judge {
namespace {

class ExactChecker : public Checker {
 public:
  CheckOutcome Check(const nlohmann::json& /*input*/, const nlohmann::json& expected,
                     const nlohmann::json& received) const override {
    std::optional<JsonDifference> difference = FirstDifference(expected, received);
    if (!difference) return {true, ""};
    return {false, difference->Reason()};
  }
};

}  // namespace

std::unique_ptr<Checker> MakeExactChecker(const nlohmann::json& /*args*/,
                                          const std::filesystem::path& /*problem_dir*/,
                                          Sandbox& /*sandbox*/, std::string* /*err*/) {
  return std::make_unique<ExactChecker>();
}

}  // namespace judge
