"""Judge harness for Python solutions of interview-style problems.

Runs every case of a problem in one process: reads each case's arguments, calls the solution's
method (or drives its design class) under per-call limits, and writes one JSON result line per
case to fd 3. The command line, the case and result formats, and the limits are described in
judge/interview/PROTOCOL.md; the C++ harness (judge/interview/cpp/harness_runtime.h) follows the
same protocol.

    python3 harness.py SOLUTION_FILE SIGNATURE_JSON_FILE CASES_FILE TIME_LIMIT_MS WALL_LIMIT_MS \
        MEMORY_LIMIT_KB
    python3 harness.py --check SOLUTION_FILE

The judge embeds this file in its binary and writes it out next to the solution; it uses only
the standard library.
"""

import json
import math
import os
import resource
import signal
import sys
import time
import traceback
import types

# What LeetCode makes available without imports. `from math import *` would replace the built-in
# three-argument pow with math.pow, so it is deleted again.
PRELUDE = """
import array, bisect, collections, copy, decimal, fractions, functools, heapq, itertools, math
import operator, random, re, statistics, string, sys, typing
from typing import *
from collections import *
from heapq import *
from bisect import *
from functools import *
from itertools import *
from math import *
del pow
try:
    from sortedcontainers import SortedDict, SortedList, SortedSet
except ImportError:
    pass
"""

# Deep recursion is common in LeetCode solutions (a DFS over 10^5 nodes); LeetCode allows it.
RECURSION_LIMIT = 550000


class InputError(Exception):
    """A case the harness cannot read: the judge's error, never the solution's."""


class SolutionError(Exception):
    """The solution cannot be loaded (a syntax error, no such class): every case fails with it."""


# ----------------------------------------------------------------------------------------------
# Process setup.


def prepare_process():
    # The timers kill through their default actions; a parent may have left them ignored or
    # blocked.
    for sig in (signal.SIGPROF, signal.SIGALRM):
        signal.signal(sig, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGPROF, signal.SIGALRM})
    # The main thread's stack may grow up to the soft limit read at fault time, so raising it
    # here lets recursion through C code (functools.cache) go as deep as the recursion limit.
    soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
    if soft != resource.RLIM_INFINITY:
        wanted = 1 << 30
        if hard != resource.RLIM_INFINITY:
            wanted = min(wanted, hard)
        try:
            resource.setrlimit(resource.RLIMIT_STACK, (max(soft, wanted), hard))
        except (ValueError, OSError):
            pass
    sys.setrecursionlimit(RECURSION_LIMIT)
    try:
        os.fstat(3)
    except OSError:
        sys.stderr.write("judge harness: results go to fd 3, which is not open\n")
        sys.exit(2)


# ----------------------------------------------------------------------------------------------
# Loading the solution.


def check(solution_file):
    """The "compile" step: 0 if the file compiles, else 1 with the error on stderr."""
    name = os.path.basename(solution_file)
    with open(solution_file, "rb") as f:
        source = f.read()
    try:
        compile(source, name, "exec", dont_inherit=True)
    except SyntaxError as e:
        sys.stderr.write("%s:%d: %s: %s\n" % (name, e.lineno or 1, type(e).__name__, e.msg))
        sys.stderr.write("".join(traceback.format_exception_only(type(e), e)))
        return 1
    except ValueError as e:  # null bytes in the source
        sys.stderr.write("%s:1: SyntaxError: %s\n" % (name, e))
        return 1
    return 0


def load_solution(solution_file):
    """Executes the solution in a module with LeetCode's names; returns the module's namespace."""
    name = os.path.basename(solution_file)
    with open(solution_file, "rb") as f:
        source = f.read()
    module = types.ModuleType("__solution__")
    module.__file__ = name
    # Registered so that @dataclass and pickle, which look classes up by module, work.
    sys.modules[module.__name__] = module
    exec(compile(PRELUDE, "<judge prelude>", "exec"), module.__dict__)
    try:
        code = compile(source, name, "exec", dont_inherit=True)
    except SyntaxError as e:
        raise SolutionError("%s: %s (%s, line %d)" % (type(e).__name__, e.msg, name, e.lineno or 1))
    except ValueError as e:  # null bytes in the source
        raise SolutionError("SyntaxError: %s (%s, line 1)" % (e, name))
    try:
        exec(code, module.__dict__)
    except BaseException as e:  # the file's top level ran and raised
        raise SolutionError(describe_exception(e, name))
    return module.__dict__


def describe_exception(e, filename):
    """ "IndexError: list index out of range (solution.py, line 7)": the last line of the
    solution's file that the traceback passed through."""
    text = str(e)
    message = type(e).__name__ + (": " + text if text else "")
    # A walk, not traceback.extract_tb: after a RecursionError the traceback is 10^5 frames deep.
    line = None
    tb = e.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    if line is not None:
        message += " (%s, line %d)" % (filename, line)
    return message


# ----------------------------------------------------------------------------------------------
# Signatures and cases.


class Signature:
    """problem.json's "signature" object (problems/FORMAT.md), as the harness needs it."""

    def __init__(self, j):
        self.is_design = "class" in j
        if self.is_design:
            self.class_name = j["class"]
            self.constructors = [[p["type"] for p in params] for params in j["constructors"]]
            self.methods = {m["name"]: ([p["type"] for p in m["params"]], m["returns"])
                            for m in j["methods"]}
        else:
            self.class_name = "Solution"
            self.constructors = [[]]
            self.methods = {j["function"]: ([p["type"] for p in j["params"]], j["returns"])}
            self.function = j["function"]


def to_declared(value, type_name):
    """Arguments as the signature's types: JSON's 3 for a double parameter becomes 3.0."""
    if not type_name.startswith("double"):
        return value
    if type_name == "double":
        return float(value) if type(value) is int else value
    element = type_name[:-2]
    if isinstance(value, list):
        return [to_declared(v, element) for v in value]
    return value


def checked_args(args, types_, where):
    if not isinstance(args, list):
        raise InputError("%s: expected an argument list" % where)
    if len(args) != len(types_):
        raise InputError("%s: expected %d argument%s, got %d"
                         % (where, len(types_), "" if len(types_) == 1 else "s", len(args)))
    try:
        return [to_declared(a, t) for a, t in zip(args, types_)]
    except OverflowError:  # an integer past 1.8e308 for a double, as the C++ harness refuses it
        raise InputError("%s: a number does not fit in a double" % where)


def parse_case(line, sig):
    """The calls of one case: [(operation name or None for the constructor, args, returns)]."""
    try:
        case = json.loads(line)
    except ValueError as e:
        raise InputError("invalid JSON: %s" % e)
    except RecursionError:  # json's decoder recurses once per level of nesting
        raise InputError("invalid JSON: nested deeper than %d levels" % RECURSION_LIMIT)
    if not sig.is_design:
        types_, returns = sig.methods[sig.function]
        return [(None, [], "void"), (sig.function, checked_args(case, types_, "arguments"), returns)]
    if not (isinstance(case, list) and len(case) == 2 and isinstance(case[0], list)
            and isinstance(case[1], list)):
        raise InputError("expected [operations, arguments]")
    names, arguments = case
    if len(names) != len(arguments):
        raise InputError("%d operations but %d argument lists" % (len(names), len(arguments)))
    if not names or names[0] != sig.class_name:
        raise InputError("the first operation must be %s" % sig.class_name)
    if not isinstance(arguments[0], list) or not any(
            len(arguments[0]) == len(c) for c in sig.constructors):
        raise InputError('operation 0 ("%s"): no constructor takes these arguments' % names[0])
    ctor = next(c for c in sig.constructors if len(c) == len(arguments[0]))
    calls = [(None, checked_args(arguments[0], ctor, 'operation 0 ("%s")' % names[0]), "void")]
    for i in range(1, len(names)):
        where = 'operation %d ("%s")' % (i, names[i])
        if not isinstance(names[i], str) or names[i] not in sig.methods:
            raise InputError("%s: not a method of %s" % (where, sig.class_name))
        types_, returns = sig.methods[names[i]]
        calls.append((names[i], checked_args(arguments[i], types_, where), returns))
    return calls


# ----------------------------------------------------------------------------------------------
# Limits and measurements around one call.


def read_proc_memory():
    """(VmRSS, VmHWM, VmSize) in kB."""
    values = {}
    try:
        with open("/proc/self/status", "rb") as f:
            for line in f:
                if line.startswith((b"VmRSS:", b"VmHWM:", b"VmSize:")):
                    key, value = line.split(b":", 1)
                    values[key] = int(value.split()[0])
    except OSError:
        pass
    return values.get(b"VmRSS", 0), values.get(b"VmHWM", 0), values.get(b"VmSize", 0)


def reset_peak_memory():
    """Resets VmHWM to the current resident size; False where the kernel refuses."""
    try:
        fd = os.open("/proc/self/clear_refs", os.O_WRONLY)
    except OSError:
        return False
    try:
        return os.write(fd, b"5") == 1
    except OSError:
        return False
    finally:
        os.close(fd)


def make_malloc_trim():
    """glibc's malloc_trim, so that memory freed by earlier cases goes back to the kernel and the
    next call's allocations show up in the resident size; a no-op where unavailable."""
    try:
        import ctypes
        trim = ctypes.CDLL(None).malloc_trim
        trim.argtypes = [ctypes.c_size_t]
        return lambda: trim(0)
    except (ImportError, OSError, AttributeError):
        return lambda: None


class Meter:
    """Arms the limits and starts measuring in start(); stop() undoes both.

    Time is the thread's CPU time, not the process clock: while ITIMER_PROF is armed, the kernel
    answers the process clock from a counter updated at scheduler ticks, which misreads a short
    call by up to a tick. ITIMER_PROF still bounds the whole process.
    """

    def __init__(self, time_limit_ms, wall_limit_ms, memory_limit_kb):
        self.time_limit_ms = time_limit_ms
        self.wall_limit_ms = wall_limit_ms
        self.memory_limit_kb = memory_limit_kb
        self.malloc_trim = make_malloc_trim()
        self.saved_as = None

    def start(self):
        self.malloc_trim()
        reset_peak_memory()  # without it the peak may predate the call: the formula still holds
        rss, _, size = read_proc_memory()
        self.rss_before = rss
        self.saved_as = None
        if self.memory_limit_kb > 0:
            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            wanted = (size + self.memory_limit_kb) * 1024
            if hard != resource.RLIM_INFINITY:
                wanted = min(wanted, hard)
            try:
                resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
                self.saved_as = (soft, hard)
            except (ValueError, OSError):
                pass
        if self.time_limit_ms > 0:
            signal.setitimer(signal.ITIMER_PROF, (self.time_limit_ms + 100) / 1000.0)
        if self.wall_limit_ms > 0:
            signal.setitimer(signal.ITIMER_REAL, self.wall_limit_ms / 1000.0)
        self.start_ns = time.thread_time_ns()

    def stop(self):
        """(time_ns, memory_kb) of the window."""
        elapsed = time.thread_time_ns() - self.start_ns
        if self.time_limit_ms > 0:
            signal.setitimer(signal.ITIMER_PROF, 0)
        if self.wall_limit_ms > 0:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if self.saved_as is not None:
            resource.setrlimit(resource.RLIMIT_AS, self.saved_as)
        _, hwm, _ = read_proc_memory()
        return elapsed, max(0, hwm - self.rss_before)


# ----------------------------------------------------------------------------------------------
# Results.


def write_all(fd, data):
    while data:
        data = data[os.write(fd, data):]


def stdout_offset():
    """The solution's stdout so far, flushed: the judge slices each case's debug output by it."""
    try:
        sys.stdout.flush()
    except Exception:  # the solution may have replaced or closed sys.stdout
        pass
    try:
        return os.lseek(1, 0, os.SEEK_CUR)
    except OSError:
        return -1


def write_result(status, usage, payload):
    time_ns, memory_kb = usage
    head = '{"status":"%s","time_ns":%d,"memory_kb":%d,"stdout_bytes":%d,' % (
        status, time_ns, memory_kb, stdout_offset())
    if status == "ok":
        tail = '"output":' + payload + "}\n"
    else:
        tail = '"message":' + json.dumps(payload) + "}\n"
    write_all(3, (head + tail).encode("utf-8"))


def finite(value):
    """JSON has no NaN or infinities: they become strings, as in the C++ harness."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def as_declared(value, returns):
    """Converts as LeetCode's driver does for a scalar of the wrong kind: 1 for a bool, 2.0 for
    an int. Other values are written as they are."""
    if returns == "bool" and type(value) is int:
        return bool(value)
    if returns in ("int", "long") and type(value) is float and value.is_integer():
        return int(value)
    return value


def serialise(value):
    try:
        return json.dumps(value, separators=(",", ":"), allow_nan=False)
    except ValueError:
        return json.dumps(finite(value), separators=(",", ":"))


# ----------------------------------------------------------------------------------------------
# Running cases.


def run_case(cls, calls, design, meter, filename):
    """Runs one parsed case; returns (status, usage, output JSON or message)."""
    results = []
    meter.start()
    try:
        # The loop is inside the window: a few hundred nanoseconds per design operation.
        obj = cls(*calls[0][1])
        for name, args, _ in calls[1:]:
            results.append(getattr(obj, name)(*args))
        usage = meter.stop()
    except MemoryError as e:
        usage = meter.stop()
        return "memory", usage, describe_exception(e, filename)
    except BaseException as e:  # SystemExit too: the solution's, not the harness's
        usage = meter.stop()
        return "exception", usage, describe_exception(e, filename)
    del obj  # after stop(): the solution's cleanup is not charged
    outputs = [None if returns == "void" else as_declared(r, returns)
               for r, (_, _, returns) in zip(results, calls[1:])]
    try:
        return "ok", usage, serialise([None] + outputs if design else outputs[0])
    except (TypeError, ValueError) as e:
        return "exception", usage, "cannot serialise the result: %s" % e


def run(solution_file, signature_file, cases_file, time_limit_ms, wall_limit_ms, memory_limit_kb):
    prepare_process()
    filename = os.path.basename(solution_file)
    with open(signature_file, "rb") as f:
        sig = Signature(json.load(f))
    with open(cases_file, "rb") as f:
        data = f.read()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    del data
    setup_error = None
    cls = None
    try:
        namespace = load_solution(solution_file)
        cls = namespace.get(sig.class_name)
        if not isinstance(cls, type):
            raise SolutionError("NameError: the solution defines no class %s" % sig.class_name)
    except SolutionError as e:
        setup_error = str(e)
    meter = Meter(time_limit_ms, wall_limit_ms, memory_limit_kb)
    for line in lines:
        if setup_error is not None:
            write_result("exception", (0, 0), setup_error)
            continue
        try:
            calls = parse_case(line, sig)
        except InputError as e:
            write_result("input_error", (0, 0), str(e))
            continue
        write_result(*run_case(cls, calls, sig.is_design, meter, filename))


def parse_limit(text, what):
    try:
        value = int(text)
        if value >= 0:
            return value
    except ValueError:
        pass
    sys.stderr.write("judge harness: %s must be a non-negative integer, got %r\n" % (what, text))
    sys.exit(2)


def main(argv):
    if len(argv) == 3 and argv[1] == "--check":
        return check(argv[2])
    if len(argv) != 7:
        sys.stderr.write(
            "usage: harness.py SOLUTION_FILE SIGNATURE_JSON_FILE CASES_FILE TIME_LIMIT_MS "
            "WALL_LIMIT_MS MEMORY_LIMIT_KB 3>RESULTS\n       harness.py --check SOLUTION_FILE\n"
            "(see judge/interview/PROTOCOL.md)\n")
        return 2
    run(argv[1], argv[2], argv[3], parse_limit(argv[4], "TIME_LIMIT_MS"),
        parse_limit(argv[5], "WALL_LIMIT_MS"), parse_limit(argv[6], "MEMORY_LIMIT_KB"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
