// `judge import`: a Kattis / ICPC problem package (a folder, or a .zip/.kpp of one) made into a
// competitive problem of the workspace, judged by `run` and `verify` like any other:
//
//   problems/<slug>/problem.json, statement.md   limits, checker, the package's statement
//   problems/<slug>/output_validators/<name>/    the package's output validator (or interactor)
//   testcases/<slug>/NN-<group>.json             one file per data folder with .in/.ans files
//   solutions/<slug>/reference.<ext>             the first accepted submission, by file name
//   solutions/<slug>/<verdict>/                  the other submissions, by their folder's verdict
//
// Everything is written to a staging folder under the workspace root, checked there (the
// problem loads, its tests load, its validator compiles, the input validators accept every
// input), and only then renamed into place, so a failed import leaves nothing behind. An
// existing problem of the same slug is refused unless `force`, and then replaced.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "judge/problem/workspace.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

struct ImportOptions {
  std::filesystem::path package;  // a folder, or a .zip / .kpp archive of one
  std::string slug;               // empty: the package's folder or archive name
  bool force = false;             // replace a problem that has the same slug
};

struct ImportReport {
  std::string slug;
  std::string title;
  std::string checker;                                 // "tokens (ignore_case)", "validator ..."
  std::vector<std::pair<std::string, size_t>> groups;  // group name, cases
  std::vector<std::pair<std::string, size_t>> submissions;  // our verdict folder, files
  std::string reference;              // "submissions/accepted/sol.cpp", or empty
  int inputs_validated = 0;           // input validator runs, all accepted
  std::vector<std::string> warnings;  // parts left out: "submissions/slow/: ..."
};

bool ImportPackage(const Workspace& workspace, const ImportOptions& options, Sandbox& sandbox,
                   ImportReport* report, std::string* err);

}  // namespace judge
