#!/usr/bin/env python3
"""Checks the heapq problem against a real peer: CPython's heapq module.

1. Every literal case in testcases/heapq/*.json must expect what CPython's heapq returns.
2. Random operation sequences (several seeds and sizes, heapify constructors, pushpop on an empty
   heap) are run through CPython's heapq and written, with its results as expected, to a
   temporary workspace holding problems/heapq/; both references must be AC there.

Usage: tests/heapq_against_cpython.py --judge build/judge
Prints one line per check; exits 1 on any mismatch.
"""
import argparse
import heapq
import json
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
REFERENCES = ["solutions/heapq/reference.cpp", "solutions/heapq/reference.py"]

# What each operation does to a plain list under CPython's heapq; None for void.
CPYTHON = {
    "push": lambda h, x: heapq.heappush(h, x),
    "pop": lambda h: heapq.heappop(h),
    "peek": lambda h: h[0],
    "pushpop": lambda h, x: heapq.heappushpop(h, x),
    "replace": lambda h, x: heapq.heapreplace(h, x),
    "size": lambda h: len(h),
}


def run_cpython(operations, arguments):
    """The expected output of one design-problem case, as CPython's heapq computes it."""
    heap = list(arguments[0][0]) if arguments[0] else []
    heapq.heapify(heap)
    return [None] + [CPYTHON[op](heap, *args) for op, args in zip(operations[1:], arguments[1:])]


def random_case(rng, name, ops, initial, lo, hi):
    """A random sequence in the shape of the heap_ops generator: pop, peek and replace on an
    empty heap become a push; pushpop on an empty heap stays (it returns its argument)."""
    weights = {op: rng.randint(0, 4) for op in CPYTHON}
    weights["push"] += 1  # so that the heap grows at all
    names = [op for op, w in weights.items() for _ in range(w)]
    operations = ["MinHeap"]
    arguments = [[[rng.randint(lo, hi) for _ in range(initial)]]] if initial >= 0 else [[]]
    size = max(initial, 0)
    for _ in range(ops):
        op = rng.choice(names)
        if op in ("pop", "peek", "replace") and size == 0:
            op = "push"
        operations.append(op)
        arguments.append([rng.randint(lo, hi)] if op in ("push", "pushpop", "replace") else [])
        size += {"push": 1, "pop": -1}.get(op, 0)
    return {"name": name, "input": {"operations": operations, "arguments": arguments},
            "expected": run_cpython(operations, arguments)}


def random_cases():
    """initial -1 means the empty constructor MinHeap(); 0 means MinHeap([])."""
    rng = random.Random(20240611)
    plans = [  # (ops, initial, lo, hi)
        (50, -1, -3, 3), (200, 0, -10, 10), (1000, -1, -5, 5), (1000, 30, -1000, 1000),
        (3000, 500, -10**9, 10**9), (5000, -1, 0, 2), (5000, 2000, -10**9, 10**9),
        (20000, 10000, -100, 100),
    ]
    cases = []
    for seed, (ops, initial, lo, hi) in enumerate(plans, 1):
        for trial in range(3):
            name = "seed-%d-%d-ops-%d-initial-%d" % (seed, trial, ops, initial)
            cases.append(random_case(rng, name, ops, initial, lo, hi))
    return cases


def empty_pushpops(case):
    """How many pushpops in a case are called on an empty heap."""
    arguments = case["input"]["arguments"]
    size, count = (len(arguments[0][0]) if arguments[0] else 0), 0
    for op in case["input"]["operations"][1:]:
        if op == "pushpop" and size == 0:
            count += 1
        size += {"push": 1, "pop": -1}.get(op, 0)
    return count


def check_literal_cases():
    ok = True
    for path in sorted((ROOT / "testcases" / "heapq").glob("*.json")):
        group = json.loads(path.read_text())
        for case in group.get("cases", []):
            got = run_cpython(case["input"]["operations"], case["input"]["arguments"])
            same = got == case["expected"]
            ok &= same
            print("%s literal %s/%s%s" % ("ok  " if same else "FAIL", group["group"], case["name"],
                                          "" if same else ": CPython gives %s" % got))
    return ok


def judge_in_workspace(judge, cases):
    """Judges both references on `cases` in a temporary root; True when both are AC."""
    ok = True
    with tempfile.TemporaryDirectory(prefix="heapq-vs-cpython-") as tmp:
        workspace = pathlib.Path(tmp)
        shutil.copytree(ROOT / "problems" / "heapq", workspace / "problems" / "heapq")
        tests = workspace / "testcases" / "heapq"
        tests.mkdir(parents=True)
        (tests / "01-random.json").write_text(json.dumps({"group": "random", "cases": cases}))
        for reference in REFERENCES:
            result = subprocess.run(
                [judge, "--root", str(workspace), "run", "heapq", str(ROOT / reference), "--json"],
                capture_output=True, text=True)
            try:
                report = json.loads(result.stdout)
            except ValueError:
                report = {"verdict": "no JSON", "reason": result.stderr.strip()[:300]}
            same = report.get("verdict") == "AC" and report.get("tests_passed") == len(cases)
            ok &= same
            detail = "%d cases" % len(cases) if same else "%s on %s: %s" % (
                report.get("verdict"), report.get("failed_test"), report.get("reason"))
            print("%s judge %s against CPython: %s"
                  % ("ok  " if same else "FAIL", reference, detail))
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judge", required=True, help="path to the judge binary (build/judge)")
    judge = str(pathlib.Path(parser.parse_args().judge).resolve())

    ok = check_literal_cases()
    cases = random_cases()
    empty = sum(empty_pushpops(c) for c in cases)
    heapified = sum(1 for c in cases if c["input"]["arguments"][0])
    covered = empty > 0 and heapified > 0
    ok &= covered
    print("%s random cases: %d, with heapify: %d, pushpops on an empty heap: %d"
          % ("ok  " if covered else "FAIL", len(cases), heapified, empty))
    ok &= judge_in_workspace(judge, cases)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
