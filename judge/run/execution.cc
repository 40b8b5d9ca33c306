#include "judge/run/execution.h"

namespace judge {

bool Execute(const Problem& problem, const Program& program,
             const std::vector<const TestCase*>& tests, const ExecutionLimits& limits,
             Sandbox& sandbox, std::vector<Execution>* out, std::string* err,
             const Program* interactor) {
  if (problem.style == Style::kInterview)
    return ExecuteInterview(problem, program, tests, limits, sandbox, out, err);
  return ExecuteCompetitive(problem, program, tests, limits, sandbox, interactor, out, err);
}

std::string HarnessLine(const Signature& signature, const nlohmann::json& input) {
  // Dumped piece by piece: copying a 10^6-element argument into a new array costs more than
  // writing it.
  if (signature.is_design)
    return "[" + input.at("operations").dump() + "," + input.at("arguments").dump() + "]";
  std::string line = "[";
  for (const auto& param : signature.methods.at(0).params) {
    if (line.size() > 1) line += ',';
    line += input.at(param.name).dump();
  }
  return line + "]";
}

std::string Shorten(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  return text.substr(0, max_bytes) + "... (" + std::to_string(text.size() - max_bytes) +
         " more bytes)";
}

}  // namespace judge
