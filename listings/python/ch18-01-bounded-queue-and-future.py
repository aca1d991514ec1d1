"""A bounded asyncio.Queue pushes back; an asyncio.Future carries a reply."""

import asyncio


async def serve(queue):
    total = 0
    while True:
        request = await queue.get()
        if request is None:
            break
        kind, value = request
        if kind == "add":
            print(f"[server] got {value}")
            await asyncio.sleep(0.01)  # the work
            total += value
        else:
            # A "total" request brings the future to answer on.
            value.set_result(total)
    print("[server] got None: no more requests")


async def main():
    # At most two requests wait in the queue.
    queue = asyncio.Queue(maxsize=2)
    server = asyncio.create_task(serve(queue))

    for n in range(1, 5):
        try:
            queue.put_nowait(("add", n))
        except asyncio.QueueFull:
            print(f"[main] queue full at {n}, waiting")
            # Back-pressure: put waits until the server makes room.
            await queue.put(("add", n))
        print(f"[main] sent {n}")

    reply = asyncio.get_running_loop().create_future()
    await queue.put(("total", reply))
    print(f"[main] total: {await reply}")
    # An asyncio.Queue cannot be closed before Python 3.13: say so in-band.
    await queue.put(None)
    await server


if __name__ == "__main__":
    asyncio.run(main())
