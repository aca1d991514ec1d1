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


def main():
    started = time.perf_counter()
    one_thread = sum(count_primes(*chunk(c)) for c in range(CHUNKS))
    alone = time.perf_counter() - started
    print(f"one thread:   {one_thread} primes in {alone * 1000:.0f} ms")

    counts = [0] * CHUNKS

    def work(c):
        counts[c] = count_primes(*chunk(c))

    threads = [threading.Thread(target=work, args=(c,)) for c in range(CHUNKS)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    together = time.perf_counter() - started
    total = sum(counts)
    print(f"{CHUNKS} threads:    {total} primes in {together * 1000:.0f} ms")
    # Only one thread runs Python code at a time: four take as long as one.
    print(f"speed-up: {alone / together:.1f}x")


if __name__ == "__main__":
    main()
