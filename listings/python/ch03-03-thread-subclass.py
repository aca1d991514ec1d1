"""A threading.Thread subclass that loses its name, and one that keeps it."""

import sys
import threading


def say(line):
    # One write per line: print() writes the text and the newline apart,
    # and another thread's line can land between them (see chapter 4).
    sys.stdout.write(f"{line}\n")


class DropsName(threading.Thread):
    def __init__(self, name, argument):
        # The name is taken but never handed to Thread, which makes one up.
        super().__init__()
        self.argument = argument

    def run(self):
        say(f"[{self.name}] got argument {self.argument}")


class KeepsName(threading.Thread):
    def __init__(self, name, argument):
        super().__init__(name=name)
        self.argument = argument

    def run(self):
        say(f"[{self.name}] got argument {self.argument}")


def main():
    for cls in (DropsName, KeepsName):
        threads = [cls(f"worker {i}", i) for i in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()


if __name__ == "__main__":
    main()
