#!/usr/bin/env python3
"""Makes the GPU kit: one folder that, carried to a GPU machine beside a copy of this repository,
holds every built piece `judge gpu run` needs there (gpu/README.md, "On a lent GPU machine").

    python3 gpu/kit/make_kit.py --judge build/judge --gpu-build build/gpu --out gpu-kit

(`cmake --build build --target gpu_kit` runs it.) The kit holds:
  judge            stripped, its RUNPATH $ORIGIN/lib
  lib/             every shared library the judge needs that is not glibc's, each with RUNPATH
                   $ORIGIN, so that the machine's own copies (or their absence) do not matter
  gpu/             call_main.o, runner_main.o and the runner libraries (debug sections stripped),
                   gpu_probe, and each problem's checker <slug>_checker (gpu/PROTOCOL.md)
  run_gpu_check.sh the driver's entry, gpu/kit/run_gpu_check.py of the repository beside it
  manifest.json    what was built from which commit, each file's size and where each library
                   came from
The CUDA libraries (cudart, cuBLAS, NCCL) are not carried: the GPU machine's toolkit and pip
wheels hold versions that match its driver. The kit is built in a temporary folder beside --out
and renamed into place only when complete; it must stay under --max-mib (50).
"""
import argparse
import datetime
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# glibc's own libraries: the GPU machine's glibc is as new or newer than ours, and a second copy
# would not load beside its ld.so. Everything else the judge needs is carried.
GLIBC = {"linux-vdso.so.1", "ld-linux-x86-64.so.2", "libc.so.6", "libm.so.6", "libpthread.so.0",
         "libdl.so.2", "librt.so.1", "libresolv.so.2", "libutil.so.1", "libanl.so.1",
         "libnsl.so.1", "libBrokenLocale.so.1", "libmvec.so.1", "libc_malloc_debug.so.0"}
# What `judge gpu run` links into a runner (judge/gpu/runner_build.cc's RunnerLinkInputs):
# call_main.o for a runner checked apart by its problem's checker, runner_main.o for one that
# checks itself (the fallback where device memory cannot be shared between processes).
RUNNER_INPUTS = ["call_main.o", "runner_main.o", "libgpu_harness.a", "libgputrack.a"]


class KitError(Exception):
    pass


def run(argv):
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode != 0:
        raise KitError(f"{' '.join(argv)}: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


def shared_libraries(binary):
    """(name, path) of every library ldd resolves for `binary`, glibc's left out."""
    out = []
    for line in run(["ldd", binary]).splitlines():
        match = re.match(r"\s*(\S+) => (\S+|not found)", line)
        if not match:
            continue
        name, path = match.groups()
        if path == "not found":
            raise KitError(f"{binary}: ldd finds no {name} here")
        if name not in GLIBC:
            out.append((name, path))
    return out


def debian_package(path):
    done = subprocess.run(["dpkg", "-S", os.path.realpath(path)], capture_output=True, text=True)
    return done.stdout.split(":")[0] if done.returncode == 0 else "?"


def size_of(folder):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(folder) for f in files)


def git_commit():
    done = subprocess.run(["git", "-C", REPO, "rev-parse", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return done.stdout.strip() + ("+changes" if dirty else "") if done.returncode == 0 else "?"


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def fill(kit, judge, gpu_build):
    """Writes the kit's files into the empty folder `kit`; returns the manifest."""
    manifest = {"built_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                "commit": git_commit(), "libraries": {}, "files": {}}
    os.makedirs(os.path.join(kit, "lib"))
    os.makedirs(os.path.join(kit, "gpu"))
    shutil.copy2(judge, os.path.join(kit, "judge"))
    run(["strip", "--strip-all", os.path.join(kit, "judge")])
    run(["patchelf", "--set-rpath", "$ORIGIN/lib", os.path.join(kit, "judge")])
    for name, path in shared_libraries(judge):
        target = os.path.join(kit, "lib", name)
        shutil.copyfile(path, target)  # the file itself, not the link
        os.chmod(target, 0o755)
        run(["strip", "--strip-unneeded", target])
        # RUNPATH applies to an object's own needs only: each library finds its own beside it.
        run(["patchelf", "--set-rpath", "$ORIGIN", target])
        manifest["libraries"][name] = {"from": os.path.realpath(path), "package": debian_package(path)}

    runners = sorted(f for f in os.listdir(gpu_build) if re.fullmatch(r"lib\w+_runner\.a", f))
    if not runners:
        raise KitError(f"{gpu_build}: no lib<slug>_runner.a (build the judge with nvcc found)")
    for name in RUNNER_INPUTS + runners:
        source = os.path.join(gpu_build, name)
        if not os.path.isfile(source):
            raise KitError(f"{source}: missing (cmake --build build --target judge)")
        shutil.copy2(source, os.path.join(kit, "gpu", name))
        # Debug sections only: the link needs the symbols, and -lineinfo's line tables come from
        # the submission's own compile.
        run(["strip", "--strip-debug", os.path.join(kit, "gpu", name)])
    # The probe, and each problem's checker (the trusted process of a run checked apart).
    checkers = [name[len("lib"):-len("_runner.a")] + "_checker" for name in runners]
    for name in ["gpu_probe"] + checkers:
        source = os.path.join(gpu_build, name)
        if not os.path.isfile(source):
            raise KitError(f"{source}: missing (cmake --build build --target judge)")
        shutil.copy2(source, os.path.join(kit, "gpu", name))
        run(["strip", "--strip-all", os.path.join(kit, "gpu", name)])

    entry = os.path.join(kit, "run_gpu_check.sh")
    with open(entry, "w") as f:
        f.write("#!/bin/sh\n# The kit's driver is the repository's: run from the repository's root.\n"
                'kit=$(dirname "$0")\n'
                'exec python3 "$kit/../gpu/kit/run_gpu_check.py" --kit "$kit" "$@"\n')
    os.chmod(entry, 0o755)
    for folder, _, files in os.walk(kit):
        for name in files:
            path = os.path.join(folder, name)
            manifest["files"][os.path.relpath(path, kit)] = {"bytes": os.path.getsize(path),
                                                           "sha256": sha256(path)}
    return manifest


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judge", default=os.path.join(REPO, "build", "judge"))
    parser.add_argument("--gpu-build", default=os.path.join(REPO, "build", "gpu"))
    parser.add_argument("--out", default=os.path.join(REPO, "gpu-kit"))
    parser.add_argument("--max-mib", type=float, default=50)
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    for tool in ("ldd", "strip", "patchelf"):
        if shutil.which(tool) is None:
            sys.exit(f"make_kit: {tool} not found (scripts/setup.sh installs it)")
    if not os.path.isfile(args.judge):
        sys.exit(f"make_kit: {args.judge}: no judge binary (cmake --build build --target judge)")
    staging = tempfile.mkdtemp(prefix=".gpu-kit-", dir=os.path.dirname(out))
    try:
        manifest = fill(staging, args.judge, args.gpu_build)
        total = size_of(staging)
        manifest["bytes"] = total
        if total > args.max_mib * (1 << 20):
            raise KitError(f"{total / (1 << 20):.1f} MiB, over the kit's {args.max_mib:g} MiB")
        with open(os.path.join(staging, "manifest.json"), "w") as f:
            json.dump(manifest, f, indent=2)
        os.chmod(staging, 0o755)
        if os.path.isdir(out):
            shutil.rmtree(out)
        os.rename(staging, out)
    except (KitError, OSError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        sys.exit(f"make_kit: {error}")
    print(f"make_kit: {out}: {total / (1 << 20):.1f} MiB, {len(manifest['libraries'])} libraries")


if __name__ == "__main__":
    main()
