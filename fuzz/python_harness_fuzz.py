#!/usr/bin/env python3
"""Fuzzes the Python harness's reader of case lines (judge/interview/python/harness.py).

The harness runs inside the submission's process on the judge's data: each line of the cases
file is parsed by parse_case against the problem's signature. A line must either become calls
or raise InputError (the judge's error, reported as input_error), quickly; any other exception
would end the harness with a traceback and take every later case with it.

A libFuzzer target is not natural for Python and atheris is not a Debian package, so this is a
small mutation fuzzer on the standard library alone. It replays every input of
fuzz/corpus/python_harness/ and fuzz/regressions/python_harness/ (one case line per file) against
every signature below, then mutates them for --seconds. A failing input is written to
WORK/crash-<sha1>: fix the harness, then keep the input in fuzz/regressions/python_harness/.

    python3 fuzz/python_harness_fuzz.py --seconds 20 --work /tmp/fuzz-python [--seed N]
    python3 fuzz/python_harness_fuzz.py --replay-only
"""

import argparse
import hashlib
import importlib.util
import json
import os
import random
import signal
import sys
import time
import traceback

FUZZ_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(FUZZ_DIR)
NAME = "python_harness"
SECONDS_PER_INPUT = 5  # a line of a few MB parses in well under a second

# Signatures of every shape: the interview problems' own, and one per type of the vocabulary.
EXTRA_SIGNATURES = [
    {"function": "f", "returns": "int",
     "params": [{"name": "a", "type": "double"}, {"name": "b", "type": "double[][]"},
                {"name": "c", "type": "string"}, {"name": "d", "type": "bool[]"},
                {"name": "e", "type": "long"}]},
    {"function": "g", "returns": "void", "params": []},
    {"class": "Design", "constructors": [[], [{"name": "x", "type": "double[]"}]],
     "methods": [{"name": "put", "params": [{"name": "v", "type": "double"}], "returns": "void"},
                 {"name": "get", "params": [], "returns": "double"}]},
]


def load_harness():
    path = os.path.join(ROOT, "judge", "interview", "python", "harness.py")
    spec = importlib.util.spec_from_file_location("judge_harness", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def signatures(harness):
    raw = []
    problems = os.path.join(ROOT, "problems")
    for slug in sorted(os.listdir(problems)):
        path = os.path.join(problems, slug, "problem.json")
        if os.path.exists(path):
            with open(path, "rb") as f:
                problem = json.load(f)
            if problem.get("style") == "interview":
                raw.append(problem["signature"])
    return [harness.Signature(j) for j in raw + EXTRA_SIGNATURES]


def read_inputs():
    inputs = []
    for folder in ("corpus", "regressions"):
        path = os.path.join(FUZZ_DIR, folder, NAME)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            with open(os.path.join(path, name), "rb") as f:
                inputs.append((os.path.join(folder, NAME, name), expand(f.read())))
    return inputs


def expand(data):
    """A kept input may be too big to keep as it is: a file holding `#repeat N TEXT|TAIL` stands
    for TEXT N times, then TAIL (the deep nesting of a regression input)."""
    if not data.startswith(b"#repeat "):
        return data
    count, rest = data[len(b"#repeat "):].rstrip(b"\n").split(b" ", 1)
    text, tail = rest.split(b"|", 1)
    return text * int(count) + tail


class Hang(Exception):
    pass


def on_alarm(signum, frame):
    raise Hang()


def check_line(harness, sigs, line):
    """None if every signature parses the line or refuses it with InputError, else the error."""
    for sig in sigs:
        signal.setitimer(signal.ITIMER_REAL, SECONDS_PER_INPUT)
        try:
            harness.parse_case(line, sig)
        except harness.InputError:
            pass
        except Hang:
            return "no answer within %d s" % SECONDS_PER_INPUT
        except BaseException:
            return traceback.format_exc(limit=-4)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return None


# ----------------------------------------------------------------------------------------------
# Mutations: bytes, and values inside lines that parse.

INTERESTING_VALUES = [
    0, -1, 1, 2 ** 31, -2 ** 31 - 1, 2 ** 63, -2 ** 63 - 1, 10 ** 400, -10 ** 400, 1e308, -0.0,
    0.5, "", "\ud800", "\u0000", "MinHeap", "push", True, False, None, [], {}, [[]], {"a": 1},
]
INTERESTING_TEXT = [b"NaN", b"Infinity", b"-Infinity", b"1e999", b"\xff", b"\xc3", b"\"\\ud800\"",
                    b"[", b"]", b"{", b"}", b",", b":", b"\"", b"\\", b"\n", b"\r", b" ", b"\x00",
                    b"9" * 400, b"0.0000000000000000000001"]


def mutate_value(value, rng):
    if isinstance(value, list) and value and rng.random() < 0.7:
        copy = list(value)
        i = rng.randrange(len(copy))
        choice = rng.random()
        if choice < 0.6:
            copy[i] = mutate_value(copy[i], rng)
        elif choice < 0.8:
            del copy[i]
        else:
            copy.insert(i, copy[i])
        return copy
    if rng.random() < 0.2:
        depth = rng.choice([2, 50, 5000])
        return json.loads("[" * depth + "]" * depth)
    return rng.choice(INTERESTING_VALUES)


def mutate(data, corpus, rng):
    try:
        value = json.loads(data)
        if rng.random() < 0.5:
            return json.dumps(mutate_value(value, rng)).encode()
    except (ValueError, RecursionError):
        pass
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        pos = rng.randint(0, len(data))
        if choice < 0.3 and data:
            data[min(pos, len(data) - 1)] = rng.randrange(256)
        elif choice < 0.5:
            data[pos:pos] = rng.choice(INTERESTING_TEXT)
        elif choice < 0.7 and data:
            end = rng.randint(pos, min(len(data), pos + 16))
            del data[pos:end]
        elif choice < 0.85:
            other = rng.choice(corpus)
            start = rng.randint(0, len(other))
            data[pos:pos] = other[start:start + rng.randint(1, 32)]
        else:
            end = rng.randint(pos, min(len(data), pos + 8))
            data[pos:pos] = data[pos:end] * rng.randint(2, 64)
    return bytes(data)


# ----------------------------------------------------------------------------------------------


def report(work, source, line, error):
    digest = hashlib.sha1(line).hexdigest()
    sys.stdout.write("python_harness_fuzz: %s fails:\n%s\n" % (source, error))
    if work:
        os.makedirs(work, exist_ok=True)
        path = os.path.join(work, "crash-" + digest)
        with open(path, "wb") as f:
            f.write(line)
        sys.stdout.write("input written to %s; fix the harness, then keep the input in "
                         "fuzz/regressions/%s/ (CONTRIBUTING.md)\n" % (path, NAME))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--work", default="")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--replay-only", action="store_true")
    args = parser.parse_args(argv)

    harness = load_harness()
    # As in the harness's own process: its recursion limit and stack (prepare_process wants
    # fd 3, where results would go), then this script's alarm.
    try:
        os.fstat(3)
    except OSError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), 3)
    harness.prepare_process()
    signal.signal(signal.SIGALRM, on_alarm)
    sigs = signatures(harness)

    inputs = read_inputs()
    if not inputs:
        sys.stdout.write("python_harness_fuzz: no inputs in fuzz/corpus/%s/\n" % NAME)
        return 1
    for source, line in inputs:
        error = check_line(harness, sigs, line)
        if error:
            report(args.work, source, line, error)
            return 1
    sys.stdout.write("python_harness_fuzz: %d inputs replayed against %d signatures\n"
                     % (len(inputs), len(sigs)))
    if args.replay_only:
        return 0

    seed = args.seed if args.seed is not None else random.randrange(2 ** 32)
    rng = random.Random(seed)
    corpus = [line for _, line in inputs]
    deadline = time.monotonic() + args.seconds
    runs = 0
    while time.monotonic() < deadline:
        line = mutate(rng.choice(corpus), corpus, rng)
        runs += 1
        error = check_line(harness, sigs, line)
        if error:
            report(args.work, "a mutated input (--seed %d, run %d)" % (seed, runs), line, error)
            return 1
        if len(corpus) < 2000 and rng.random() < 0.05:
            corpus.append(line)
    sys.stdout.write("python_harness_fuzz: %d mutated inputs in %.0f s (--seed %d), all clean\n"
                     % (runs, args.seconds, seed))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
