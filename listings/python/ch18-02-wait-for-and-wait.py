"""wait_for cancels on timeout; wait(FIRST_COMPLETED) cancels nothing."""

import asyncio


async def silent(name):
    """A request whose reply never comes."""
    print(f"[{name}] waiting for a reply")
    try:
        await asyncio.get_running_loop().create_future()
    except asyncio.CancelledError:
        print(f"[{name}] cancelled")
        raise


async def quick():
    await asyncio.sleep(0.01)
    print("[quick] replying 2")
    return 2


async def main():
    try:
        await asyncio.wait_for(silent("silent 1"), timeout=0.03)
    except TimeoutError:
        print("[main] wait_for raised TimeoutError")

    tasks = [asyncio.create_task(silent("silent 2")),
             asyncio.create_task(quick())]
    done, pending = await asyncio.wait(
        tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"[main] first reply: {done.pop().result()}")
    # wait() left the others running: cancel them, and let them finish.
    for task in pending:
        task.cancel()
    await asyncio.wait(pending)


if __name__ == "__main__":
    asyncio.run(main())
