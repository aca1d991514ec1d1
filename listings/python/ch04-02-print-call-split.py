"""One print() call, and another thread's whole line inside it."""

import threading

halfway = threading.Event()
other_done = threading.Event()


class SecondHalf:
    """print() makes each argument text only when it gets to it; this one
    lets main print a line first."""

    def __str__(self):
        halfway.set()
        other_done.wait()
        return "second half"


def halves():
    # print() writes "first half," and " " before it calls str(SecondHalf()).
    print("[halves] first half,", SecondHalf())


def main():
    t = threading.Thread(target=halves)
    t.start()
    halfway.wait()
    print("[main] a whole line")
    other_done.set()
    t.join()


if __name__ == "__main__":
    main()
