"""A blocking call in a coroutine stops the event loop; to_thread does not."""

import asyncio
import queue


async def ticker():
    for n in range(1, 7):
        print(f"[ticker] tick {n}")
        await asyncio.sleep(0.01)


async def sender(q):
    print("[sender] started; sending in 30 ms")
    await asyncio.sleep(0.03)
    print("[sender] sending 42")
    q.put(42)


async def main():
    ticking = asyncio.create_task(ticker())
    await asyncio.sleep(0.025)

    q = queue.Queue()  # blocks the thread that waits on it
    sending = asyncio.create_task(sender(q))

    print("[main] get(timeout=0.1) on the event loop's thread")
    try:
        q.get(timeout=0.1)
    except queue.Empty:
        print("[main] queue.Empty: no other task ran meanwhile")

    got = await asyncio.to_thread(q.get)
    print(f"[main] to_thread(get) returned {got}")
    await sending
    await ticking


if __name__ == "__main__":
    asyncio.run(main())
