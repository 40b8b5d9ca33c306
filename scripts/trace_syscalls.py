#!/usr/bin/env python3
"""Lists the system calls each kind of sandboxed program makes, to review the allow-lists in
judge/sandbox/syscall_sets.cc against (judge/SANDBOX.md).

Runs the given judge command under `strace -f` with a fresh build cache (so compilers run too),
then groups every process by what it executed and prints, per group, the calls it made after
its exec (what the filter sees). Needs strace and a judge that is not isolated from strace.

  python3 scripts/trace_syscalls.py -- build/judge verify maximum-gap heapq --no-store
"""
import collections
import os
import re
import subprocess
import sys
import tempfile

GROUPS = [  # (group, pattern on the executed path), first match wins
    ("compiler", re.compile(r"/(g\+\+|gcc|cc1plus|cc1|as|collect2|ld|ld\.bfd|ld\.gold|nvcc|cicc|"
                            r"ptxas|fatbinary|nvlink|cudafe\+\+|x86_64-linux-gnu-[a-z+]+(-\d+)?)$")),
    ("python", re.compile(r"/python3(\.\d+)?$")),
    ("native", re.compile(r"/program$")),
]


def main(argv):
    if "--" not in argv:
        sys.exit(__doc__)
    command = argv[argv.index("--") + 1:]
    with tempfile.TemporaryDirectory() as trace_dir, tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, JUDGE_CACHE_DIR=cache)
        subprocess.run(["strace", "-f", "-ff", "-qq", "-o", os.path.join(trace_dir, "t")] + command,
                       env=env, stdout=subprocess.DEVNULL, check=False)
        calls = collections.defaultdict(collections.Counter)
        other = collections.Counter()
        for name in os.listdir(trace_dir):
            executed, seen = None, collections.Counter()
            with open(os.path.join(trace_dir, name), errors="replace") as trace:
                for line in trace:
                    match = re.match(r"(\w+)\(", line)
                    if not match:
                        continue
                    if match.group(1) == "execve" and line.rstrip().endswith("= 0"):
                        executed = re.match(r'execve\("([^"]+)"', line).group(1)
                        seen = collections.Counter()  # what the filter sees starts here
                        continue
                    seen[match.group(1)] += 1
            if executed is None:
                continue
            group = next((g for g, pattern in GROUPS if pattern.search(executed)), None)
            if group is None:
                other[executed] += 1
                group = "other"
            calls[group].update(seen)
        for group in sorted(calls):
            print(f"{group}: {' '.join(sorted(calls[group]))}\n")
        if other:
            print("other programs:", ", ".join(sorted(other)))


if __name__ == "__main__":
    main(sys.argv)
