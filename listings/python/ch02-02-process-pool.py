"""CPU-bound work spread over processes, each with its own GIL."""

from concurrent.futures import ProcessPoolExecutor


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def main():
    numbers = [i * 1_000_003 for i in range(1, 11)]
    # map hands the numbers to worker processes, yields results in order.
    with ProcessPoolExecutor() as pool:
        steps = list(pool.map(collatz_steps, numbers))
    for n, s in zip(numbers, steps):
        print(f"{n:>10} reaches 1 after {s} steps")


# Worker processes may import this file; the guard keeps main() from rerunning.
if __name__ == "__main__":
    main()
