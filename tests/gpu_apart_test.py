#!/usr/bin/env python3
"""The checker and the runner apart (gpu/PROTOCOL.md, "Two processes"), on any machine with nvcc:

    python3 tests/gpu_apart_test.py --build build

- What each process holds: a runner linked from call_main.o and a submission has the entry point
  and none of the harness's inputs, references, checks or timing; the checker has all of those and
  no entry point. So no line of the submission's process's code can write a result.
- The runner keeps to the protocol: a case whose buffers and descriptors do not match, or a call
  before any case, is answered with an error; a message the protocol does not have ends it (5); the
  checker's end closing ends it cleanly (0); what it reads on stdin is nothing.
- The checker takes its secrets only as the first message on its socket: without one it exits 5;
  with one, and no device here, 3.
Exits 0 when all of that holds, 1 with the first failure, 77 (skipped) without nvcc.
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "gpu", "kit"))
import cuda_paths  # noqa: E402

SKIP = 77
SUBMISSION = os.path.join(REPO, "solutions", "attention", "accepted", "1_naive.cu")
# Demangled names that only the checker may hold: making inputs, references, checks, timing.
CHECKER_ONLY = ["FillUniform", "ComputeAttentionReference", "CheckTimedCall", "EventTimer",
                "MeasureDeviceRates", "RunnerMain"]
CASES = [{"name": "small", "group": "correctness", "timed": False,
          "spec": {"batch": 1, "heads": 1, "seq_len": 64, "head_dim": 64, "dtype": "fp16",
                   "causal": False}}]


class Failure(Exception):
    pass


def expect(condition, what):
    if not condition:
        raise Failure(what)


def symbols(binary):
    done = subprocess.run(["nm", "-C", binary], capture_output=True, text=True, check=True)
    return done.stdout


def build_runner(nvcc, gpu_build, out):
    command = [nvcc, "-O3", "-std=c++17", "-gencode", "arch=compute_90a,code=sm_90a", "-I" + REPO,
               "-include", "gpu/attention/attention_api.h", "-o", out,
               os.path.join(gpu_build, "call_main.o"),
               os.path.join(gpu_build, "libattention_runner.a"),
               os.path.join(gpu_build, "libgpu_harness.a"),
               os.path.join(gpu_build, "libgputrack.a"), SUBMISSION, "-lcublas"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    expect(done.returncode == 0, "linking the runner failed: " + done.stderr[-2000:])


def check_holdings(runner, checker):
    held = symbols(runner)
    expect("attention_forward" in held, "the runner has no attention_forward")
    for name in CHECKER_ONLY:
        expect(name not in held, f"the submission's runner holds {name}")
    held = symbols(checker)
    expect("attention_forward" not in held, "the checker holds the submission's entry point")
    for name in CHECKER_ONLY:
        expect(name in held, f"the checker has no {name}")


def start(argv, end, work):
    # The process's fd 0 is its end of the socket, as the judge starts it.
    return subprocess.Popen(argv, stdin=end, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=work)


def check_runner(runner, work):
    mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    process = start([runner], theirs, work)
    theirs.close()
    mine.settimeout(60)
    mine.send(json.dumps({"type": "case", "args": {}, "buffers": [{"device": 0, "bytes": 2 << 20}]}).encode())
    answer = json.loads(mine.recv(65536))
    expect(answer == {"type": "error", "detail": "a case whose buffers and descriptors do not match"},
           f"a case without descriptors was answered {answer}")
    mine.send(json.dumps({"type": "call"}).encode())
    answer = json.loads(mine.recv(65536))
    expect(answer == {"type": "error", "detail": "a call before any case"},
           f"a call before any case was answered {answer}")
    mine.send(json.dumps({"type": "seed", "seed": 1}).encode())
    code = process.wait(60)
    expect(code == 5, f"a message the protocol does not have: exit {code}, not 5")
    mine.close()

    mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    process = start([runner], theirs, work)
    theirs.close()
    mine.close()
    code = process.wait(60)
    expect(code == 0, f"the checker's end closed: exit {code}, not 0")


def check_checker(checker, work):
    cases = os.path.join(work, "cases.json")
    with open(cases, "w") as f:
        json.dump(CASES, f)
    argv = [checker, "--cases", cases, "--out", os.path.join(work, "results.jsonl")]
    mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    mine.close()
    process = start(argv, theirs, work)
    theirs.close()
    _, err = process.communicate(timeout=60)
    expect(process.returncode == 5 and "no secrets message" in err,
           f"a checker without secrets: exit {process.returncode}, {err.strip()}")

    mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    mine.send(json.dumps({"seed": 12345, "trials": 1}).encode())
    process = start(argv, theirs, work)
    theirs.close()
    _, err = process.communicate(timeout=120)
    mine.close()
    if process.returncode == 3:
        expect(err.startswith("no CUDA device"), f"exit 3 says {err.strip()}")
        return "no device here: the checker stopped at the probe"
    raise Failure(f"with a device, the checker needs a runner: exit {process.returncode}, "
                  f"{err.strip()} (judge gpu run tests that path)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(REPO, "build"))
    args = parser.parse_args()
    nvcc = cuda_paths.find_nvcc()
    args.build = os.path.abspath(args.build)
    gpu_build = os.path.join(args.build, "gpu")
    checker = os.path.join(gpu_build, "attention_checker")
    if not nvcc or not os.path.exists(checker):
        print("gpu_apart_test: skipped: no nvcc, or the GPU track was not built")
        return SKIP
    if os.path.exists("/dev/nvidiactl"):
        print("gpu_apart_test: skipped: a GPU is here; `judge gpu run` judges apart on it")
        return SKIP
    with tempfile.TemporaryDirectory(prefix="gpu-apart-", dir=args.build) as work:
        try:
            runner = os.path.join(work, "runner")
            build_runner(nvcc, gpu_build, runner)
            check_holdings(runner, checker)
            check_runner(runner, work)
            said = check_checker(checker, work)
        except (Failure, subprocess.TimeoutExpired, OSError, ValueError) as e:
            print(f"gpu_apart_test: FAILED: {e}")
            return 1
    print(f"gpu_apart_test: ok: the runner holds only the call, keeps to the protocol; {said}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
