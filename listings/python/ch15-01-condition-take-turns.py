"""Three threads take turns, waiting on one threading.Condition."""

import threading
import time

NAMES = ["a", "b", "c"]
ROUNDS = 2
# How long the work of one turn takes; it is done without the lock.
WORK = 0.02

# With n turns taken so far, turn n + 1 belongs to thread number n % 3.
# Read and written only inside `with turn_ended:`, holding its lock.
turns_taken = 0
turn_ended = threading.Condition()


def take_turns(me):
    global turns_taken
    name = NAMES[me]
    not_mine = 0
    for round_ in range(1, ROUNDS + 1):
        # Every line is printed under the lock, so the two writes of one
        # print() cannot be split by another thread's (see chapter 4).
        with turn_ended:
            # `while`, not `if`: every notify_all() wakes all the waiting
            # threads, and only one of them is next.
            while turns_taken % len(NAMES) != me:
                turn_ended.wait()
                if turns_taken % len(NAMES) != me:
                    not_mine += 1
            turn = turns_taken + 1
            print(f"[{name}] takes turn {turn}")
        time.sleep(WORK)
        with turn_ended:
            # Change the state first, then notify, both under the lock.
            turns_taken += 1
            print(f"[{name}] ends turn {turn}")
            if round_ == ROUNDS:
                print(f"[{name}] done; wake-ups for another thread's turn: "
                      f"{not_mine}")
            turn_ended.notify_all()


def main():
    # Started in reverse, so that `c` and `b` usually wait for `a`.
    threads = [
        threading.Thread(target=take_turns, name=NAMES[me], args=(me,))
        for me in reversed(range(len(NAMES)))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if __name__ == "__main__":
    main()
