"""A daemon thread is stopped where it is when the interpreter exits."""

import sys
import threading
import time


def say(line):
    # One write per line: print() writes the text and the newline apart,
    # and another thread's line can land between them (see chapter 4).
    sys.stdout.write(f"{line}\n")


def background():
    say("[background] start")
    for step in range(1, 4):
        time.sleep(0.1)
        say(f"[background] step {step} of 4")
    # The last step takes far longer than main waits.
    time.sleep(10)
    say("[background] step 4 of 4")
    say("[background] exit")


def main():
    threading.Thread(target=background, name="background", daemon=True).start()
    time.sleep(0.25)
    say("[main] end of main")
    # The interpreter exits now: it does not wait for daemon threads.


if __name__ == "__main__":
    main()
