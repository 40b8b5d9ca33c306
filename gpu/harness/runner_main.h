// The main of the checker and of the single-process runner (gpu/PROTOCOL.md):
//
//   checker --cases FILE --out FILE      fd 0: its end of the socket to the runner's process
//   runner --cases FILE --out FILE       stdin: the secrets line (the single-process fallback)
//
// The checker (checker_main.cc, linked with one problem's lib<slug>_runner.a and the harness,
// never with a submission) lends each case's buffers to the runner's process (call_main.cc plus
// the submission) and asks it for one call at a time; the single-process runner (runner_main.cc)
// is linked with the submission and calls it itself. Both then judge alike (runner_loop.cu):
// for each case in FILE (a JSON array of {"name", "group", "timed", "spec"}), in order:
//   1. correctness: `trials` times, fresh inputs from a seed derived from the secret seed (which
//      the judge draws from /dev/urandom, so a submission cannot know it), outputs poisoned, one
//      call, then Check;
//   2. if "timed": `warmup` calls, then `repetitions` timed calls, each on fresh inputs with L2
//      flushed and checked right after it returns; then the output of the last timed call is
//      checked again in full.
// One JSON line per case is appended to --out and flushed as soon as the case ends, so a run
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
// The checker only:
constexpr int kRunnerStoppedAnswering = 7;  // the runner's process ended or broke the protocol
constexpr int kCannotShareMemory = 8;       // the driver cannot lend device memory to a process

// The whole run for `problem` (kRunnerProblem). `call`: the submission's entry point, linked into
// this process (the single-process runner); null for the checker, whose submission is in the
// runner's process at the other end of fd 0.
int RunnerMain(int argc, char** argv, const GpuProblem& problem, const ProblemCall* call);

}  // namespace judge::gpu
