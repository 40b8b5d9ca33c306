#!/usr/bin/env python3
"""Makes gpu/RESULTS.md again from one run on this machine's GPU: every reference version of
every GPU problem judged side by side (validated on every case, then timed on the benchmark
cases), PyTorch's scaled_dot_product_attention as attention's peer where PyTorch is installed,
and the device's own rates (cuBLAS bf16 matmul, device-to-device copy) measured in the same run.

    python3 gpu/make_results.py [--judge build/judge] [--out gpu/RESULTS.md]

Without a CUDA device it says so in one line, leaves RESULTS.md alone and exits 3.
"""
import argparse
import datetime
import glob
import json
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXIT_NO_DEVICE = 3
NO_DEVICE_TEXT = "no CUDA device here"
# The figures each problem's table shows, per version: (figure, column heading, format).
COLUMNS = {
    "attention": [("tflops", "TFLOP/s", "{:.1f}"), ("fraction_of_matmul", "of matmul", "{:.2f}")],
    "allreduce": [("busbw_gbps", "busbw GB/s", "{:.1f}"), ("fraction_of_floor", "of floor", "{:.2f}")],
}


def judge_references(judge, slug):
    """Runs `judge gpu run` on the problem's numbered references; returns its JSON report."""
    files = sorted(glob.glob(os.path.join(REPO, "solutions", slug, "accepted", "[0-9]_*.cu")))
    run = subprocess.run([judge, "gpu", "run", slug, *files, "--json"], capture_output=True, text=True)
    if run.returncode == EXIT_NO_DEVICE:
        sys.stderr.write(run.stderr)
        sys.exit(EXIT_NO_DEVICE)
    if run.returncode not in (0, 1):
        sys.exit(f"make_results: judge gpu run {slug} failed: {run.stderr.strip()}")
    return json.loads(run.stdout)


def sdpa_peer():
    """PyTorch SDPA's figures by case name, or None where PyTorch or CUDA is missing."""
    run = subprocess.run([sys.executable, os.path.join(REPO, "gpu", "peers", "sdpa_peer.py")],
                         capture_output=True, text=True)
    if run.returncode != 0:
        return None
    return {line["name"]: line for line in map(json.loads, run.stdout.splitlines())}


def attention_flops(case):
    """FlashAttention's FLOP count of one attention case (halved when causal)."""
    count = 4.0 * case["batch"] * case["heads"] * case["seq_len"] ** 2 * case["head_dim"]
    return count / 2 if case["causal"] else count


def table(slug, report, peers):
    """One problem's table: a row per timed case, the columns of each version, then one column
    per peer (peers: {column heading: {case name: {"tflops": ...}}}, or None)."""
    versions = sorted(report["submissions"], key=lambda s: os.path.basename(s["file"]))
    peers = peers or {}
    heading = ["case"]
    for s in versions:
        name = os.path.basename(s["file"])
        heading += [f"{name} {title}" for _, title, _ in COLUMNS[slug]]
    heading += list(peers)
    lines = ["| " + " | ".join(heading) + " |", "|" + "---|" * len(heading)]
    timed = []  # every timed case, in the order the versions ran them
    for s in versions:
        timed += [c["name"] for c in s["cases"] if "timing" in c and c["name"] not in timed]
    for case in timed:
        row = [case]
        for s in versions:
            result = next((c for c in s["cases"] if c["name"] == case), {})
            for figure, _, fmt in COLUMNS[slug]:
                value = result.get("figures", {}).get(figure)
                row.append(fmt.format(value) if value is not None else result.get("verdict") or "-")
        for by_case in peers.values():
            row.append("{:.1f}".format(by_case[case]["tflops"]) if case in by_case else "-")
        lines.append("| " + " | ".join(row) + " |")
    verdicts = ", ".join(f"{os.path.basename(s['file'])} {s['verdict']}" for s in versions)
    return "\n".join(lines) + f"\n\nVerdicts on every case: {verdicts}.\n"


def device_line(device, command):
    rates = ", ".join(f"{k} {v:.1f}" for k, v in device.get("figures", {}).items())
    driver = device.get("driver_version", 0)
    runtime = device.get("runtime_version", 0)
    return (f"Measured {datetime.date.today().isoformat()} by `{command}` on "
            f"{device['name']} (compute {device['compute_capability']}), driver CUDA "
            f"{driver // 1000}.{driver % 1000 // 10}, runtime {runtime // 1000}.{runtime % 1000 // 10}. "
            f"Device rates in the same run: {rates}. Medians of the judge's timed repetitions.\n")


def kit_results_markdown(results):
    """RESULTS.md from gpu/kit/run_gpu_check.py's results.json: the same tables as main()'s,
    then the correctness and sanitizer stages; without a device, what was checked instead."""
    stages = results["stages"]
    out = ["# GPU results\n"]
    attention = stages.get("attention_timed", {})
    reports = [attention.get(k, {}).get("report") for k in ("references", "naive")]
    reports = [r for r in reports if r]
    allreduce = stages.get("allreduce_timed", {}).get("report")
    device = next((r["device"] for r in reports + [allreduce] if r and r.get("device")), None)
    if device:
        out.append(device_line(device, results["command"]))
    else:
        environment = stages.get("environment", {})
        out.append(f"By `{results['command']}`, {results['started_at']}: {NO_DEVICE_TEXT}; "
                   f"nothing was timed. Environment: nvcc {environment.get('nvcc_release')}, "
                   f"PyTorch {environment.get('pytorch', {}).get('torch')}.\n")
    judged = [r for r in reports + [allreduce] if r and "checked_apart" in r]
    if judged:
        # How the runs were judged: the runner's sandbox, and the checker apart from it.
        notes = sorted({r[k] for r in judged for k in ("isolation_note", "checked_apart_note") if r.get(k)})
        out.append(f"Runners isolated: {'yes' if all(r.get('runner_isolated') for r in judged) else 'no'}; "
                   f"checked apart from the submission's process: "
                   f"{'yes' if all(r['checked_apart'] for r in judged) else 'no'}"
                   + (f" ({'; '.join(notes)})" if notes else "") + ".\n")
    if stages.get("environment", {}).get("direct"):
        out.append(f"Judged without the judge: {stages['environment']['direct']}.\n")
    if reports:
        merged = {"submissions": [s for r in reports for s in r["submissions"]]}
        peers = {}
        for backend, run in attention.get("sdpa", {}).items():
            if run.get("cases"):
                peers[f"SDPA {backend} TFLOP/s"] = {c["name"]: c for c in run["cases"] if "tflops" in c}
        out += ["## attention\n", table("attention", merged, peers)]
    if allreduce:
        out += ["## allreduce\n", table("allreduce", allreduce, None)]
    out.append("## Kept submissions against their folders' verdicts\n")
    for slug, problem in stages.get("correctness", {}).get("problems", {}).items():
        rows = problem.get("submissions", [])
        counts = {}
        for r in rows:
            counts[r["outcome"]] = counts.get(r["outcome"], 0) + 1
        wrong = [f"{r['file']} ({r['outcome']}: {r['verdict'] or 'no verdict'}, kept as "
                 f"{r['expected']})" for r in rows if r["outcome"] in ("differs", "not judged")]
        out.append(f"- {slug}, {len(rows)} kept: "
                   + ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items()))
                   + (". Not as kept: " + "; ".join(wrong) if wrong else "") + ".")
        for folder, entry in problem.get("folders", {}).items():
            again = entry.get("one_process")
            if isinstance(again, list):  # judged again in one process after a JE apart
                out.append(f"  - {folder}/ again in one process (`--one-process`): "
                           + ", ".join(f"{os.path.basename(r['file'])} {r['verdict'] or 'no verdict'}"
                                       for r in again) + ".")
    sanitizers = stages.get("sanitizers", {})
    out.append("\n## compute-sanitizer\n")
    if sanitizers.get("runs"):
        for name, run in sanitizers["runs"].items():
            tools = ", ".join(f"{tool} {t.get('errors')} errors (exit {t.get('exit')})"
                              for tool, t in run.items() if isinstance(t, dict))
            out.append(f"- {name}: {tools or run.get('reason')}")
    else:
        out.append(f"Not run: {sanitizers.get('reason', 'not reached')}.")
    out.append("\nStages: " + ", ".join(f"{n} {r['status']} ({r['seconds']} s)"
                                        for n, r in stages.items()) + ".\n")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judge", default=os.path.join(REPO, "build", "judge"))
    parser.add_argument("--out", default=os.path.join(REPO, "gpu", "RESULTS.md"))
    args = parser.parse_args()
    reports = {slug: judge_references(args.judge, slug) for slug in COLUMNS}
    peer = sdpa_peer()
    out = [
        "# GPU results\n",
        device_line(reports["attention"]["device"], "python3 gpu/make_results.py"),
        "## attention\n",
        table("attention", reports["attention"], {"PyTorch SDPA TFLOP/s": peer} if peer else None),
        "## allreduce\n", table("allreduce", reports["allreduce"], None),
    ]
    with open(args.out, "w") as f:
        f.write("\n".join(out))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
