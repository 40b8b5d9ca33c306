// judge new SLUG [--lang cpp|python] [-o FILE]: a starter file with the signature to fill in.
#include <cstdio>

#include "judge/cli/commands.h"
#include "judge/harness/starter.h"
#include "judge/lang/language.h"
#include "judge/util/files.h"

namespace judge::cli {
namespace {

struct NewOptions {
  std::string slug;
  std::string language = "cpp";
  std::string output;
  bool force = false;
};

int RunNew(const Context& context, const NewOptions& options) {
  Workspace workspace;
  Problem problem;
  if (!OpenProblem(context, options.slug, &workspace, &problem)) return kExitUsage;
  if (problem.style == Style::kGpu) return FailGpuProblem(options.slug);
  const LanguageInfo* language = FindLanguage(options.language);
  if (!language) return Fail("--lang: unknown language \"" + options.language + "\"");
  std::string text;
  if (problem.style == Style::kInterview) {
    text = StarterSource(problem.signature, language->name);
  } else {
    text = options.language == "cpp"
               ? "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    \n}\n"
               : "import sys\n\n\ndef main():\n    data = sys.stdin.read().split()\n\n\nmain()\n";
  }
  const std::string file =
      options.output.empty() ? options.slug + language->extensions.front() : options.output;
  if (std::filesystem::exists(file) && !options.force)
    return Fail(file + " already exists (use --force to overwrite)");
  std::string err;
  if (!WriteFileAtomic(file, text, &err)) return Fail(err);
  std::printf("wrote %s; judge it with: judge run %s %s\n", file.c_str(), options.slug.c_str(),
              file.c_str());
  return kExitAccepted;
}

}  // namespace

void SetupNewCommand(CLI::App* command, Context* context) {
  auto options = std::make_shared<NewOptions>();
  command->add_option("slug", options->slug, "The problem")->required();
  command->add_option("--lang", options->language, "cpp or python")
      ->check(CLI::IsMember(LanguageNames()));
  command->add_option("-o,--output", options->output, "File to write (default: SLUG.cpp / SLUG.py)");
  command->add_flag("--force", options->force, "Overwrite an existing file");
  command->callback([context, options] { context->exit_code = RunNew(*context, *options); });
}

}  // namespace judge::cli
