#!/usr/bin/env python3
"""Throughput of the judge's queue with 1 and 2 workers, measured side by side.

A benchmark, not a test: it starts a PostgreSQL server of its own (initdb into /tmp, as nobody
when run as root, a Unix socket only; removed at the end), queues a batch of maximum-gap's kept
submissions (accepted, wrong answer and runtime error, C++ and Python), and times `judge worker`
processes judging the whole batch: 1 worker, then 2, alternating for --rounds rounds so that both
see the same machine. A first, untimed pass fills the compile cache, so every round judges
without compiling (as a contest does after its first minutes). Prints each round's jobs per
second and the ratio of the medians (2 workers / 1).

  python3 benchmarks/queue_throughput.py --judge build/judge [--copies 3] [--rounds 3]
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
PROBLEM = "maximum-gap"
VERDICTS = ("accepted", "wrong_answer", "runtime_error")


class Server:
    """A throwaway PostgreSQL server, as judge/store/temporary_pg_server.h starts one."""

    def __init__(self):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not bins:
            sys.exit("queue_throughput: PostgreSQL is not installed (Debian's postgresql package)")
        self.bin = os.path.dirname(bins[-1])
        self.dir = tempfile.mkdtemp(prefix="judge-pg-bench-", dir="/tmp")
        self.as_owner = []
        if os.geteuid() == 0:
            os.chmod(self.dir, 0o755)
            shutil.chown(self.dir, "nobody", "nogroup")
            self.as_owner = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        data = os.path.join(self.dir, "data")
        self.run("initdb", "-D", data, "-A", "trust", "-U", "judge", "-E", "UTF8", "--no-sync")
        self.run("pg_ctl", "start", "-w", "-D", data, "-l", os.path.join(self.dir, "log"), "-o",
                 f"-c listen_addresses='' -k {self.dir} -c fsync=off -c max_connections=200")

    def run(self, binary, *args):
        subprocess.run(self.as_owner + [os.path.join(self.bin, binary), *args], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def url(self, database):
        return f"postgresql:///{database}?host={self.dir}&user=judge"

    def sql(self, database, query):
        out = subprocess.run(["psql", "-qtA", self.url(database), "-c", query], check=True,
                             capture_output=True, text=True).stdout
        return out.strip()

    def stop(self):
        self.run("pg_ctl", "stop", "-m", "immediate", "-D", os.path.join(self.dir, "data"))
        shutil.rmtree(self.dir, ignore_errors=True)


def batch(copies):
    files = []
    for verdict in VERDICTS:
        files += sorted(glob.glob(os.path.join(ROOT, "solutions", PROBLEM, verdict, "*.*")))
    return files * copies


def judge_batch(args, server, database, files, workers):
    """Queues `files` in a fresh database and returns the seconds `workers` took to judge them."""
    server.sql("postgres", f"CREATE DATABASE {database}")
    url = server.url(database)
    for i, f in enumerate(files):
        subprocess.run([args.judge, "--root", ROOT, "--store", url, "submit", PROBLEM, f,
                        "--user", f"u{i}"], check=True, stdout=subprocess.DEVNULL)
    start = time.monotonic()
    procs = [subprocess.Popen([args.judge, "--root", ROOT, "--store", url, "worker", "--jobs", "1"],
                              stderr=subprocess.DEVNULL) for _ in range(workers)]
    while int(server.sql(database, "SELECT COUNT(*) FROM jobs WHERE state NOT IN "
                                   "('queued', 'running')")) < len(files):
        time.sleep(0.05)
    seconds = time.monotonic() - start
    for p in procs:
        p.terminate()
        p.wait()
    wrong = server.sql(database, "SELECT COUNT(*) FROM jobs WHERE state <> 'judged'")
    if wrong != "0":
        sys.exit(f"queue_throughput: {wrong} jobs were not judged")
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judge", default=os.path.join(ROOT, "build", "judge"))
    parser.add_argument("--copies", type=int, default=3, help="copies of the batch per round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("JUDGE_CACHE_DIR", os.path.join(ROOT, "build", "bench-cache"))
    server = Server()
    try:
        judge_batch(args, server, "warm", batch(1), 2)  # fills the compile cache; not timed
        files = batch(args.copies)
        rates = {1: [], 2: []}
        for r in range(args.rounds):
            for workers in (1, 2):
                seconds = judge_batch(args, server, f"round{r}w{workers}", files, workers)
                rates[workers].append(len(files) / seconds)
                print(f"round {r + 1}: {workers} worker{'s' if workers > 1 else ''}: "
                      f"{len(files)} jobs in {seconds:.1f} s, {len(files) / seconds:.2f} jobs/s",
                      flush=True)
        one, two = statistics.median(rates[1]), statistics.median(rates[2])
        print(f"median: 1 worker {one:.2f} jobs/s, 2 workers {two:.2f} jobs/s; "
              f"ratio {two / one:.2f} (aim >= 1.7 on 2 cores)")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
