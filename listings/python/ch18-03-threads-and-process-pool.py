"""A plain thread calls into the event loop; a process does the CPU work."""

import asyncio
import threading
from concurrent.futures import ProcessPoolExecutor


async def lookup(n):
    await asyncio.sleep(0.005)
    return n * 10


def remainders_sum(last):
    return sum(n % 7 for n in range(1, last + 1))


def plain(loop, queue):
    """A plain thread, such as one a blocking library calls you back on."""
    # Runs the coroutine on the loop's thread; result() waits for it here.
    future = asyncio.run_coroutine_threadsafe(lookup(4), loop)
    print(f"[plain] lookup(4) on the loop returned {future.result()}")
    print("[plain] sending 1, 2 and 3")
    for n in [1, 2, 3, None]:
        # Waits while the queue is full; None says there is no more.
        asyncio.run_coroutine_threadsafe(queue.put(n), loop).result()


async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue(maxsize=1)
    thread = threading.Thread(target=plain, args=(loop, queue))
    thread.start()
    while (n := await queue.get()) is not None:
        print(f"[main] received {n}")

    # CPU-bound work in a worker process; this coroutine waits at await.
    with ProcessPoolExecutor() as pool:
        total = await loop.run_in_executor(pool, remainders_sum, 1_000_000)
    print(f"[main] the worker process's sum: {total}")

    # join blocks, so it waits on a thread of the default executor.
    await asyncio.to_thread(thread.join)


# Worker processes may import this file; the guard keeps main() from rerunning.
if __name__ == "__main__":
    asyncio.run(main())
