// The single-process runner's main (runner_main.h): linked first, with a submission, so that its
// references pull the problem's cases (kRunnerProblem) and call side (kProblemCall) out of
// lib<slug>_runner.a. The fallback where the checker cannot lend device memory (PROTOCOL.md).
#include "gpu/harness/runner_main.h"

int main(int argc, char** argv) {
  return judge::gpu::RunnerMain(argc, argv, judge::gpu::kRunnerProblem, &judge::gpu::kProblemCall);
}
