// The checker's main (runner_main.h): linked with one problem's cases and the harness into
// build/gpu/<slug>_checker, and never with a submission, which it calls in the runner's process.
#include "gpu/harness/runner_main.h"

int main(int argc, char** argv) {
  return judge::gpu::RunnerMain(argc, argv, judge::gpu::kRunnerProblem, /*call=*/nullptr);
}
