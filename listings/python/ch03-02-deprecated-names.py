"""Thread names, read the current way and the deprecated way."""

import threading
import warnings

# Python shows a DeprecationWarning by default only for code in __main__;
# ask for them outright, so they appear however the program is started.
warnings.simplefilter("default", DeprecationWarning)


def one_line(message, category, filename, lineno, line=None):
    # A warning names the file by its full path; the line number is enough
    # here, and the same on every machine.
    return f"line {lineno}: {category.__name__}: {message}\n"


warnings.formatwarning = one_line


def report():
    print(f"[{threading.current_thread().name}] running")


def main():
    print(f"main: name {threading.current_thread().name!r}")

    unnamed = threading.Thread(target=report)
    unnamed.start()
    unnamed.join()
    named = threading.Thread(target=report, name="reporter")
    named.start()
    named.join()

    # The camelCase spellings still work, and warn on stderr (Python 3.10+).
    name = threading.currentThread().getName()
    print(f"currentThread().getName(): {name!r}")
    old_style = threading.Thread(target=report, name="old style")
    old_style.setDaemon(True)
    print(f"isDaemon(): {old_style.isDaemon()}")
    event = threading.Event()
    print(f"isSet(): {event.isSet()}")


if __name__ == "__main__":
    main()
