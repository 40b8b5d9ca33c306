// The main of every GPU runner. A runner is runner_main.o (runner_main.cc's main, linked first
// so that it pulls the problem out of its archive), one problem's lib<slug>_runner.a (its
// kRunnerProblem and cases), the harness and one submission's object file, linked by
// `judge gpu run` (judge/gpu/runner_build.cc). The protocol between the judge and a runner is
// gpu/PROTOCOL.md:
//
//   runner --cases FILE --out FILE --seed N [--trials N] [--warmup N] [--repetitions N]
//
// For each case in FILE (a JSON array of {"name", "group", "timed", "spec"}), in order:
//   1. correctness: `trials` times, fresh inputs from a seed derived from --seed (which the judge
//      draws from /dev/urandom, so a submission cannot know it), outputs poisoned, one run, a
//      device-wide synchronisation, then Check;
//   2. if "timed": `warmup` runs, then `repetitions` timed runs, each on fresh inputs with L2
//      flushed, timed with CUDA events around cudaDeviceSynchronize (side streams cannot hide
//      work); then the output of the last timed run is checked again.
// One JSON line per case is appended to --out and flushed as soon as the case ends, so a runner
// killed for time leaves the finished cases behind.
#pragma once

#include "gpu/harness/gpu_problem.h"

namespace judge::gpu {

// Runner exit codes (gpu/PROTOCOL.md).
constexpr int kRunnerDone = 0;           // every case has a line in --out
constexpr int kRunnerNoDevice = 3;       // no CUDA device; one line on stderr says why
constexpr int kRunnerCudaError = 4;      // a CUDA error ended the run; its case's line says RE
constexpr int kRunnerBadUsage = 5;       // bad arguments or case file; one line on stderr
constexpr int kRunnerInternalError = 6;  // the harness failed its own checks; one line on stderr

// The runner's whole run for `problem`; main() calls it with kRunnerProblem.
int RunnerMain(int argc, char** argv, const GpuProblem& problem);

}  // namespace judge::gpu
