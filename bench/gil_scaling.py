#!/usr/bin/env python3
"""The CPython side of the GIL chapter's benchmark.

Runs the workload of bench/src/workload.rs (the same steps, the same arithmetic) with
`threading` and with `concurrent.futures.ProcessPoolExecutor`, and, when the PyO3 extension
`hotloop` (extension/) is importable, with `threading` threads that each call Rust for their share,
once holding the GIL and once releasing it; with 1 up to the number of usable cores workers. It
writes the results in the columns of the Rust results (bench/src/results.rs). Standard library
only, besides the optional `hotloop`.

The configurations are interleaved: each round times every configuration once, in an order
shuffled with a fixed seed, so that a slow minute of a shared machine slows one run of each
configuration rather than all the runs of one. A row gives the median time, the quartiles of the
times, and the median and quartiles of the rounds' speedups (each n-worker run against the same
round's one-worker run of its variant).

    python3 bench/gil_scaling.py            # writes bench/results/python.csv
    python3 bench/gil_scaling.py --quick    # tiny sizes, three rounds: checks that it works
    python3 bench/gil_scaling.py --checksum 50   # each variant's total of 50 steps
"""

import argparse
import concurrent.futures
import datetime
import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path

try:
    import hotloop  # built by `cargo run -p book-tools --bin python-extension`
except ImportError:
    hotloop = None

# As in bench/src/workload.rs.
ROUNDS = 1_000
TOTAL_STEPS = 10_000
PRIME = 0x0100_0000_01B3  # the FNV-1a 64-bit prime
MASK = (1 << 64) - 1  # Python integers do not wrap; masking gives Rust's wrapping arithmetic

# Steps of one run of the variants that call Rust: Rust does a step about 80 times as fast as
# CPython, so 80 times the steps make a run last about as long as a pure-Python one, and the
# scheduler's noise weighs about as much on both.
RUST_CALL_STEPS = 80 * TOTAL_STEPS

HEADER = (
    "language,variant,workers,steps,runs,median_seconds,q1_seconds,q3_seconds,"
    "steps_per_second,speedup,speedup_q1,speedup_q3,cpu,cores,date"
)
QUICK_STEPS = 64
QUICK_ROUNDS = 3
# Any fixed seed: the same order of configurations in every measurement.
SEED = 2


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


def on_threads(total, workers, work):
    """One run of `work(seeds)` on `workers` threads, started and joined inside the timing, as in
    Rust; the time and the wrapping sum of what the threads computed."""
    results = [0] * workers

    def run(index):
        results[index] = work(share(total, workers, index))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(workers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, sum(results) & MASK


def with_threads(total, workers, _pool):
    return on_threads(total, workers, run_share)


def calling_rust_holding_gil(total, workers, _pool):
    """Each thread makes one call into Rust for its share, which keeps the GIL throughout."""
    return on_threads(
        total, workers, lambda seeds: hotloop.sum_steps_holding_gil(seeds.start, seeds.stop)
    )


def calling_rust_releasing_gil(total, workers, _pool):
    """Each thread makes one call into Rust for its share, which releases the GIL meanwhile."""
    return on_threads(
        total, workers, lambda seeds: hotloop.sum_steps_releasing_gil(seeds.start, seeds.stop)
    )


def with_processes(total, workers, pool):
    """One run on a pool of `workers` processes, started beforehand as a real program would."""
    started = time.perf_counter()
    results = pool.map(run_share, [share(total, workers, i) for i in range(workers)])
    checksum = sum(results) & MASK
    return time.perf_counter() - started, checksum


def variants(quick):
    """(name, run, steps of one run, needs a process pool), those this interpreter can run."""
    python_steps = QUICK_STEPS if quick else TOTAL_STEPS
    found = [
        ("threads", with_threads, python_steps, False),
        ("processes", with_processes, python_steps, True),
    ]
    if hotloop is not None:
        # At tiny sizes, the same steps as the pure-Python variants, so that all totals agree.
        rust_steps = QUICK_STEPS if quick else RUST_CALL_STEPS
        found += [
            ("rust-holding-gil", calling_rust_holding_gil, rust_steps, False),
            ("rust-releasing-gil", calling_rust_releasing_gil, rust_steps, False),
        ]
    return found


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


def quartiles(values):
    """The first quartile, the median and the third quartile, by linear interpolation between
    the sorted values (`method="inclusive"`, as `quartiles` in bench/src/results.rs)."""
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, median, q3


def measure_interleaved(configurations, rounds, seed):
    """The times of `rounds` rounds of every configuration (name, run, steps, workers, pool), by
    configuration: each round runs each configuration once, in its own shuffled order; one
    untimed round first starts the pools' processes and warms the caches. Every run of a
    configuration must compute the same total."""
    order = random.Random(seed)
    expected = {}
    for name, run, steps, workers, pool in configurations:
        _, expected[(name, workers)] = run(steps, workers, pool)
    times = {(name, workers): [] for name, _, _, workers, _ in configurations}
    for round_index in range(rounds):
        shuffled = list(configurations)
        order.shuffle(shuffled)
        for name, run, steps, workers, pool in shuffled:
            elapsed, checksum = run(steps, workers, pool)
            if checksum != expected[(name, workers)]:
                sys.exit(
                    f"{name} x{workers}: checksum {checksum}, expected {expected[(name, workers)]}"
                )
            times[(name, workers)].append(elapsed)
        print(f"round {round_index + 1} of {rounds} done", file=sys.stderr)
    return times, expected


def checksums(steps):
    """Each available variant's total of the first `steps` steps, on two workers, so that the
    shares and their sum are exercised too."""
    totals = []
    for name, run, _, needs_pool in variants(quick=True):
        pool = concurrent.futures.ProcessPoolExecutor(max_workers=2) if needs_pool else None
        try:
            totals.append((name, run(steps, 2, pool)[1]))
        finally:
            if pool is not None:
                pool.shutdown()
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, three rounds")
    parser.add_argument(
        "--rounds",
        type=int,
        default=15,
        help="timed rounds, each running every configuration once (default 15)",
    )
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the rounds' orders")
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
        help="print each variant's wrapping sum of the first STEPS steps, `variant total` a "
        "line, and exit",
    )
    args = parser.parse_args()
    if args.checksum is not None:
        for name, total in checksums(args.checksum):
            print(name, total)
        return

    rounds = QUICK_ROUNDS if args.quick else args.rounds
    # A smoke run needs one and two workers, not a process pool per core of a large machine.
    max_workers = min(args.max_workers, 2) if args.quick else args.max_workers
    cpu = cpu_model().replace(",", " ")
    cores = min(usable_cores(), max_workers)
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    if hotloop is None:
        print(
            "hotloop is not importable: measuring without the variants that call Rust "
            "(bench/measure.sh runs this script under the extension's interpreter)",
            file=sys.stderr,
        )

    pools = []
    configurations = []
    for name, run, steps, needs_pool in variants(args.quick):
        for workers in range(1, max_workers + 1):
            pool = None
            if needs_pool:
                pool = concurrent.futures.ProcessPoolExecutor(max_workers=workers)
                pools.append(pool)
            configurations.append((name, run, steps, workers, pool))
    try:
        times, totals = measure_interleaved(configurations, rounds, args.seed)
    finally:
        for pool in pools:
            pool.shutdown()

    # Variants of the same size compute the same total; the Rust ones are checked against the
    # pure-Python total too, over the steps both ran (Python cannot afford RUST_CALL_STEPS).
    by_steps = {}
    for name, _, steps, workers, _ in configurations:
        by_steps.setdefault(steps, set()).add(totals[(name, workers)])
    if any(len(found) != 1 for found in by_steps.values()):
        sys.exit(f"the variants disagree: totals by steps {by_steps}")
    if hotloop is not None and not args.quick:
        python_total = totals[("threads", 1)]
        rust_total = hotloop.sum_steps_holding_gil(0, TOTAL_STEPS)
        if rust_total != python_total:
            sys.exit(f"hotloop's total {rust_total} is not Python's {python_total}")

    lines = [HEADER]
    for name, _, steps, workers, _ in configurations:
        run_times = times[(name, workers)]
        single = times[(name, 1)]
        q1, median, q3 = quartiles(run_times)
        # Each round's n-worker run against the same round's one-worker run: a slow stretch of a
        # shared machine slows both, and their ratio less than either.
        s_q1, speedup, s_q3 = quartiles([one / many for one, many in zip(single, run_times)])
        throughput = steps / median
        print(
            f"{name:>18} x{workers}: {median:.3f} s ({q1:.3f}-{q3:.3f}), "
            f"speedup {speedup:.2f} ({s_q1:.2f}-{s_q3:.2f})",
            file=sys.stderr,
        )
        lines.append(
            f"python,{name},{workers},{steps},{len(run_times)},{median:.6f},{q1:.6f},{q3:.6f},"
            f"{throughput:.0f},{speedup:.3f},{s_q1:.3f},{s_q3:.3f},{cpu},{cores},{date}"
        )

    text = "\n".join(lines) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
