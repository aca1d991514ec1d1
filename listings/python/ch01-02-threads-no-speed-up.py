"""The same CPU-bound work on one thread and on four, under CPython's GIL."""

import threading
import time

LIMIT = 40_000
CHUNKS = 4


def count_primes(start, stop):
    """CPU-bound work: counts the primes in range(start, stop)."""
    count = 0
    for n in range(max(start, 2), stop):
        d = 2
        while d * d <= n and n % d:
            d += 1
        count += d * d > n
    return count


def chunk(c):
    return c * LIMIT // CHUNKS, (c + 1) * LIMIT // CHUNKS


def timed(work):
    """Runs work(); returns its result, the time it took, and how many cores
    the process kept busy meanwhile (CPU time over elapsed time)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return result, wall, cpu / wall


def one_thread():
    return sum(count_primes(*chunk(c)) for c in range(CHUNKS))


def four_threads():
    counts = [0] * CHUNKS

    def work(c):
        counts[c] = count_primes(*chunk(c))

    threads = [threading.Thread(target=work, args=(c,)) for c in range(CHUNKS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts)


PASSES = [("one thread:", one_thread), ("4 threads:", four_threads)]


def main():
    print(
        f"counting the primes below {LIMIT:,} on one thread, then on {CHUNKS}"
    )
    for label, work in PASSES:
        primes, wall, busy = timed(work)
        print(
            f"{label:<13} {primes} primes in {wall * 1000:.0f} ms, "
            f"{busy:.1f} cores busy"
        )
    # Only one thread runs Python code at a time: four threads keep no more
    # than one core busy, and take as long as one.


if __name__ == "__main__":
    main()
