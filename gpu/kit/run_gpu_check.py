#!/usr/bin/env python3
"""The whole GPU check in one command, for a few minutes on a lent GPU machine (gpu/README.md,
"On a lent GPU machine"). Run from the repository's root, with the GPU kit built here
(`cmake --build build --target gpu_kit`) carried beside it:

    python3 gpu/kit/run_gpu_check.py --kit gpu-kit --out OUT [--budget 330]

Stages, in order, each with its own share of the time budget; one whose share is gone, or whose
needs are missing, is skipped and says why in its JSON:
  a. environment: GPU, driver, CUDA runtime, where each CUDA library was found, PyTorch,
     the carried binaries' libraries (ldd), `judge selftest` (the sandbox's namespaces there)
  b. correctness: every kept submission (solutions/{attention,allreduce}/*/*.cu) judged on the
     correctness group, one trial, and compared with its folder's verdict
  c. attention timed: the numbered references on the benchmark group (naive on the two smallest
     shapes only), the device rates of the same run, PyTorch SDPA per backend
  d. allreduce timed: the numbered references, busbw and fraction of the floor
  e. compute-sanitizer memcheck and racecheck: the tensor-core attention references and the
     fused allreduce on four small shapes each
Writes OUT/results.json (everything) and OUT/RESULTS.md (gpu/make_results.py's tables).
Exit status: 0 all done and every submission earned its verdict; 1 something failed or
differed; 2 bad usage; 3 no CUDA device here (the device stages say so; the kept submissions
are still compiled, so a build problem still shows).
"""
import argparse
import concurrent.futures
import datetime
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

KIT_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(KIT_DIR))
sys.path.insert(0, KIT_DIR)
sys.path.insert(0, os.path.dirname(KIT_DIR))
import cuda_paths  # noqa: E402
import direct_runs  # noqa: E402
import make_results  # noqa: E402

EXIT_FAILED, EXIT_USAGE, EXIT_NO_DEVICE = 1, 2, 3
NO_DEVICE = "no CUDA device here"
SLUGS = ["attention", "allreduce"]
# A kept submission's folder names the verdict `judge gpu run --json` must give it.
FOLDER_VERDICTS = {"accepted": "AC", "wrong_answer": "WA", "runtime_error": "RE",
                   "compile_error": "CE", "time_limit_exceeded": "TLE"}
# Each stage's share of the whole budget, and the least time it is started with.
SHARES = {"environment": (0.12, 10), "correctness": (0.38, 30), "attention_timed": (0.25, 30),
          "allreduce_timed": (0.08, 15), "sanitizers": (0.17, 30)}
SDPA_BACKENDS = ["FLASH_ATTENTION", "CUDNN_ATTENTION", "EFFICIENT_ATTENTION"]
# Four small shapes of each problem's correctness group for the sanitizers, which slow a kernel
# down a hundredfold or more.
SANITIZED_CASES = {
    "attention": ["b3-h5-s7-d64-fp16-causal", "b2-h3-s63-d128-fp16", "b1-h5-s65-d128-bf16-causal",
                  "b1-h3-s257-d64-fp16-causal"],
    "allreduce": ["r8-n7-fp32", "r3-n1000-fp32", "r7-n1000-fp16", "r5-n4097-fp32"],
}
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Check:
    """The run's state: paths, the judge's environment, the clock, and the results so far."""

    def __init__(self, args):
        self.kit = os.path.abspath(args.kit)
        self.out = os.path.abspath(args.out)
        self.start = time.monotonic()
        self.deadline = self.start + args.budget
        self.budget = args.budget
        self.args = args
        self.judge = os.path.join(self.kit, "judge")
        self.nvcc = cuda_paths.find_nvcc(args.nvcc)
        self.python = cuda_paths.torch_python()
        self.cache = args.cache or os.path.join(tempfile.gettempdir(), "judge-gpu-check-cache")
        self.env = dict(os.environ)
        self.device_present = None  # unknown until the probe has answered
        # Judging by hand (direct_runs.py) instead of through the judge: asked for, or the
        # carried judge does not start here.
        self.direct = args.direct
        self.results = {"command": " ".join(["python3", "gpu/kit/run_gpu_check.py"] + sys.argv[1:]),
                        "started_at": now(), "budget_s": args.budget, "stages": {}}

    def left(self):
        return self.deadline - time.monotonic()

    def stage_budget(self, name, later):
        """This stage's seconds: its share, plus what earlier stages left unused, less what the
        later stages need at least; all that is left where there is no device."""
        if self.device_present is False:  # the later stages need a device: they will skip
            return max(0.0, self.left())
        share, _ = SHARES[name]
        reserve = sum(SHARES[n][1] for n in later)
        return max(0.0, min(self.left() - reserve, share * self.budget + self.slack()))

    def slack(self):
        spent = time.monotonic() - self.start
        planned = sum(SHARES[n][0] for n in self.results["stages"]) * self.budget
        return max(0.0, planned - spent)

    def judge_run(self, argv, timeout, env=None):
        """Runs the kit's judge; (exit code, stdout, stderr), exit None when it ran out of time."""
        try:
            done = subprocess.run([self.judge] + argv, capture_output=True, text=True,
                                  timeout=max(1.0, timeout), env=env or self.env, cwd=REPO)
            return done.returncode, done.stdout, done.stderr
        except subprocess.TimeoutExpired as expired:
            return None, text_of(expired.stdout), text_of(expired.stderr)


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def text_of(data):
    if data is None:
        return ""
    return data.decode(errors="replace") if isinstance(data, bytes) else data


def command_output(argv, timeout=30, env=None):
    """stdout of argv, or None where it cannot run or fails."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=env)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def last_json(text):
    """The JSON object `judge --json` printed, or None."""
    try:
        return json.loads(text)
    except ValueError:
        return None


# a. environment

def ldd_report(path, env):
    out = command_output(["ldd", path], env=env)
    if out is None:
        return {"error": "ldd failed"}
    libraries = {}
    for line in out.splitlines():
        match = re.match(r"\s*(\S+) => (.+?)(?: \(0x[0-9a-f]+\))?$", line)
        if match:
            libraries[match.group(1)] = match.group(2)
    return {"libraries": libraries,
            "not_found": sorted(n for n, p in libraries.items() if p == "not found")}


def torch_report(python, env, timeout):
    script = ("import json, torch; c = torch.cuda.is_available(); print(json.dumps({"
              "'torch': torch.__version__, 'cuda': torch.version.cuda, 'cuda_available': c, "
              "'device': torch.cuda.get_device_name(0) if c else None, "
              "'cudnn': torch.backends.cudnn.version() if c else None}))")
    out = command_output([python, "-c", script], timeout=timeout, env=env)
    if out is None:
        return {"python": python, "error": "PyTorch is not importable here"}
    report = json.loads(out.strip().splitlines()[-1])
    report["python"] = python
    return report


def selftest_report(check, timeout):
    """`judge selftest`: each language's hello program and the sandbox's protections."""
    code, out, err = check.judge_run(["selftest"], timeout)
    lines = [ANSI.sub("", line) for line in out.splitlines()]
    protections, languages = {}, {}
    section = languages
    for line in lines:
        if line.startswith("sandbox protections"):
            section = protections
            continue
        match = re.match(r"(ok|FAIL|on|off)\s+(.+?)\s{2,}(.*)$", line.strip())
        if match:
            section[match.group(2).strip()] = {"state": match.group(1), "detail": match.group(3)}
    return {"exit": code, "languages": languages, "protections": protections,
            "stderr": err.strip()[-2000:]}


def stage_environment(check, budget):
    deadline = time.monotonic() + budget
    report = {"nvcc": check.nvcc, "kit": check.kit}
    for name in ("judge", os.path.join("gpu", "gpu_probe")):
        if not os.path.isfile(os.path.join(check.kit, name)):
            return {"status": "failed", "reason": f"{check.kit}: the kit has no {name} "
                    "(cmake --build build --target gpu_kit)"}
    env_add, found = cuda_paths.cuda_environment(check.nvcc, check.python,
                                                 os.path.join(check.cache, "cuda-links"))
    check.env.update(env_add)
    check.env.update({"JUDGE_ROOT": REPO, "JUDGE_GPU_BUILD_DIR": os.path.join(check.kit, "gpu"),
                      "JUDGE_CACHE_DIR": check.cache,
                      "JUDGE_STORE": os.path.join(check.cache, "store.db")})
    if check.nvcc:
        check.env["JUDGE_NVCC"] = check.nvcc
        version = command_output([check.nvcc, "--version"]) or ""
        match = re.search(r"release ([\d.]+)", version)
        report["nvcc_release"] = match.group(1) if match else None
    report["search_paths"] = env_add
    try:
        started = subprocess.run([check.judge, "--help"], capture_output=True, text=True,
                                 timeout=30, env=check.env)
        report["judge_starts"] = started.returncode == 0
        why = (started.stderr.strip().splitlines() or [f"exit {started.returncode}"])[-1]
    except (OSError, subprocess.TimeoutExpired) as error:
        report["judge_starts"], why = False, str(error)
    if not report["judge_starts"]:
        check.direct = True
        report["judge_error"] = why
    if check.direct:
        report["direct"] = ("the judge does not start here (" + report["judge_error"] + "): "
                            if not report["judge_starts"] else "--direct: ") + \
            "runners are built and run by gpu/kit/direct_runs.py"
    report["cuda_libraries"] = found
    smi = command_output(["nvidia-smi", "--query-gpu=name,driver_version,memory.total",
                          "--format=csv,noheader"])
    report["nvidia_smi"] = smi.strip() if smi else None
    try:  # it exits 3 without a device, its JSON line printed all the same
        probe = subprocess.run([os.path.join(check.kit, "gpu", "gpu_probe")], capture_output=True,
                               text=True, timeout=60, env=check.env).stdout
    except (OSError, subprocess.TimeoutExpired) as error:
        probe = ""
        report["probe_error"] = str(error)
    report["probe"] = last_json(probe.strip())
    check.device_present = bool(report["probe"] and report["probe"].get("present"))
    report["binaries"] = {name: ldd_report(os.path.join(check.kit, name), check.env)
                          for name in ("judge", os.path.join("gpu", "gpu_probe"))}
    report["compute_sanitizer"] = find_sanitizer(check)
    report["pytorch"] = torch_report(check.python, check.env,
                                     max(5.0, min(60.0, deadline - time.monotonic())))
    if report["judge_starts"]:
        report["selftest"] = selftest_report(check, max(5.0, deadline - time.monotonic()))
    missing = [f"{name}: {lib}" for name, r in report["binaries"].items()
               for lib in r.get("not_found", [])]
    if missing:
        report.update(status="failed", reason="libraries not found: " + ", ".join(missing))
    else:
        report["status"] = "done"
    if not check.device_present:
        report["device"] = NO_DEVICE
    return report


def find_sanitizer(check):
    candidates = [shutil.which("compute-sanitizer")]
    if check.nvcc:
        candidates.append(os.path.join(os.path.dirname(check.nvcc), "compute-sanitizer"))
    return next((c for c in candidates if c and os.path.isfile(c)), None)


# b. correctness

def kept_submissions(slug):
    files = sorted(glob.glob(os.path.join(REPO, "solutions", slug, "*", "*.cu")))
    return [(f, FOLDER_VERDICTS.get(os.path.basename(os.path.dirname(f)))) for f in files]


def compare_verdicts(kept, report, device_present):
    """One row per kept file: what its folder says, what the judge gave, and whether they agree.
    Without a device only CE can be earned; the others must at least have compiled."""
    by_file = {s["file"]: s for s in (report or {}).get("submissions", [])}
    rows = []
    for path, expected in kept:
        got = by_file.get(path, {})
        verdict = got.get("verdict")
        row = {"file": os.path.relpath(path, REPO), "expected": expected, "verdict": verdict}
        if got.get("compile_error"):
            row["compile_error"] = got["compile_error"]
        if got.get("judge_error"):
            row["judge_error"] = got["judge_error"]
        if not got:
            row["outcome"] = "not judged"
        elif device_present or expected == "CE":
            row["outcome"] = "earned" if verdict == expected else "differs"
        else:
            row["outcome"] = "differs" if verdict == "CE" else f"compiled; {NO_DEVICE}"
        rows.append(row)
    return rows


def needs_timing(path):
    """A kept cheat that only the timed pass can catch says so in its header (tests/gpu_e2e_test.cc
    reads the same line)."""
    with open(path, errors="replace") as f:
        return "verdict-needs: timing" in f.read()


def judge_folder(check, slug, kept, deadline):
    """`judge gpu run` on one verdict folder's files; the folder's entry for results.json. With a
    device, the files whose verdict needs timing are judged timed on the two cheapest benchmark
    shapes; the rest on the correctness group, untimed."""
    left = deadline - time.monotonic()
    if left < 5:
        return {"status": "skipped", "reason": "the stage's time ran out",
                "submissions": compare_verdicts(kept, None, check.device_present)}
    if check.direct:
        return judge_folder_directly(check, slug, kept, deadline)
    folder = os.path.basename(os.path.dirname(kept[0][0]))
    # A store of its own: judges running at once should not wait on one SQLite file.
    env = dict(check.env, JUDGE_STORE=os.path.join(check.cache, f"store-{slug}-{folder}.db"))
    timed = [k for k in kept if check.device_present and needs_timing(k[0])]
    untimed = [k for k in kept if k not in timed]
    runs = []
    if untimed:
        runs.append(check.judge_run(
            ["gpu", "run", slug] + [f for f, _ in untimed] +
            ["--group", "correctness", "--no-time", "--trials", "1", "--json"], left, env))
    if timed:
        root, _ = smallest_benchmark_root(check, slug, 2, f"{folder}-timed")
        runs.append(check.judge_run(
            ["gpu", "run", slug] + [f for f, _ in timed] +
            ["--group", "benchmark", "--trials", "1", "--warmup", str(check.args.warmup),
             "--repetitions", str(check.args.repetitions), "--json"],
            deadline - time.monotonic(), dict(env, JUDGE_ROOT=root)))
    reports = [last_json(out) for _, out, _ in runs]
    judged = None
    if all(r is not None for r in reports):
        judged = dict(reports[0], submissions=[s for r in reports for s in r["submissions"]])
    entry = {"exit": max((code if code is not None else 99) for code, _, _ in runs),
             "submissions": compare_verdicts(kept, judged, check.device_present),
             "stderr": " ".join(err.strip() for _, _, err in runs)[-2000:]}
    if any(code is None for code, _, _ in runs):
        entry.update(status="failed", reason=f"judge gpu run {slug} ran out of time ({left:.0f} s)")
    elif judged is None:
        failed = next((code, err) for (code, _, err), r in zip(runs, reports) if r is None)
        entry.update(status="failed", reason=f"judge gpu run {slug} exited {failed[0]}: "
                     + (failed[1].strip().splitlines() or ["no output"])[-1])
    else:
        entry["status"] = "done"
        if not judged.get("device_present"):
            entry["device"] = NO_DEVICE
        elif judged.get("checked_apart") and untimed and \
                any(r["verdict"] == "JE" for r in entry["submissions"]):
            # Judged apart for the first time on this device: where that part of the judge failed,
            # the same files in one process tell the checker's faults from the submissions'.
            code, out, _ = check.judge_run(
                ["gpu", "run", slug] + [f for f, _ in untimed] +
                ["--group", "correctness", "--no-time", "--trials", "1", "--json",
                 "--one-process"], deadline - time.monotonic(), env)
            entry["one_process"] = compare_verdicts(untimed, last_json(out), True) \
                if code is not None else "ran out of time"
    return entry


def judge_folder_directly(check, slug, kept, deadline):
    judged = direct_runs.judge_directly(
        check.env, check.nvcc, os.path.join(check.kit, "gpu"), REPO, check.cache, slug,
        [f for f, _ in kept], "correctness", False, deadline - time.monotonic())
    rows = compare_verdicts(kept, judged, judged["device_present"])
    for row in rows:  # the refusal of a replaced library symbol is the judge's link-map check
        if row["expected"] == "CE" and row["verdict"] != "CE":
            row["outcome"] = "linked without the judge's link-map check"
    entry = {"status": "done", "direct": True, "submissions": rows}
    if not judged["device_present"]:
        entry["device"] = NO_DEVICE
    return entry


def stage_correctness(check, budget):
    """One judge per verdict folder, several at once: the judge compiles one file after another,
    and nvcc's minutes are most of this stage."""
    deadline = time.monotonic() + budget
    jobs = {}
    for slug in SLUGS:
        for path, expected in kept_submissions(slug):
            folder = os.path.basename(os.path.dirname(path))
            jobs.setdefault((slug, folder), []).append((path, expected))
    workers = max(1, min(len(jobs), check.args.jobs))
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        futures = {key: pool.submit(judge_folder, check, key[0], kept, deadline)
                   for key, kept in jobs.items()}
        folders = {key: future.result() for key, future in futures.items()}
    report = {"problems": {}}
    for slug in SLUGS:
        parts = [entry for (s, _), entry in sorted(folders.items()) if s == slug]
        problem = {"submissions": [row for p in parts for row in p["submissions"]],
                   "folders": {f: {k: v for k, v in e.items() if k != "submissions"}
                               for (s, f), e in sorted(folders.items()) if s == slug}}
        statuses = {p["status"] for p in parts}
        problem["status"] = "failed" if "failed" in statuses else \
            "skipped" if statuses == {"skipped"} else "done"
        if parts and all(p.get("device") == NO_DEVICE for p in parts):
            problem["device"] = NO_DEVICE
        report["problems"][slug] = problem
    statuses = [p["status"] for p in report["problems"].values()]
    differs = [r["file"] for p in report["problems"].values() for r in p["submissions"]
               if r["outcome"] in ("differs", "not judged")]
    report["status"] = "failed" if "failed" in statuses or differs else \
        "skipped" if set(statuses) == {"skipped"} else "done"
    reasons = [f"{slug}/{f}: {e['reason']}" for slug, p in report["problems"].items()
               for f, e in p["folders"].items() if e.get("reason")]
    if differs:
        reasons.insert(0, "verdicts differ from their folders: " + ", ".join(differs))
    if reasons:
        report["reason"] = "; ".join(reasons)
    return report


# c. and d. timed

def references(slug):
    return sorted(glob.glob(os.path.join(REPO, "solutions", slug, "accepted", "[0-9]_*.cu")))


def smallest_benchmark_root(check, slug, count, purpose="timed"):
    """A root whose benchmark group holds only the `count` cheapest benchmark shapes (by FLOPs),
    with copies of problems/<slug>, solutions/<slug> (its reference, timed beside the files) and
    gpu/ (the headers the runner is built against); and those shapes' names."""
    root = os.path.join(check.cache, f"{slug}-smallest-root-{purpose}")
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(os.path.join(REPO, "problems", slug), os.path.join(root, "problems", slug))
    shutil.copytree(os.path.join(REPO, "solutions", slug), os.path.join(root, "solutions", slug))
    shutil.copytree(os.path.join(REPO, "gpu"), os.path.join(root, "gpu"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    with open(os.path.join(REPO, "testcases", slug, "02-benchmark.json")) as f:
        bench = json.load(f)
    order = sorted(range(len(bench["cases"])),
                   key=lambda i: (make_results.attention_flops(bench["cases"][i]), i))
    bench["cases"] = [bench["cases"][i] for i in sorted(order[:count])]
    os.makedirs(os.path.join(root, "testcases", slug))
    with open(os.path.join(root, "testcases", slug, "02-benchmark.json"), "w") as f:
        json.dump(bench, f, indent=1)
    return root, [c["name"] for c in bench["cases"]]


def timed_run(check, slug, files, timeout, env=None, names=None):
    if check.direct:
        report = direct_runs.judge_directly(
            check.env, check.nvcc, os.path.join(check.kit, "gpu"), REPO, check.cache, slug, files,
            "benchmark", True, timeout, check.args.warmup, check.args.repetitions, names)
        return {"status": "done", "direct": True, "report": report}
    # One validation trial: each timed case is checked again after its timing anyway.
    argv = ["gpu", "run", slug] + files + ["--group", "benchmark", "--json", "--trials", "1",
                                           "--warmup", str(check.args.warmup),
                                           "--repetitions", str(check.args.repetitions)]
    code, out, err = check.judge_run(argv, timeout, env)
    report = last_json(out)
    entry = {"exit": code, "stderr": err.strip()[-2000:]}
    if code is None:
        entry.update(status="failed", reason=f"judge gpu run {slug} ran out of time ({timeout:.0f} s)")
    elif report is None:
        entry.update(status="failed", reason=f"judge gpu run {slug} exited {code}")
    else:
        entry.update(status="done", report=report)
    return entry


def sdpa_peer(check, backend, timeout):
    argv = [check.python, os.path.join(REPO, "gpu", "peers", "sdpa_peer.py"), "--backend", backend,
            "--warmup", str(check.args.warmup), "--repetitions", str(check.args.repetitions)]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=max(1.0, timeout),
                              env=check.env, cwd=REPO)
    except subprocess.TimeoutExpired:
        return {"status": "failed", "reason": f"ran out of time ({timeout:.0f} s)"}
    lines = [json.loads(l) for l in done.stdout.splitlines() if l.startswith("{")]
    said = [l for l in (done.stdout + done.stderr).splitlines() if l and not l.startswith("{")]
    report = {"status": "done", "exit": done.returncode, "cases": lines,
              "stderr": done.stderr.strip()[-2000:]}
    if done.returncode == EXIT_NO_DEVICE:  # no PyTorch, or no device for it
        report.update(status="skipped", reason=said[0] if said else "sdpa_peer exited 3")
    elif done.returncode != 0:
        report.update(status="failed", reason=said[-1] if said else f"exited {done.returncode}")
    return report


def stage_attention_timed(check, budget):
    if not check.device_present:
        return {"status": "skipped", "reason": NO_DEVICE}
    deadline = time.monotonic() + budget
    files = references("attention")
    naive = [f for f in files if "naive" in os.path.basename(f)]
    others = [f for f in files if f not in naive]
    report = {"status": "done"}
    # The judge's own references first, then SDPA's three backends in what is left.
    report["references"] = timed_run(check, "attention", others, (deadline - time.monotonic()) * 0.6)
    if naive:
        root, names = smallest_benchmark_root(check, "attention", 2)
        report["naive"] = timed_run(check, "attention", naive, (deadline - time.monotonic()) * 0.4,
                                    dict(check.env, JUDGE_ROOT=root), names)
    report["sdpa"] = {}
    for i, backend in enumerate(SDPA_BACKENDS):
        left = (deadline - time.monotonic()) / (len(SDPA_BACKENDS) - i)
        report["sdpa"][backend] = sdpa_peer(check, backend, left) if left > 3 else \
            {"status": "skipped", "reason": "the stage's time ran out"}
    parts = [report["references"], report.get("naive", {"status": "done"})]
    if any(p["status"] != "done" for p in parts):
        report.update(status="failed", reason="a judge run failed (see references/naive)")
    return report


def stage_allreduce_timed(check, budget):
    if not check.device_present:
        return {"status": "skipped", "reason": NO_DEVICE}
    report = timed_run(check, "allreduce", references("allreduce"), budget)
    return report


# e. sanitizers

def sanitized_files():
    tensor_core = re.compile(r"\bmma\.sync|\bwmma::|\bwgmma\b|mma_sync")
    attention = [f for f in references("attention") if tensor_core.search(open(f).read())]
    allreduce = [f for f in references("allreduce") if "fused" in os.path.basename(f)]
    return [("attention", f) for f in attention] + [("allreduce", f) for f in allreduce]


def sanitize(check, sanitizer, tool, runner, cases, folder, timeout):
    run = direct_runs.run_runner(runner, cases, folder, check.env, timeout,
                                 wrapper=[sanitizer, "--tool", tool, "--error-exitcode", "99"])
    summary = re.findall(r"ERROR SUMMARY: (\d+) error", run["output"])
    report = {"status": "done", "exit": run["exit"],
              "errors": int(summary[-1]) if summary else None,
              "cases": {line["name"]: line.get("verdict") for line in run["cases"]},
              "output_tail": run["output"]}
    # Clean: the tool found nothing, and the runner judged every case (a refused device, as
    # under gVisor, shows here as an exit and no case lines).
    if run["exit"] != 0 or report["errors"] != 0 or len(run["cases"]) < len(cases):
        last = run["output"].splitlines()[-1] if run["output"] else "no output"
        report.update(status="failed", reason=f"exit {run['exit']}: {last}")
    return report


def stage_sanitizers(check, budget):
    if not check.device_present:
        return {"status": "skipped", "reason": NO_DEVICE}
    sanitizer = find_sanitizer(check)
    if not sanitizer:
        return {"status": "skipped", "reason": "compute-sanitizer not found"}
    deadline = time.monotonic() + budget
    report = {"status": "done", "sanitizer": sanitizer, "runs": {}}
    work = sanitized_files()
    for i, (slug, source) in enumerate(work):
        name = os.path.relpath(source, REPO)
        file_deadline = time.monotonic() + (deadline - time.monotonic()) / (len(work) - i)
        if file_deadline - time.monotonic() < 10:
            report["runs"][name] = {"status": "skipped", "reason": "the stage's time ran out"}
            continue
        folder = tempfile.mkdtemp(prefix="sanitize-", dir=check.cache)
        cases = direct_runs.runner_cases(REPO, slug, "correctness", False, SANITIZED_CASES[slug])
        runner, error = direct_runs.build_runner(check.nvcc, check.env,
                                                 os.path.join(check.kit, "gpu"), REPO, slug,
                                                 source, folder,
                                                 (file_deadline - time.monotonic()) * 0.4)
        if error:
            report["runs"][name] = {"status": "failed", "reason": error}
            continue
        runs = report["runs"][name] = {}
        for j, tool in enumerate(["memcheck", "racecheck"]):  # half of what is left, then the rest
            share = (file_deadline - time.monotonic()) / (2 - j)
            runs[tool] = sanitize(check, sanitizer, tool, runner, cases, folder, share)
    bad = [n for n, r in report["runs"].items()
           if r.get("status") == "failed" or any(t.get("status") == "failed" for t in r.values()
                                                 if isinstance(t, dict))]
    if bad:
        report.update(status="failed", reason="not clean or not run: " + ", ".join(bad))
    return report


STAGES = [("environment", stage_environment), ("correctness", stage_correctness),
          ("attention_timed", stage_attention_timed), ("allreduce_timed", stage_allreduce_timed),
          ("sanitizers", stage_sanitizers)]


def write_outputs(check):
    check.results["finished_at"] = now()
    check.results["seconds"] = round(time.monotonic() - check.start, 1)
    with open(os.path.join(check.out, "results.json"), "w") as f:
        json.dump(check.results, f, indent=1)
    with open(os.path.join(check.out, "RESULTS.md"), "w") as f:
        f.write(make_results.kit_results_markdown(check.results))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kit", required=True, help="the GPU kit's folder (gpu-kit)")
    parser.add_argument("--out", required=True, help="folder for results.json and RESULTS.md")
    parser.add_argument("--budget", type=float, default=330, help="seconds for everything")
    parser.add_argument("--nvcc", help="nvcc to use (default: PATH, then /usr/local/cuda)")
    parser.add_argument("--cache", help="the judge's build cache (default: a temporary folder)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed calls before timing")
    parser.add_argument("--repetitions", type=int, default=10, help="timed calls per case")
    parser.add_argument("--jobs", type=int, default=min(8, os.cpu_count() or 1),
                        help="judges compiling at once in the correctness stage")
    parser.add_argument("--direct", action="store_true",
                        help="build and run the runners without the judge (its fallback)")
    parser.add_argument("--only", action="append", choices=[n for n, _ in STAGES],
                        help="run only these stages (repeatable; environment always runs)")
    args = parser.parse_args()
    if args.budget < 30:
        parser.error("--budget: at least 30 seconds")
    os.makedirs(args.out, exist_ok=True)
    check = Check(args)
    os.makedirs(check.cache, exist_ok=True)
    names = [n for n, _ in STAGES]
    for i, (name, stage) in enumerate(STAGES):
        began = time.monotonic()
        budget = check.stage_budget(name, names[i + 1:])
        if args.only and name != "environment" and name not in args.only:
            result = {"status": "skipped", "reason": "not asked for (--only)"}
        elif budget < SHARES[name][1]:
            result = {"status": "skipped",
                      "reason": f"{budget:.0f} s left for it, under its {SHARES[name][1]} s"}
        else:
            try:
                result = stage(check, budget)
            except Exception as error:  # one stage's bug must not lose the others' results
                result = {"status": "failed", "reason": f"{type(error).__name__}: {error}"}
        result["budget_s"] = round(budget, 1)
        result["seconds"] = round(time.monotonic() - began, 1)
        check.results["stages"][name] = result
        print(f"run_gpu_check: {name}: {result['status']}"
              + (f" ({result['reason']})" if result.get("reason") else "")
              + f", {result['seconds']} s", flush=True)
        write_outputs(check)  # after every stage: a run killed later keeps what it measured
    check.results["device_present"] = bool(check.device_present)
    write_outputs(check)
    failed = [n for n, r in check.results["stages"].items() if r["status"] == "failed"]
    print(f"run_gpu_check: wrote {check.out}/results.json and RESULTS.md"
          + (f"; failed: {', '.join(failed)}" if failed else ""))
    if failed:
        return EXIT_FAILED
    return 0 if check.device_present else EXIT_NO_DEVICE


if __name__ == "__main__":
    sys.exit(main())
