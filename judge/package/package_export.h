// `judge export`: one of the workspace's competitive problems written as a Kattis / ICPC problem
// package, the inverse of package_import.h:
//
//   problem.yaml                  name, limits (time_limit in seconds, memory and output in
//                                 MiB), validation and the default validator's flags
//   .timelimit                    the time limit again, for tools of the legacy format
//   problem_statement/problem.md  statement.md
//   data/sample/                  the group named samples (or sample)
//   data/secret/<group>/          every other group, in order; generated cases written out with
//                                 their answers (the reference's, from the answer cache)
//   submissions/<verdict>/        the references (in accepted/) and the kept submissions
//   output_validators/<name>/     a validator checker's folder
//
// Interview and GPU problems have no package form and are refused, as is a `custom` checker
// (it follows the judge's own convention, not the format's). The package is written to a
// staging folder beside the target and renamed into place; an existing target is refused.
#pragma once

#include <filesystem>
#include <string>

#include "judge/problem/problem.h"
#include "judge/problem/workspace.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

struct ExportOptions {
  std::filesystem::path out_dir = ".";
  bool zip = false;  // <out_dir>/<slug>.zip instead of the folder <out_dir>/<slug>
};

struct ExportReport {
  std::filesystem::path written;
  size_t tests = 0;
  size_t submissions = 0;
};

bool ExportPackage(const Workspace& workspace, const Problem& problem, const ExportOptions& options,
                   Sandbox& sandbox, ExportReport* report, std::string* err);

}  // namespace judge
