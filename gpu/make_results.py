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


def table(slug, report, peer):
    versions = [s for s in report["submissions"]]
    heading = ["case"]
    for s in versions:
        name = os.path.basename(s["file"])
        heading += [f"{name} {title}" for _, title, _ in COLUMNS[slug]]
    if peer is not None:
        heading += ["PyTorch SDPA TFLOP/s"]
    lines = ["| " + " | ".join(heading) + " |", "|" + "---|" * len(heading)]
    timed = [c["name"] for c in versions[0]["cases"] if "timing" in c] if versions else []
    for case in timed:
        row = [case]
        for s in versions:
            result = next((c for c in s["cases"] if c["name"] == case), {})
            for figure, _, fmt in COLUMNS[slug]:
                value = result.get("figures", {}).get(figure)
                row.append(fmt.format(value) if value is not None else result.get("verdict") or "-")
        if peer is not None:
            row.append("{:.1f}".format(peer[case]["tflops"]) if case in peer else "-")
        lines.append("| " + " | ".join(row) + " |")
    verdicts = ", ".join(f"{os.path.basename(s['file'])} {s['verdict']}" for s in versions)
    return "\n".join(lines) + f"\n\nVerdicts on every case: {verdicts}.\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judge", default=os.path.join(REPO, "build", "judge"))
    parser.add_argument("--out", default=os.path.join(REPO, "gpu", "RESULTS.md"))
    args = parser.parse_args()
    reports = {slug: judge_references(args.judge, slug) for slug in COLUMNS}
    device = reports["attention"]["device"]
    rates = ", ".join(f"{k} {v:.1f}" for k, v in device.get("figures", {}).items())
    driver = device.get("driver_version", 0)
    runtime = device.get("runtime_version", 0)
    out = [
        "# GPU results\n",
        f"Measured {datetime.date.today().isoformat()} by `python3 gpu/make_results.py` on "
        f"{device['name']} (compute {device['compute_capability']}), driver CUDA "
        f"{driver // 1000}.{driver % 1000 // 10}, runtime {runtime // 1000}.{runtime % 1000 // 10}. "
        f"Device rates in the same run: {rates}. Medians of the judge's timed repetitions.\n",
        "## attention\n", table("attention", reports["attention"], sdpa_peer()),
        "## allreduce\n", table("allreduce", reports["allreduce"], None),
    ]
    with open(args.out, "w") as f:
        f.write("\n".join(out))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
