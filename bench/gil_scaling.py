#!/usr/bin/env python3
"""The CPython side of the GIL chapter's benchmark.

Runs the workload of bench/src/workload.rs (the same steps, the same arithmetic) with
`threading` and with `concurrent.futures.ProcessPoolExecutor`, with 1 up to the number of usable
cores workers, and writes the results in the columns of the Rust results (bench/src/results.rs).
Standard library only.

    python3 bench/gil_scaling.py            # writes bench/results/python.csv
    python3 bench/gil_scaling.py --quick    # tiny sizes, one run each: checks that it works
"""

import argparse
import concurrent.futures
import datetime
import os
import statistics
import sys
import threading
import time
from pathlib import Path

# As in bench/src/workload.rs.
ROUNDS = 1_000
TOTAL_STEPS = 10_000
PRIME = 0x0100_0000_01B3  # the FNV-1a 64-bit prime
MASK = (1 << 64) - 1  # Python integers do not wrap; masking gives Rust's wrapping arithmetic

HEADER = "language,variant,workers,steps,median_seconds,steps_per_second,speedup,cpu,cores,date"
QUICK_STEPS = 64


def step(seed):
    """ROUNDS rounds of an FNV-style hash of seed, as `step` in workload.rs."""
    h = seed
    for i in range(ROUNDS):
        h = ((h ^ i) * PRIME) & MASK
    return h


def run_share(seeds):
    """The wrapping sum of the steps of one worker's share of the seeds."""
    total = 0
    for seed in seeds:
        total = (total + step(seed)) & MASK
    return total


def share(total, workers, index):
    """The seeds worker `index` of `workers` works on, as `share` in workload.rs."""
    return range(total * index // workers, total * (index + 1) // workers)


def with_threads(total, workers, _pool):
    """One run on `workers` threads, started and joined inside the timing, as in Rust."""
    results = [0] * workers

    def work(index):
        results[index] = run_share(share(total, workers, index))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(workers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, sum(results) & MASK


def with_processes(total, workers, pool):
    """One run on a pool of `workers` processes, started beforehand as a real program would."""
    started = time.perf_counter()
    results = pool.map(run_share, [share(total, workers, i) for i in range(workers)])
    checksum = sum(results) & MASK
    return time.perf_counter() - started, checksum


def usable_cores():
    if hasattr(os, "process_cpu_count"):  # Python 3.13 and later
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def cpu_model():
    """The CPU model as /proc/cpuinfo names it, as collect.rs reads it too."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                key, _, value = line.partition(":")
                if key.strip() == "model name":
                    return value.strip()
    except OSError:
        pass
    return "unknown CPU"


def measure(variant, run, total, workers, repeats):
    """The median time of `repeats` runs, after one untimed run that starts the pool's processes."""
    pool = None
    if variant == "processes":
        pool = concurrent.futures.ProcessPoolExecutor(max_workers=workers)
    try:
        _, expected = run(total, workers, pool)
        times = []
        for _ in range(repeats):
            elapsed, checksum = run(total, workers, pool)
            if checksum != expected:
                sys.exit(f"{variant} x{workers}: checksum {checksum}, expected {expected}")
            times.append(elapsed)
        return statistics.median(times), expected
    finally:
        if pool is not None:
            pool.shutdown()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one run each")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per configuration")
    parser.add_argument("--max-workers", type=int, default=usable_cores())
    parser.add_argument(
        "--output",
        default=str(Path(__file__).resolve().parent / "results" / "python.csv"),
        help="where to write the CSV; - for standard output",
    )
    parser.add_argument(
        "--checksum",
        type=int,
        metavar="STEPS",
        help="print the wrapping sum of the first STEPS steps and exit",
    )
    args = parser.parse_args()
    if args.checksum is not None:
        print(run_share(range(args.checksum)))
        return

    total = QUICK_STEPS if args.quick else TOTAL_STEPS
    repeats = 1 if args.quick else args.repeats
    # A smoke run needs one and two workers, not a process pool per core of a large machine.
    max_workers = min(args.max_workers, 2) if args.quick else args.max_workers
    cpu = cpu_model().replace(",", " ")
    cores = min(usable_cores(), max_workers)
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")

    lines = [HEADER]
    checksums = set()
    for variant, run in (("threads", with_threads), ("processes", with_processes)):
        single = None
        for workers in range(1, max_workers + 1):
            median, checksum = measure(variant, run, total, workers, repeats)
            checksums.add(checksum)
            throughput = total / median
            single = single or throughput
            print(
                f"{variant:>9} x{workers}: {median:.3f} s, {throughput:,.0f} steps/s",
                file=sys.stderr,
            )
            lines.append(
                f"python,{variant},{workers},{total},{median:.6f},{throughput:.0f},"
                f"{throughput / single:.3f},{cpu},{cores},{date}"
            )
    if len(checksums) != 1:
        sys.exit(f"threads and processes disagree: checksums {sorted(checksums)}")

    text = "\n".join(lines) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
