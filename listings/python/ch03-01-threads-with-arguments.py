"""Five named threads, each given its own argument."""

import sys
import threading


def say(line):
    # One write per line: print() writes the text and the newline apart,
    # and another thread's line can land between them (see chapter 4).
    sys.stdout.write(f"{line}\n")


def worker(argument):
    say(f"[{threading.current_thread().name}] got argument {argument}")


def main():
    threads = [
        threading.Thread(target=worker, name=f"worker {i}", args=(i,))
        for i in range(5)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if __name__ == "__main__":
    main()
