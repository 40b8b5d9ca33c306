#include "judge/cli/stress_printer.h"

#include <sstream>

#include "judge/cli/judgement_printer.h"
#include "judge/json/short_json.h"

namespace judge::cli {
namespace {

constexpr size_t kShownChars = 2000;  // a shrunk case is small; a person's generator may not be

std::string Format(const char* format, double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

std::string Rate(size_t cases, double seconds) {
  return seconds > 0 ? Format("%.0f", cases / seconds) + " cases/s" : "-";
}

// Competitive inputs and answers are text, shown as their lines; interview ones as JSON.
void PrintValue(FILE* out, const std::string& label, const nlohmann::json& value) {
  std::fprintf(out, "  %s\n", label.c_str());
  std::string text = value.is_string() ? value.get<std::string>() : ShortJson(value, kShownChars);
  if (text.size() > kShownChars)
    text = text.substr(0, kShownChars) + "... (" + std::to_string(text.size() - kShownChars) +
           " more bytes)";
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) std::fprintf(out, "    %s\n", line.c_str());
  if (text.empty()) std::fprintf(out, "    (nothing)\n");
}

const char* StopWords(StressStop stop) {
  switch (stop) {
    case StressStop::kCount:
      return "the count was reached";
    case StressStop::kTime:
      return "the time limit was reached";
    case StressStop::kInterrupted:
      return "interrupted";
    case StressStop::kDisagreement:
      return "a disagreement";
  }
  return "";
}

void PrintDisagreement(const StressResult& r, const std::string& file, const std::string& brute,
                       const Terminal& term, FILE* out) {
  std::fprintf(out, "Case %zu disagrees (after %s).", r.tried, Format("%.1f s", r.seconds).c_str());
  if (r.shrink_steps > 0)
    std::fprintf(out, " Shrunk in %d step%s", r.shrink_steps, r.shrink_steps == 1 ? "" : "s");
  else
    std::fprintf(out, " Nothing smaller failed");
  std::fprintf(out, " (%zu more cases, %zu of them failing, %s%s):\n  %s\n\n", r.shrink_tried,
               r.shrink_failed, Format("%.1f s", r.shrink_seconds).c_str(),
               r.shrink_interrupted ? ", interrupted" : "", r.shrink_method.c_str());
  PrintValue(out, "input:", r.minimal.test.input);
  PrintValue(out, "brute force (" + brute + "):", r.minimal.test.expected);
  std::string yours = "yours (" + file + "): " + PaintVerdict(r.verdict.verdict, term);
  if (!r.verdict.reason.empty()) yours += ", " + r.verdict.reason;
  if (r.verdict.received.is_null()) {
    std::fprintf(out, "  %s\n", yours.c_str());
  } else {
    PrintValue(out, yours, r.verdict.received);
  }
  std::fprintf(out, "  %s\n    %s\n\n", "made by:", r.minimal.origin.c_str());
  std::fprintf(out, "%s  disagreement found after %zu cases (%s)\n",
               PaintVerdict(r.verdict.verdict, term).c_str(), r.tried,
               Rate(r.tried, r.seconds).c_str());
}

}  // namespace

std::string ProgressText(const StressProgress& p) {
  std::string text = std::to_string(p.tried) + " cases, " + Rate(p.tried, p.seconds) + ", " +
                     Format("%.1f s", p.seconds);
  if (p.shrinking)
    text = "shrinking: " + std::to_string(p.shrink_steps) +
           (p.shrink_steps == 1 ? " step, " : " steps, ") + Format("%.1f s", p.seconds);
  return text;
}

void PrintStressResult(const StressResult& r, const std::string& file, const std::string& brute,
                       const Terminal& term, FILE* out) {
  if (r.skipped > 0)
    std::fprintf(out, "%zu cases skipped: the brute force could not answer them (the first: %s)\n",
                 r.skipped, r.skip_reason.c_str());
  if (r.stop == StressStop::kDisagreement) return PrintDisagreement(r, file, brute, term, out);
  std::fprintf(out, "%s  no disagreement in %zu cases (%s, %s; stopped: %s)\n",
               term.Paint("OK", Color::kGreen).c_str(), r.tried,
               Format("%.1f s", r.seconds).c_str(), Rate(r.tried, r.seconds).c_str(),
               StopWords(r.stop));
}

}  // namespace judge::cli
