"""A non-daemon thread keeps the interpreter alive after main ends."""

import sys
import threading
import time


def say(line):
    # One write per line: print() writes the text and the newline apart,
    # and another thread's line can land between them (see chapter 4).
    sys.stdout.write(f"{line}\n")


def worker():
    say("[worker] start")
    time.sleep(0.1)
    say("[worker] exit")


def main():
    # daemon=False is the default: the interpreter waits for this thread.
    threading.Thread(target=worker, name="worker").start()
    say("[main] end of main")


if __name__ == "__main__":
    main()
