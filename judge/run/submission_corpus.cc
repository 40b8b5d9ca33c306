#include "judge/run/submission_corpus.h"

#include <algorithm>

#include "judge/lang/language.h"

namespace judge {
namespace {

// Files directly in `dir` named `stem.<ext>` in a known language, sorted.
std::vector<std::filesystem::path> FilesWithStem(const std::filesystem::path& dir,
                                                 const std::string& stem) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& file : std::filesystem::directory_iterator(dir, ec))
    if (file.is_regular_file() && file.path().stem() == stem && LanguageForFile(file.path()))
      out.push_back(file.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<ExpectedSubmission> ListExpectedSubmissions(const Workspace& workspace,
                                                        const Problem& problem) {
  const auto dir = workspace.solutions() / problem.slug;
  std::vector<ExpectedSubmission> out;
  if (problem.style == Style::kGpu) return out;  // CUDA files: `judge gpu run` judges those
  if (std::filesystem::exists(dir / problem.reference))
    out.push_back({dir / problem.reference, Verdict::kAccepted, {}});
  for (const auto& file : FilesWithStem(dir, "reference"))
    if (file.filename() != problem.reference) out.push_back({file, Verdict::kAccepted, {}});
  for (const auto& file : FilesWithStem(dir, "brute_force"))
    out.push_back({file, Verdict::kAccepted, {kPerformanceGroup}});

  std::vector<ExpectedSubmission> found;
  std::error_code ec;
  for (const auto& folder : std::filesystem::directory_iterator(dir, ec)) {
    if (!folder.is_directory()) continue;
    const auto verdict = ParseVerdict(folder.path().filename().string());
    if (!verdict) continue;
    for (const auto& file : std::filesystem::directory_iterator(folder.path(), ec))
      if (file.is_regular_file() && LanguageForFile(file.path()))
        found.push_back({file.path(), *verdict, {}});
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.file < b.file; });
  out.insert(out.end(), found.begin(), found.end());
  return out;
}

}  // namespace judge
