#!/usr/bin/env python3
"""The GPU kit end to end in a root that holds only what the lent GPU machine's image holds
(gpu/README.md, "On a lent GPU machine"): the C/C++ toolchain, python3, bash and coreutils, the
CUDA toolkit, the repository and the kit; none of our -dev packages, their headers or their
libraries (libsqlite3, libseccomp, libpq, libmd4c, ...), and no network.

    python3 tests/gpu_kit_test.py --build build

Makes a fresh kit (gpu/kit/make_kit.py), checks its size, builds the root from `dpkg -L` of the
image's packages (hard links, /usr mounted read-only), enters it with unshare (mount, PID and
network namespaces; a user namespace too when not root) and pivot_root (not chroot: a chrooted
process may not make the namespaces the judge's own sandbox needs for nvcc), and runs there:
  - ldd of each carried binary, with the driver's library paths: every library resolves;
  - `judge selftest` (by the driver): as root, the sandbox's namespaces work inside;
  - gpu/kit/run_gpu_check.py: exit 3 (no CUDA device here), every kept submission compiled
    (the compile_error/ ones CE, every other "compiled; no CUDA device here"), every device
    stage skipped for that reason, results.json and RESULTS.md written.
Exits 0 when all of that holds, 1 with the first failure, 77 (skipped) where the namespaces
cannot be made.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "gpu", "kit"))
import cuda_paths  # noqa: E402  (the kit's own way to find the toolkit)
SKIP = 77
KIT_LIMIT = 50 << 20
# What the GPU machine's image holds besides the toolkit (KINDS.md, H200.md): glibc, the compilers
# nvcc drives, binutils, python3, a shell and coreutils. Our -dev packages and their libraries
# are absent on purpose.
IMAGE_PACKAGES = [
    "libc6", "libc6-dev", "libc-bin", "libc-dev-bin", "linux-libc-dev", "libcrypt1", "libcrypt-dev",
    "libstdc++6", "libstdc++-12-dev", "libgcc-s1", "libgcc-12-dev", "gcc-12", "g++-12", "cpp-12",
    "gcc", "g++", "cpp", "gcc-12-base", "libgomp1", "libitm1", "libatomic1", "libasan8",
    "liblsan0", "libtsan2", "libubsan1", "libquadmath0", "libcc1-0", "libisl23", "libmpc3",
    "libmpfr6", "libgmp10", "zlib1g", "libzstd1", "binutils", "binutils-common",
    "binutils-x86-64-linux-gnu", "libbinutils", "libctf0", "libctf-nobfd0", "libgprofng0",
    "libjansson4", "bash", "dash", "coreutils", "libacl1", "libattr1", "libselinux1",
    "libpcre2-8-0", "libtinfo6", "python3", "python3-minimal", "python3.11", "python3.11-minimal",
    "libpython3.11-minimal", "libpython3.11-stdlib", "libpython3-stdlib", "libexpat1",
    "libffi8", "libbz2-1.0", "liblzma5", "libssl3", "libuuid1", "libncursesw6", "libreadline8",
    "readline-common", "media-types", "tzdata", "grep", "sed", "findutils", "util-linux",
    "libblkid1", "libmount1", "libsmartcols1", "libudev1", "libcap-ng0", "libsystemd0",
    "libgcrypt20", "libgpg-error0", "liblz4-1", "libaudit1", "libpam0g", "libcap2", "mount",
]
# Libraries the kit must carry: a root that shows them would prove nothing.
MUST_BE_ABSENT = ["libsqlite3.so.0", "libseccomp.so.2", "libpq.so.5", "libmd4c.so.0",
                  "libmd4c-html.so.0", "libyaml-cpp.so.0.7", "libzip.so.4"]
MUST_BE_ABSENT_HEADERS = ["nlohmann/json.hpp", "CLI/CLI.hpp", "sqlite3.h", "seccomp.h",
                          "libpq-fe.h"]


class Failure(Exception):
    pass


def installed(package):
    done = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return "install ok installed" in done.stdout


def package_files(package):
    done = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True, check=True)
    return [line for line in done.stdout.splitlines() if line.startswith("/")]


def make_root(root, toolkit):
    """Hard links of every file of the image's packages that are installed here and of the CUDA
    toolkit, their links, and empty mount points for what the namespace shows (repository, kit,
    output)."""
    count = 0
    # Debian's merged /usr first: /bin, /lib and /lib64 are links into it.
    for top in ("bin", "sbin", "lib", "lib64"):
        if os.path.islink("/" + top):
            os.makedirs(os.path.join(root, "usr", top), exist_ok=True)
            os.symlink(os.readlink("/" + top), os.path.join(root, top))
    for package in filter(installed, IMAGE_PACKAGES):
        for path in package_files(package):
            target = root + path
            if os.path.islink(path):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                if not os.path.lexists(target):
                    os.symlink(os.readlink(path), target)
            elif os.path.isdir(path):
                os.makedirs(target, exist_ok=True)
            elif os.path.isfile(path) and not os.path.exists(target):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.link(path, target)
                count += 1
    # The toolkit as files of the root's own /usr, not a mount under it: the judge's sandbox
    # shows /usr to nvcc by a bind that does not take the mounts under it along.
    for folder, folders, files in os.walk(toolkit):
        os.makedirs(root + folder, exist_ok=True)
        for name in files + [f for f in folders if os.path.islink(os.path.join(folder, f))]:
            path = os.path.join(folder, name)
            if os.path.islink(path):
                os.symlink(os.readlink(path), root + path)
            else:
                os.link(path, root + path)
                count += 1
    for folder in ("proc", "dev", "sys", "tmp", "repo", "kit", "out", "old", "etc"):
        os.makedirs(os.path.join(root, folder), exist_ok=True)
    os.symlink(os.path.basename(toolkit), os.path.join(root, "usr", "local", "cuda"))
    with open(os.path.join(root, "etc", "passwd"), "w") as f:
        f.write("root:x:0:0:root:/root:/bin/bash\n")
    with open(os.path.join(root, "etc", "group"), "w") as f:
        f.write("root:x:0:\n")
    subprocess.run(["ldconfig", "-r", root], check=True)
    return count


def check_absent(root):
    for dirpath, _, files in os.walk(root):
        for name in files:
            if name in MUST_BE_ABSENT:
                raise Failure(f"the root holds {os.path.join(dirpath, name)}: the kit must carry it")
    for header in MUST_BE_ABSENT_HEADERS:
        if os.path.exists(os.path.join(root, "usr", "include", header)):
            raise Failure(f"the root holds /usr/include/{header}")


# Inside the namespaces: show the pieces, make the root the mount namespace's root, run the
# check. $1 root, $2 toolkit (already in the root), $3 repo, $4 kit, $5 out.
ENTER = r"""
set -e
R=$1
mount --rbind "$R" "$R"
mount --bind "$R/usr" "$R/usr" && mount -o remount,bind,ro "$R/usr"
mount --rbind /dev "$R/dev"
mount --rbind /sys "$R/sys"
mount -t proc proc "$R/proc"
mount -t tmpfs -o size=4g tmpfs "$R/tmp"
mount --bind "$3" "$R/repo" && mount -o remount,bind,ro "$R/repo"
mount --bind "$4" "$R/kit" && mount -o remount,bind,ro "$R/kit"
mount --bind "$5" "$R/out"
cd "$R"
pivot_root . old
umount -l /old
cd /repo
exec env -i PATH=/usr/local/cuda/bin:/usr/bin:/bin HOME=/tmp LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1 \
  bash -c '
    for b in /kit/judge /kit/gpu/gpu_probe; do echo "== $b"; LD_LIBRARY_PATH=/usr/local/cuda/lib64 ldd $b; done > /out/ldd.txt 2>&1
    python3 gpu/kit/run_gpu_check.py --kit /kit --out /out --budget 600 > /out/driver.log 2>&1
    echo $? > /out/driver.exit'
"""


def namespace_flags():
    """As root, as on the GPU machine: mount, PID and network namespaces, and the judge inside
    is root and isolates nvcc as root does. Otherwise a user namespace too, which maps root
    alone: the judge's sandbox inside then cannot switch to its per-run uids and runs without
    its namespaces (its selftest says so), though everything still compiles."""
    plain = ["--mount", "--pid", "--fork", "--net"]
    return plain if os.geteuid() == 0 else ["--user", "--map-root-user"] + plain


def check_results(out, as_root):
    with open(os.path.join(out, "driver.exit")) as f:
        code = int(f.read())
    with open(os.path.join(out, "driver.log")) as f:
        log = f.read()
    if code != 3:
        raise Failure(f"run_gpu_check exited {code}, not 3 (no CUDA device here):\n{log}")
    with open(os.path.join(out, "results.json")) as f:
        results = json.load(f)
    if not os.path.getsize(os.path.join(out, "RESULTS.md")):
        raise Failure("RESULTS.md is empty")
    stages = results["stages"]
    environment = stages["environment"]
    for binary, report in environment["binaries"].items():
        if report.get("not_found") or not report.get("libraries"):
            raise Failure(f"{binary}: libraries not resolved in the root: {report}")
        outside = [p for n, p in report["libraries"].items()
                   if not p.startswith(("/kit/", "/lib/", "/usr/lib/", "/lib64/", "/usr/local/cuda"))]
        if outside:
            raise Failure(f"{binary}: libraries from unexpected places: {outside}")
    judge_libs = environment["binaries"]["judge"]["libraries"]
    for name in ("libsqlite3.so.0", "libseccomp.so.2", "libpq.so.5", "libmd4c.so.0"):
        if not judge_libs.get(name, "").startswith("/kit/lib/"):
            raise Failure(f"judge: {name} resolved to {judge_libs.get(name)}, not the kit's copy")
    protections = environment["selftest"]["protections"]
    if as_root and protections.get("private root", {}).get("state") != "on":
        raise Failure(f"the judge's sandbox has no namespaces in the root: {protections}")
    if environment.get("device") != "no CUDA device here":
        raise Failure(f"the environment stage found a device in the root: {environment.get('probe')}")
    correctness = stages["correctness"]
    if correctness["status"] != "done":
        raise Failure(f"correctness: {correctness.get('reason')}\n{log}")
    rows = 0
    for slug, problem in correctness["problems"].items():
        if problem.get("device") != "no CUDA device here":
            raise Failure(f"{slug}: the judge did not report 'no CUDA device here': {problem}")
        for row in problem["submissions"]:
            rows += 1
            wanted = "earned" if row["expected"] == "CE" else "compiled; no CUDA device here"
            if row["outcome"] != wanted:
                raise Failure(f"{row['file']}: {row['outcome']} ({row}), wanted {wanted}")
            # A kept CE is about its own code, never a header or library the root lacks.
            if "No such file" in row.get("compile_error", "") or "cannot find" in row.get(
                    "compile_error", ""):
                raise Failure(f"{row['file']}: CE for want of a file: {row['compile_error']}")
    kept = sum(len([f for f in files if f.endswith(".cu")])
               for slug in ("attention", "allreduce")
               for _, _, files in os.walk(os.path.join(REPO, "solutions", slug)))
    if rows != kept:
        raise Failure(f"{rows} submissions judged, {kept} kept")
    for name in ("attention_timed", "allreduce_timed", "sanitizers"):
        if stages[name] != {**stages[name], "status": "skipped", "reason": "no CUDA device here"}:
            raise Failure(f"{name}: {stages[name]}, not skipped for want of a device")
    return results, rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(REPO, "build"))
    parser.add_argument("--keep", help="keep the root, kit and output in this folder")
    args = parser.parse_args()
    nvcc = cuda_paths.find_nvcc()
    if not nvcc:
        print("gpu_kit_test: skipped: no nvcc here")
        return SKIP
    toolkit = cuda_paths.toolkit_root(nvcc)
    namespaces = namespace_flags()
    probe = subprocess.run(["unshare"] + namespaces + ["true"], capture_output=True, text=True)
    if probe.returncode != 0:
        print(f"gpu_kit_test: skipped: unshare failed here: {probe.stderr.strip()}")
        return SKIP
    # Beside the build folder: hard links need the same file system as /usr.
    work = args.keep or tempfile.mkdtemp(prefix="gpu-kit-test-", dir=args.build)
    os.makedirs(work, exist_ok=True)
    root, kit, out = (os.path.join(work, n) for n in ("root", "kit", "out"))
    try:
        subprocess.run([sys.executable, os.path.join(REPO, "gpu", "kit", "make_kit.py"),
                        "--judge", os.path.join(args.build, "judge"),
                        "--gpu-build", os.path.join(args.build, "gpu"), "--out", kit], check=True)
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(kit) for f in fs)
        if size >= KIT_LIMIT:
            raise Failure(f"the kit is {size / (1 << 20):.1f} MiB, not under 50")
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        files = make_root(root, toolkit)
        check_absent(root)
        print(f"gpu_kit_test: kit {size / (1 << 20):.1f} MiB; root of {files} files", flush=True)
        subprocess.run(["unshare"] + namespaces + ["sh", "-c", ENTER, "enter", root, toolkit,
                                                   REPO, kit, out], check=True)
        results, rows = check_results(out, as_root=os.geteuid() == 0)
    except (Failure, subprocess.CalledProcessError, OSError) as error:
        print(f"gpu_kit_test: FAILED: {error}")
        if os.path.exists(os.path.join(out, "driver.log")):
            print(open(os.path.join(out, "driver.log")).read())
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"gpu_kit_test: ok: {rows} kept submissions compiled in the root, each at "
          f"'no CUDA device here' or CE as kept; {results['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
