#!/usr/bin/env python3
"""Checks that every folder of the judge depends only on folders below it.

The layers, lowest first, are listed in LAYERS below and explained in CONTRIBUTING.md. A file may
include headers from its own folder and from folders on lower layers, never from its own layer's
other folders or from above: an edge that runs up the list is how a library turns into a knot.
gpu/ is what runs next to the device and includes nothing of judge/; judge/gpu/ is the judge's
side of the GPU track and sits above both.

Run from anywhere: python3 scripts/check_layers.py [ROOT]. Exit 0 when the graph is clean, 1 with
one line per offending include otherwise, 2 when a folder is in no layer (add it to LAYERS).
"""
import os
import re
import sys

# Lowest first. Folders on one line share a layer and must not include each other.
LAYERS = [
    ["gpu/harness"],
    ["gpu/attention", "gpu/allreduce"],
    ["judge"],  # judge/error.h: the error convention
    ["judge/files", "judge/http"],
    ["judge/json"],
    ["judge/problem", "judge/sandbox"],
    ["judge/testset/generators"],
    ["judge/testset", "judge/check", "judge/interview"],
    ["judge/lang"],
    ["judge/run"],
    ["judge/timing", "judge/gpu", "judge/companion", "judge/stress", "judge/package"],
    ["judge/store"],
    ["judge/queue"],
    ["judge/report"],
    ["judge/serve"],
    ["judge/cli"],
    ["tests", "benchmarks", "benchmarks/references", "fuzz"],
]

SOURCE_SUFFIXES = (".h", ".cc", ".cu", ".cuh")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)
# Folders of code that is not built into the judge (runtimes it embeds, scripts, test data):
# each counts as part of the folder above it.
PARTS = ("judge/interview/cpp", "judge/interview/python", "gpu/peers", "tests/checkers", "tests/hostile",
         "fuzz/corpus", "fuzz/regressions")


def owner(folder):
    for part in PARTS:
        if folder == part or folder.startswith(part + "/"):
            return os.path.dirname(part)
    return folder


def layer_of(folder):
    for rank, folders in enumerate(LAYERS):
        if folder in folders:
            return rank
    return None


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
    problems, unknown = [], set()
    for top in ("judge", "gpu", "tests", "benchmarks", "fuzz"):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            folder = owner(os.path.relpath(dirpath, root))
            for name in sorted(files):
                if not name.endswith(SOURCE_SUFFIXES):
                    continue
                source_rank = layer_of(folder)
                if source_rank is None:
                    unknown.add(folder)
                    continue
                with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                    text = f.read()
                for included in INCLUDE.findall(text):
                    target = owner(os.path.dirname(included))
                    if not target.startswith(("judge", "gpu")) or target == folder:
                        continue  # same folder, or a header of solutions/ (benchmarks of references)
                    target_rank = layer_of(target)
                    if target_rank is None:
                        unknown.add(target)
                    elif target_rank >= source_rank:
                        problems.append(f"{folder}/{name}: includes {included}, which is not below it")
    if unknown:
        for folder in sorted(unknown):
            print(f"check_layers: {folder}/ is in no layer: add it to LAYERS in scripts/check_layers.py")
        return 2
    for line in problems:
        print(line)
    if problems:
        print(f"check_layers: {len(problems)} include(s) run upward (layers: CONTRIBUTING.md)")
        return 1
    print(f"check_layers: every include runs downward ({len(LAYERS)} layers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
