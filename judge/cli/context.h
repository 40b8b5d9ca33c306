// What every subcommand shares: the global options (--root, --store), the exit code it sets, and
// opening what a command works on from them (the workspace and its problems, the store), each
// printing its own one-line error when it fails.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "judge/cli/exit_status.h"
#include "judge/problem/problem.h"
#include "judge/problem/workspace.h"
#include "judge/store/store.h"

namespace judge::cli {

struct Context {
  std::string root;   // --root
  std::string store;  // --store: a path or a postgresql:// URL; empty: DefaultStoreLocation()
  int exit_code = kExitAccepted;
};

// Finds the workspace and loads one problem; on failure prints why and returns false.
bool OpenProblem(const Context& context, const std::string& slug, Workspace* workspace,
                 Problem* problem);
// Finds the workspace and loads every problem; on failure prints why and returns false, with
// *problems holding those that did load.
bool OpenAllProblems(const Context& context, Workspace* workspace, std::vector<Problem>* problems);
// --store, else DefaultStoreLocation(): a path or a postgresql:// URL.
std::string StoreLocation(const Context& context);
// The default of every --jobs: one per core, at least one.
int OnePerCore();
// Opens --store (or the default store); on failure prints why and returns null.
std::unique_ptr<Store> OpenStore(const Context& context);
// For CPU commands given a GPU problem: says to use `judge gpu run`; returns kExitUsage.
int RefuseGpuProblem(const std::string& slug);

}  // namespace judge::cli
