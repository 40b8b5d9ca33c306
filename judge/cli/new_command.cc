// judge new SLUG [--lang L] [-o FILE]: a starter file to fill in (the signature, or a main).
#include <cstdio>

#include "judge/cli/commands.h"
#include "judge/files/files.h"
#include "judge/lang/language.h"

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
  if (problem.style == Style::kGpu) return RefuseGpuProblem(options.slug);
  const LanguageInfo* language = FindLanguage(options.language);
  if (!language) return PrintError("--lang: unknown language \"" + options.language + "\"");
  std::string err;
  if (!CanJudge(*language, problem, &err)) return PrintError(err);
  const std::string text = language->make()->Starter(problem);
  const std::string file =
      options.output.empty() ? options.slug + language->extensions.front() : options.output;
  if (std::filesystem::exists(file) && !options.force)
    return PrintError(file + " already exists (use --force to overwrite)");
  if (!WriteFileAtomic(file, text, &err)) return PrintError(err);
  std::printf("wrote %s; judge it with: judge run %s %s\n", file.c_str(), options.slug.c_str(),
              file.c_str());
  return kExitAccepted;
}

}  // namespace

void SetupNewCommand(CLI::App* command, Context* context) {
  auto options = std::make_shared<NewOptions>();
  command->add_option("slug", options->slug, "The problem")->required();
  command->add_option("--lang", options->language, "The language (default: cpp)")
      ->check(CLI::IsMember(LanguageNames()));
  command->add_option("-o,--output", options->output,
                      "File to write (default: SLUG and the language's extension)");
  command->add_flag("--force", options->force, "Overwrite an existing file");
  command->callback([context, options] { context->exit_code = RunNew(*context, *options); });
}

}  // namespace judge::cli
