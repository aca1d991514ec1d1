"""One thread waits for the lock, the other only tries."""

import sys
import threading
import time

TICK = 0.05


def say(line):
    # One write per line: print() writes the text and the newline apart,
    # and another thread's line can land between them (see chapter 4).
    sys.stdout.write(f"{line}\n")


def blocking(lock):
    say("[blocking] start")
    while True:
        time.sleep(TICK)
        with lock:
            say("[blocking] locked")
            time.sleep(TICK / 2)
            say("[blocking] unlocking")


def nonblocking(lock):
    say("[nonblocking] start")
    tries = successes = 0
    while successes < 3:
        time.sleep(TICK)
        tries += 1
        say("[nonblocking] trying")
        if lock.acquire(blocking=False):
            try:
                successes += 1
                say("[nonblocking] locked")
                say("[nonblocking] unlocking")
            finally:
                lock.release()
    say(f"[nonblocking] held the lock {successes} times in {tries} tries")


def main():
    lock = threading.Lock()
    # A daemon thread: it never ends; the interpreter stops it at exit.
    threading.Thread(
        target=blocking, name="blocking", args=(lock,), daemon=True
    ).start()
    t = threading.Thread(target=nonblocking, name="nonblocking", args=(lock,))
    t.start()
    t.join()


if __name__ == "__main__":
    main()
