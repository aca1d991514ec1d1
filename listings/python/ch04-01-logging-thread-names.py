"""Logging from five named threads, each line with its thread's name."""

import logging
import sys
import threading

# logging writes to stderr unless told otherwise; the Rust one uses stdout.
logging.basicConfig(
    stream=sys.stdout,
    level=logging.INFO,
    format="%(levelname)s %(threadName)s %(message)s",
)


def worker(argument):
    logging.info("working argument=%d", argument)


def main():
    logging.info("starting workers")
    threads = [
        threading.Thread(target=worker, name=f"worker {i}", args=(i,))
        for i in range(5)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    logging.info("all workers joined")


if __name__ == "__main__":
    main()
