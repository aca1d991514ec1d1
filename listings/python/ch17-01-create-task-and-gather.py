"""asyncio's tasks: create_task, gather, and awaiting a task's result."""

import asyncio
import time


async def fetch(name, ms):
    await asyncio.sleep(ms / 1000)
    return name.upper()


async def main():
    started = time.monotonic()
    alpha = asyncio.create_task(fetch("alpha", 30))
    beta = asyncio.create_task(fetch("beta", 10))
    print("created alpha and beta")

    # gather wraps each coroutine in a task; results keep the given order.
    gamma, delta = await asyncio.gather(fetch("gamma", 20), fetch("delta", 5))
    print(f"gather returned {gamma} and {delta}")

    print(f"the tasks returned {await alpha} and {await beta}")
    print(f"all four took {(time.monotonic() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    asyncio.run(main())
