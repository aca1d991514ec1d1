"""Two pool threads call Rust at once, first holding the GIL, then not."""

import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait

import hotloop

STEPS = 60_000  # two shares of about 40 ms of hashing each
WORKERS = 2


def say(line):
    sys.stdout.write(f"{line}\n")  # one write; print() makes two (chapter 4)


def call_rust(sum_steps, ready, start, stop):
    me = threading.current_thread().name
    ready.wait()  # both workers call at the same moment
    say(f"[{me}] calls {sum_steps.__name__}")
    total = sum_steps(start, stop)
    say(f"[{me}] back from {sum_steps.__name__}")
    return total


def run(pool, sum_steps, label):
    say(f"[main] {sum_steps.__name__} on {WORKERS} threads")
    ready = threading.Barrier(WORKERS)
    wall, cpu = time.perf_counter(), time.process_time()
    futures = [
        pool.submit(call_rust, sum_steps, ready, start, stop)
        for start, stop in hotloop.shares(STEPS, WORKERS)
    ]
    # main is a Python thread too: it prints only when it gets the GIL.
    while wait(futures, timeout=0.01).not_done:
        say("[main] waiting")
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    total = sum(f.result() for f in futures) % 2**64  # Rust's wrapping sum
    say(
        f"[main] {label}: {cpu / wall:.1f} cores busy, "
        f"{wall * 1000:.0f} ms, total {total}"
    )


with ThreadPoolExecutor(WORKERS, thread_name_prefix="worker") as pool:
    run(pool, hotloop.sum_steps_holding_gil, "holding the GIL")
    run(pool, hotloop.sum_steps_releasing_gil, "releasing it")
