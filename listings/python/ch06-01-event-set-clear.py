"""Event.wait() returns True to every thread it was blocking, even if the
flag is cleared at once."""

import sys
import threading
import time

event = threading.Event()
# Held by main around set() and clear(): a woken waiter reads the flag after.
gate = threading.Lock()


def say(line):
    # One write per line: print() writes the text and the newline apart,
    # and another thread's line can land between them (see chapter 4).
    sys.stdout.write(f"{line}\n")


def waiter():
    returned = event.wait()
    with gate:
        name = threading.current_thread().name
        flag = event.is_set()
        say(f"[{name}] wait() returned {returned}; is_set() is {flag}")


def blocked_in_wait(thread):
    """Whether `thread` is in Event.wait's condition wait: set() wakes it."""
    frame = sys._current_frames().get(thread.ident)
    while frame is not None:
        if frame.f_code is threading.Condition.wait.__code__:
            return True
        frame = frame.f_back
    return False


def main():
    waiters = [
        threading.Thread(target=waiter, name=f"waiter {i}")
        for i in range(1, 4)
    ]
    for t in waiters:
        t.start()
    while not all(blocked_in_wait(t) for t in waiters):
        time.sleep(0.01)
    say("[main] three waiters are blocked in wait()")
    with gate:
        say("[main] set(), then clear() straight away")
        event.set()
        event.clear()
    for t in waiters:
        t.join()
    say(f"[main] all waiters returned; is_set() is {event.is_set()}")


if __name__ == "__main__":
    main()
