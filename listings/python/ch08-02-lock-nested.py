"""Taking a lock again from the thread that holds it: Lock versus RLock."""

import threading


def nested(lock):
    with lock:
        # A timeout turns what would be a deadlock into an answer.
        if lock.acquire(timeout=0.1):
            lock.release()
            return "acquired again"
        return "timed out waiting for itself"


def main():
    print(f"Lock, nested acquire: {nested(threading.Lock())}")
    print(f"RLock, nested acquire: {nested(threading.RLock())}")


if __name__ == "__main__":
    main()
