#include "judge/run/problem_program.h"

#include <algorithm>

#include "judge/error.h"
#include "judge/files/files.h"

namespace judge {
namespace {

namespace fs = std::filesystem;

// A header past this is not one a problem ships (testlib.h is 200 KB).
constexpr uintmax_t kMaxHeaderBytes = 4 << 20;

// The headers in the source's folder: what `#include "validate.h"` names.
bool FolderHeaders(const fs::path& source, std::vector<SourceFile>* out, std::string* err) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(source.parent_path(), ec)) {
    const std::string extension = entry.path().extension().string();
    if (extension != ".h" && extension != ".hpp" && extension != ".hh") continue;
    if (!entry.is_regular_file(ec) || entry.file_size(ec) > kMaxHeaderBytes) continue;
    SourceFile header{entry.path().filename().string(), ""};
    if (!ReadFile(entry.path(), &header.text, err)) return false;
    out->push_back(std::move(header));
  }
  if (ec) return Fail(source.parent_path().string() + ": cannot list: " + ec.message(), err);
  // Listing order is the file system's; the build key must not depend on it.
  std::sort(out->begin(), out->end(),
            [](const SourceFile& a, const SourceFile& b) { return a.name < b.name; });
  return true;
}

}  // namespace

bool BuildProblemProgram(const std::filesystem::path& source,
                         const std::filesystem::path& cache_dir, Sandbox& sandbox, Program* out,
                         std::string* err) {
  const LanguageInfo* language = LanguageForFile(source);
  if (!language) return Fail(source.string() + ": not a language the judge knows", err);
  std::string text;
  if (!ReadFile(source, &text, err)) return false;
  // Built as a stdin/stdout program: that is what a validator or an interactor is.
  Problem as_competitive;
  as_competitive.style = Style::kCompetitive;
  BuildRequest request{&as_competitive, text, source.filename().string(), cache_dir};
  if (!FolderHeaders(source, &request.headers, err)) return false;
  BuildResult build;
  if (!language->make()->Build(request, sandbox, &build, err)) return false;
  if (!build.compiled)
    return Fail(source.string() + ": does not compile: " + build.first_error, err);
  *out = build.program;
  return true;
}

}  // namespace judge
