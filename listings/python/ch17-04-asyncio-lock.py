"""A count with no lock, and an asyncio.Lock held across an await."""

import asyncio


class Connection:
    """Stands for a connection that takes one request at a time."""

    def __init__(self):
        self.requests = 0


async def main():
    hits = 0
    connection = Connection()
    # Held while awaiting the reply: an asyncio.Lock, taken with async with.
    connection_lock = asyncio.Lock()

    async def client():
        nonlocal hits
        # No other task runs until this one awaits: the count needs no lock.
        hits += 1

        # acquire() waits without blocking the event loop.
        async with connection_lock:
            connection.requests += 1
            n = connection.requests
            print(f"request {n} sent")
            await asyncio.sleep(0.01)  # the reply is on its way
            print(f"reply {n} received")

    tasks = [asyncio.create_task(client()) for _ in range(3)]
    for task in tasks:
        await task
    print(f"{hits} hits, {connection.requests} requests")


if __name__ == "__main__":
    asyncio.run(main())
