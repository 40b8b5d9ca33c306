"""Where a machine keeps its CUDA pieces, for the GPU kit's driver (gpu/kit/run_gpu_check.py).

On the lent GPU machine the toolkit (nvcc, cudart) is in /usr/local/cuda*, but cuBLAS and NCCL may
come only as pip wheels (site-packages/nvidia/<lib>/lib, with versioned names alone such as
libcublas.so.13, and nccl.h in the wheel's include/). `nvcc -lcublas -lnccl` needs unversioned
names, so this module makes a folder of links to them, and gives the environment that lets the
judge, nvcc, gpu_probe and the runners find everything: LD_LIBRARY_PATH, LIBRARY_PATH and CPATH,
which the judge passes on to nvcc (showing their folders inside its sandbox), the probe and the
runners (gpu/PROTOCOL.md).
"""
import glob
import os
import shutil
import subprocess
import sys

# The libraries a runner links (-lcublas, and -lnccl for NCCL users) and what they need.
LINKED = ["cublas", "cublasLt", "nccl"]
# Reported in the environment stage: where each was found.
REPORTED = ["cudart", "cublas", "cublasLt", "nccl", "cudnn"]
# Pythons that may hold PyTorch and the CUDA wheels: the GPU image's first.
TORCH_PYTHONS = ["/opt/torch/.venv/bin/python3"]


def find_nvcc(given=None):
    for candidate in [given, shutil.which("nvcc"), "/usr/local/cuda/bin/nvcc"]:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return os.path.abspath(candidate)
    return None


def torch_python():
    for candidate in TORCH_PYTHONS:
        if os.path.isfile(candidate):
            return candidate
    return sys.executable


def toolkit_root(nvcc):
    """The toolkit's folder (the one holding bin/nvcc), asked of nvcc itself: the nvcc on PATH may
    be a wrapper script elsewhere (/usr/local/bin/nvcc running /usr/local/cuda-13.0/bin/nvcc)."""
    try:
        done = subprocess.run([nvcc, "--dryrun", "-x", "cu", "-c", os.devnull, "-o", os.devnull],
                              capture_output=True, text=True, timeout=60)
        for line in (done.stdout + done.stderr).splitlines():
            if line.startswith("#$ _HERE_="):
                return os.path.dirname(os.path.realpath(line.split("=", 1)[1].strip()))
    except (OSError, subprocess.TimeoutExpired):
        pass
    return os.path.dirname(os.path.dirname(os.path.realpath(nvcc)))


def toolkit_dirs(nvcc):
    """The toolkit's library folders (lib64, lib, targets/.../lib)."""
    if not nvcc:
        return []
    root = toolkit_root(nvcc)
    found = []
    for sub in ["lib64", "lib", "targets/x86_64-linux/lib"]:
        path = os.path.join(root, sub)
        if os.path.isdir(path) and os.path.realpath(path) not in map(os.path.realpath, found):
            found.append(path)
    return found


def site_packages(python):
    """site-packages folders of the torch python and of this one, by their usual places."""
    prefixes = {os.path.dirname(os.path.dirname(python)), sys.prefix}
    out = []
    for prefix in sorted(prefixes):
        out += glob.glob(os.path.join(prefix, "lib", "python3*", "site-packages"))
    out += [p for p in sys.path if p.endswith("site-packages") and os.path.isdir(p)]
    return sorted(set(out))


def wheel_dirs(python, kind):
    """nvidia/*/lib (kind "lib") or nvidia/*/include folders of pip's CUDA wheels."""
    out = []
    for packages in site_packages(python):
        out += glob.glob(os.path.join(packages, "nvidia", "*", kind))
        out += glob.glob(os.path.join(packages, "nvidia", "*", "*", kind))
    return sorted(p for p in set(out) if os.path.isdir(p))


def find_library(name, folders):
    """(path, unversioned) of lib<name>.so in the first folder holding it, or of a versioned
    lib<name>.so.N where no folder has the plain name; (None, False) where none has it."""
    for folder in folders:
        plain = os.path.join(folder, f"lib{name}.so")
        if os.path.exists(plain):
            return plain, True
    for folder in folders:
        versioned = sorted(glob.glob(os.path.join(folder, f"lib{name}.so.*")), key=len)
        if versioned:
            return versioned[0], False
    return None, False


def cuda_environment(nvcc, python, links_dir):
    """Makes `links_dir` (links lib<name>.so -> a wheel's versioned file) and returns
    (environment additions, where each library was found)."""
    toolkit = toolkit_dirs(nvcc)
    wheels = wheel_dirs(python, "lib")
    lib_folders = toolkit + wheels
    shutil.rmtree(links_dir, ignore_errors=True)
    os.makedirs(links_dir)
    found = {}
    for name in sorted(set(LINKED + REPORTED)):
        path, plain = find_library(name, lib_folders)
        found[name] = {"path": path, "unversioned": plain}
        if path and not plain and name in LINKED:
            link = os.path.join(links_dir, f"lib{name}.so")
            os.symlink(path, link)
            found[name]["linked_as"] = link
    includes = []
    if not any(os.path.exists(os.path.join(os.path.dirname(d), "include", "nccl.h")) for d in toolkit):
        includes = [d for d in wheel_dirs(python, "include") if os.path.exists(os.path.join(d, "nccl.h"))]
    found["nccl.h"] = {"path": os.path.join(includes[0], "nccl.h") if includes else None}

    def joined(variable, folders):
        old = os.environ.get(variable, "")
        return ":".join(folders + ([old] if old else []))

    env = {"LD_LIBRARY_PATH": joined("LD_LIBRARY_PATH", [links_dir] + lib_folders),
           "LIBRARY_PATH": joined("LIBRARY_PATH", [links_dir] + lib_folders)}
    if includes:
        env["CPATH"] = joined("CPATH", includes[:1])
    return env, found
