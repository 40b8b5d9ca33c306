"""Runners built and run without the judge, by gpu/PROTOCOL.md: for compute-sanitizer, which must
wrap the process that launches the submission's kernels, and as the GPU kit's fallback where the
carried judge does not start (gpu/kit/run_gpu_check.py --direct). These are single-process runners
(runner_main.o, PROTOCOL.md's fallback): the submission and the check in one process.

A direct run gives what `judge gpu run --json` gives, in the same shape (device, submissions,
their cases and verdicts), so that the driver's comparisons and tables take either. What the
judge adds and this does not: nvcc in a sandbox, the link map's check that a submission replaces
no harness or library symbol (so a kept CE of that kind links here and is reported as differing),
and the build cache.
"""
import hashlib
import json
import os
import random
import re
import subprocess

EXIT_NO_DEVICE, EXIT_CUDA_ERROR = 3, 4
# nvcc's and the linker's error lines (not a warning in a file whose path says "error").
FIRST_ERROR = re.compile(r"(: (fatal )?error\b|\berror: |multiple definition|undefined reference)")
RUNNER_EXITS = {5: "bad arguments or case file", 6: "the harness failed its own checks"}


def runner_cases(repo, slug, group, timed, names=None):
    """The runner's case list (PROTOCOL.md) from testcases/<slug>/*.json: the group's cases, or
    those of `names` in it."""
    folder = os.path.join(repo, "testcases", slug)
    out = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name)) as f:
            data = json.load(f)
        file_group = data.get("group", re.sub(r"^\d+-", "", name[:-len(".json")]))
        if group and file_group != group:
            continue
        for case in data["cases"]:
            if names is None or case["name"] in names:
                out.append({"name": case["name"], "group": file_group, "timed": timed,
                            "spec": {k: v for k, v in case.items() if k != "name"}})
    return out


def build_runner(nvcc, env, kit_gpu, repo, slug, source, folder, timeout):
    """nvcc's line from PROTOCOL.md with the single-process runner_main.o, for sm_90a; (runner
    path, None) or (None, first error).
    A runner already in `folder` for the same source and kit is used again."""
    with open(source, "rb") as f:
        text = f.read()
    stamp = hashlib.sha256(text + repr(sorted(
        (n, os.path.getsize(os.path.join(kit_gpu, n))) for n in os.listdir(kit_gpu))).encode()
    ).hexdigest()
    runner = os.path.join(folder, "runner")
    stamp_file = os.path.join(folder, "runner.key")
    if os.path.exists(runner) and os.path.exists(stamp_file) and open(stamp_file).read() == stamp:
        return runner, None
    os.makedirs(folder, exist_ok=True)
    argv = [nvcc, "-O3", "-std=c++17", "-gencode", "arch=compute_90a,code=sm_90a", "-lineinfo",
            "-I" + repo, "-include", os.path.join(repo, "gpu", slug, f"{slug}_api.h"),
            "-o", runner, os.path.join(kit_gpu, "runner_main.o"),
            os.path.join(kit_gpu, f"lib{slug}_runner.a"), os.path.join(kit_gpu, "libgpu_harness.a"),
            os.path.join(kit_gpu, "libgputrack.a"), source, "-lcublas"]
    if re.search(rb'#\s*include\s*[<"]nccl\.h[>"]', text):
        argv.append("-lnccl")
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=max(1.0, timeout),
                              env=env)
    except subprocess.TimeoutExpired:
        return None, "nvcc ran out of time"
    if done.returncode != 0:
        lines = done.stderr.splitlines()
        errors = [l for l in lines if FIRST_ERROR.search(l)] or lines
        return None, (errors or ["nvcc failed"])[0]
    with open(stamp_file, "w") as f:
        f.write(stamp)
    return runner, None


def run_runner(runner, cases, folder, env, timeout, trials=1, warmup=2, repetitions=10,
               wrapper=()):
    """Runs `runner` (under `wrapper`, e.g. compute-sanitizer's argv) on `cases`; returns
    {"exit", "device", "cases", "output"}, exit None when it ran out of time."""
    cases_path = os.path.join(folder, "cases.json")
    results = os.path.join(folder, "results.jsonl")
    with open(cases_path, "w") as f:
        json.dump(cases, f)
    if os.path.exists(results):
        os.remove(results)
    secrets = json.dumps({"seed": random.SystemRandom().getrandbits(62), "trials": trials,
                          "warmup": warmup, "repetitions": repetitions})
    argv = list(wrapper) + [runner, "--cases", cases_path, "--out", results]
    try:
        done = subprocess.run(argv, input=secrets + "\n", capture_output=True, text=True,
                              timeout=max(1.0, timeout), env=env, cwd=folder)
        code, output = done.returncode, (done.stdout + done.stderr).strip()
    except subprocess.TimeoutExpired as expired:
        code, output = None, str(expired.stderr or "")
    lines = []
    if os.path.exists(results):
        with open(results) as f:
            lines = [json.loads(l) for l in f if l.strip()]
    return {"exit": code, "output": output[-3000:],
            "device": next((l for l in lines if l.get("type") == "device"), None),
            "cases": [l for l in lines if l.get("type") == "case"]}


def verdict_of(run, cases):
    """The submission's verdict from its runner's run, as the judge gives it (gpu_judge.cc):
    the first case that is not AC; a case without a line is TLE when the run ran out of time,
    RE otherwise; None without a device."""
    if run["exit"] == EXIT_NO_DEVICE:
        return None
    if run["exit"] in RUNNER_EXITS:
        return "JE"
    for line in run["cases"]:
        if line.get("verdict") != "AC":
            return line.get("verdict") or "RE"
    if len(run["cases"]) < len(cases):
        return "TLE" if run["exit"] is None else "RE"
    return "AC"


def judge_directly(check_env, nvcc, kit_gpu, repo, cache, slug, files, group, timed, timeout,
                   warmup=2, repetitions=10, names=None):
    """`judge gpu run SLUG FILES --group GROUP [--no-time] --json`, done by hand: a report of the
    same shape."""
    import time
    deadline = time.monotonic() + timeout
    cases = runner_cases(repo, slug, group, timed, names)
    report = {"problem": slug, "device_present": True, "submissions": [], "direct": True}
    for i, source in enumerate(files):
        left = (deadline - time.monotonic()) / (len(files) - i)
        key = hashlib.sha256(os.path.abspath(source).encode()).hexdigest()[:16]
        folder = os.path.join(cache, "direct", f"{slug}-{key}")
        runner, error = build_runner(nvcc, check_env, kit_gpu, repo, slug, source, folder,
                                     left * 0.7)
        submission = {"file": source, "cases": []}
        report["submissions"].append(submission)
        if error:
            submission.update(verdict="CE", compile_error=error)
            continue
        run = run_runner(runner, cases, folder, check_env, max(1.0, deadline - time.monotonic()),
                         warmup=warmup, repetitions=repetitions)
        submission["cases"] = run["cases"]
        submission["verdict"] = verdict_of(run, cases) or ""
        if run["exit"] == EXIT_NO_DEVICE:
            report["device_present"] = False
            report["no_device_reason"] = run["output"].splitlines()[-1] if run["output"] else ""
        elif run["device"]:
            report["device"] = run["device"]
        if submission["verdict"] == "JE":
            submission["judge_error"] = RUNNER_EXITS[run["exit"]] + ": " + run["output"][-500:]
    return report
