"""The two-event relay, acting on what wait() returned."""

import sys
import threading
import time

# How long a waiting thread waits before it reports, and waits again.
POLL = 0.1


def say(line):
    # One write per line: print() writes the text and the newline apart,
    # and another thread's line can land between them (see chapter 4).
    sys.stdout.write(f"{line}\n")


def first(e1, e2):
    # Loop on what wait() returned, not on a second look at the flag: the
    # answer and the action then come from the same moment.
    while not e1.wait(POLL):
        say("[first] e1 set? False")
    say("[first] e1 set? True")
    time.sleep(POLL)
    say("[first] setting e2")
    e2.set()
    say("[first] exit")


def second(e2):
    while not e2.wait(POLL):
        say("[second] e2 set? False")
    say("[second] e2 set? True")
    say("[second] exit")


def main():
    e1, e2 = threading.Event(), threading.Event()
    t1 = threading.Thread(target=first, name="first", args=(e1, e2))
    t2 = threading.Thread(target=second, name="second", args=(e2,))
    t1.start()
    t2.start()
    say("[main] waiting 450 ms")
    time.sleep(0.45)
    say("[main] setting e1")
    e1.set()
    t1.join()
    t2.join()
    say("[main] exit")


if __name__ == "__main__":
    main()
