#include "judge/cli/judgement_printer.h"

#include <sstream>

#include "judge/json/short_json.h"

namespace judge::cli {
namespace {

constexpr size_t kShownChars = 300;

std::string FormatMemory(long kb) {
  char buffer[32];
  if (kb < 1024)
    std::snprintf(buffer, sizeof buffer, "%ld KB", kb);
  else
    std::snprintf(buffer, sizeof buffer, "%.1f MB", kb / 1024.0);
  return buffer;
}

std::string FormatTime(double ms) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, ms < 10 ? "%.2f ms" : "%.0f ms", ms);
  return buffer;
}

// Competitive outputs are text: show them as text, not as JSON strings full of \n.
std::string ShowValue(const nlohmann::json& value) {
  if (value.is_string()) {
    std::string text = value.get<std::string>();
    if (text.size() > kShownChars) text = text.substr(0, kShownChars) + "...";
    return text.find('\n') != std::string::npos && text.find('\n') + 1 < text.size() ? "\n" + text
                                                                                     : text;
  }
  return ShortJson(value, kShownChars);
}

void PrintIndented(FILE* out, const char* label, const std::string& text) {
  std::istringstream in(text);
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    std::fprintf(out, "  %-10s %s\n", first ? label : "", line.c_str());
    first = false;
  }
}

void PrintFailure(const TestResult& test, const Terminal& term, FILE* out) {
  std::fprintf(out, "\n%s on %s: %s\n", PaintVerdict(test.verdict, term).c_str(),
               term.Paint(test.name, Color::kBold).c_str(), test.reason.c_str());
  PrintIndented(out, "input:", ShowValue(test.input));
  if (!test.expected.is_null()) PrintIndented(out, "expected:", ShowValue(test.expected));
  if (!test.received.is_null()) PrintIndented(out, "received:", ShowValue(test.received));
  if (!test.debug_output.empty()) PrintIndented(out, "printed:", test.debug_output.substr(0, 1000));
}

}  // namespace

std::string PaintVerdict(Verdict verdict, const Terminal& terminal) {
  const std::string code(VerdictCode(verdict));
  switch (verdict) {
    case Verdict::kAccepted:
      return terminal.Paint(code, Color::kGreen);
    case Verdict::kTimeLimitExceeded:
    case Verdict::kMemoryLimitExceeded:
    case Verdict::kOutputLimitExceeded:
      return terminal.Paint(code, Color::kYellow);
    default:
      return terminal.Paint(code, Color::kRed);
  }
}

void PrintJudgement(const Judgement& judgement, const Terminal& term, FILE* out) {
  const std::string build =
      judgement.build.from_cache
          ? "cached build"
          : "built in " + std::to_string(static_cast<int>(judgement.build.seconds * 1000)) + " ms";
  std::fprintf(out, "%s  %s  %s  (%s)\n", term.Paint(judgement.problem, Color::kBold).c_str(),
               judgement.source.filename().c_str(), judgement.language.c_str(), build.c_str());
  if (judgement.verdict == Verdict::kCompileError) {
    std::fprintf(out, "\n%s %s\n", PaintVerdict(judgement.verdict, term).c_str(),
                 judgement.reason.c_str());
    std::fprintf(out, "%s", term.Paint(judgement.build.log, Color::kDim).c_str());
    return;
  }
  std::fprintf(out, "\n  %-34s %-7s %10s %10s\n", "test", "verdict", "time", "memory");
  size_t passed = 0;
  double max_time = 0;
  long max_memory = 0;
  for (const auto& test : judgement.tests) {
    const std::string verdict = PaintVerdict(test.verdict, term);
    // Width counts visible characters: pad the code, not the escape sequences around it.
    const std::string pad(7 - VerdictCode(test.verdict).size(), ' ');
    std::fprintf(out, "  %-34s %s%s %10s %10s\n", test.name.c_str(), verdict.c_str(), pad.c_str(),
                 FormatTime(test.time_ms).c_str(), FormatMemory(test.memory_kb).c_str());
    passed += test.verdict == Verdict::kAccepted;
    max_time = std::max(max_time, test.time_ms);
    max_memory = std::max(max_memory, test.memory_kb);
  }
  for (const auto& test : judgement.tests)
    if (test.verdict != Verdict::kAccepted) {
      PrintFailure(test, term, out);
      break;
    }
  const size_t skipped = judgement.total_tests - judgement.tests.size();
  std::fprintf(
      out, "\n%s %s  %zu/%zu tests passed%s, max %s, %s (limits %s, %s)\n",
      PaintVerdict(judgement.verdict, term).c_str(),
      term.Paint(std::string(VerdictName(judgement.verdict)), Color::kBold).c_str(), passed,
      judgement.total_tests,
      skipped ? (" (" + std::to_string(skipped) + " not run; --all runs them)").c_str() : "",
      FormatTime(max_time).c_str(), FormatMemory(max_memory).c_str(),
      FormatTime(judgement.limits.time_ms).c_str(),
      FormatMemory(judgement.limits.memory_kb).c_str());
  if (!judgement.sanitized_groups.empty()) {
    std::string groups;
    for (const auto& group : judgement.sanitized_groups)
      groups += (groups.empty() ? "" : ", ") + group;
    std::fprintf(out, "%s\n",
                 term.Paint("sanitized (AddressSanitizer, UBSan; time limit x3): " + groups +
                                "; --no-sanitize turns them off",
                            Color::kDim)
                     .c_str());
  }
}

}  // namespace judge::cli
