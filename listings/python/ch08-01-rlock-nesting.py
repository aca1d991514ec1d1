"""A reentrant lock taken again by the thread that holds it."""

import sys
import threading
import time

lock = threading.RLock()
value = 0


def say(line):
    # One write per line: print() writes the text and the newline apart,
    # and another thread's line can land between them (see chapter 4).
    sys.stdout.write(f"{line}\n")


def set_value(new):
    global value  # without it, the assignment would make a local variable
    with lock:
        value = new
        say(f"[{threading.current_thread().name}] set to {new}")


def reverse():
    with lock:
        before = value
        say(f"[reverse] holding the lock, value is {before}")
        # set_value takes the lock again: an RLock lets its holder do so.
        set_value(1 - before)
        say(f"[reverse] reversed {before} -> {value}")


def setter(new):
    for _ in range(3):
        set_value(new)
        time.sleep(0.03)


def main():
    threads = [
        threading.Thread(target=setter, name="zero", args=(0,)),
        threading.Thread(target=setter, name="one", args=(1,)),
    ]
    for t in threads:
        t.start()
    time.sleep(0.04)
    threads.append(threading.Thread(target=reverse, name="reverse"))
    threads[-1].start()
    for t in threads:
        t.join()
    say(f"[main] final value {value}")


if __name__ == "__main__":
    main()
