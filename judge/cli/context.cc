#include "judge/cli/context.h"

#include <algorithm>
#include <thread>

namespace judge::cli {

std::unique_ptr<Store> OpenStore(const Context& context) {
  std::string err;
  auto store = Store::Open(StoreLocation(context), &err);
  if (!store) PrintError("--store: " + err);
  return store;
}

int OnePerCore() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

std::string StoreLocation(const Context& context) {
  return context.store.empty() ? DefaultStoreLocation() : context.store;
}

int RefuseGpuProblem(const std::string& slug) {
  return PrintError(slug + " is a GPU problem: judge a .cu file with `judge gpu run " + slug +
                    " FILE` (judge show " + slug + " has the entry point)");
}

bool OpenProblem(const Context& context, const std::string& slug, Workspace* workspace,
                 Problem* problem) {
  std::string err;
  if (!FindWorkspace(context.root, workspace, &err)) {
    PrintError(err);
    return false;
  }
  const auto dir = workspace->problems() / slug;
  if (!std::filesystem::exists(dir / "problem.json")) {
    PrintError("no problem \"" + slug + "\" (see judge list)");
    return false;
  }
  if (!LoadProblem(dir, problem, &err)) {
    PrintError(err);
    return false;
  }
  return true;
}

bool OpenAllProblems(const Context& context, Workspace* workspace, std::vector<Problem>* problems) {
  std::string err;
  if (FindWorkspace(context.root, workspace, &err) &&
      LoadAllProblems(workspace->problems(), problems, &err))
    return true;
  PrintError(err);
  return false;
}

}  // namespace judge::cli
