"""Chapter 19's exercise: `hotloop.exercise.sum_after_gate` must let go of the GIL while it waits.

Run it with the Python of the virtual environment that `maturin develop` installed hotloop into:

    python extension/tests/test_sum_after_gate.py

Each check runs in a child process that is stopped after TIMEOUT seconds: a thread that holds
the GIL while it waits stops every other Python thread of its process, a watchdog thread too.
"""

import subprocess
import sys
import threading
import time
import unittest

# Far longer than a check takes (a tenth of a second), so that only a hang reaches it.
TIMEOUT = 10

# Steps to add up: a few milliseconds of work, enough to compare with hotloop's own sum.
STEPS = 2_000

# What the child prints at each stage, so that the parent can tell where it stopped.
READY, OPENED, DONE = "ready", "opened", "done"


def say(stage):
    print(stage, flush=True)


def child_open_gate_first():
    """Calls sum_after_gate on a gate that is already open: it must not wait at all."""
    import hotloop

    gate = hotloop.exercise.Gate()
    gate.open()
    say(READY)
    got = hotloop.exercise.sum_after_gate(gate, 0, STEPS)
    expected = hotloop.sum_steps_releasing_gil(0, STEPS)
    if got != expected:
        sys.exit(f"sum_after_gate(gate, 0, {STEPS}) returned {got}, not {expected}")
    empty = hotloop.exercise.sum_after_gate(gate, 5, 5)
    if empty != 0:
        sys.exit(f"sum_after_gate(gate, 5, 5) returned {empty}, not 0: no seed, no step")
    say(DONE)


def child_open_gate_while_waiting():
    """One thread calls sum_after_gate; this one opens the gate once that thread waits for it."""
    import hotloop

    gate = hotloop.exercise.Gate()
    outcome = {}

    def call():
        try:
            outcome["sum"] = hotloop.exercise.sum_after_gate(gate, 0, STEPS)
        except BaseException as error:  # PyO3 raises a Rust panic as a BaseException
            outcome["error"] = error

    waiter = threading.Thread(target=call, name="waiter")
    say(READY)
    waiter.start()
    # Open only once the waiter waits: opened earlier, it would not wait at all, and a GIL held
    # while waiting would go unseen. A waiter holding the GIL stops this loop for good.
    while gate.waiting == 0:
        if not waiter.is_alive():
            what = outcome.get("error", outcome.get("sum"))
            sys.exit(
                f"sum_after_gate ended before the gate was opened, with {what!r}: "
                "it must wait until another thread calls gate.open()"
            )
        time.sleep(0.001)
    gate.open()
    say(OPENED)
    waiter.join()
    if "error" in outcome:
        sys.exit(f"sum_after_gate raised {outcome['error']!r}")
    expected = hotloop.sum_steps_releasing_gil(0, STEPS)
    if outcome["sum"] != expected:
        sys.exit(f"sum_after_gate returned {outcome['sum']}, not {expected}")
    say(DONE)


CHILDREN = {f.__name__: f for f in (child_open_gate_first, child_open_gate_while_waiting)}


class SumAfterGate(unittest.TestCase):
    def run_child(self, name, on_hang):
        """Runs CHILDREN[name] in a new interpreter; fails with `on_hang(stages)` if it hangs."""
        try:
            ran = subprocess.run(
                [sys.executable, __file__, name],
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
            )
        except subprocess.TimeoutExpired as hung:
            ran = hung
        # Failing outside the `except` keeps the timeout's own traceback out of the report.
        if isinstance(ran, subprocess.TimeoutExpired):
            stages = decode(ran.stdout).split()
            self.fail(f"{on_hang(stages)} (the child process was stopped after {TIMEOUT} s)"
                      f"{shown(ran.stderr)}")
        if ran.returncode != 0 or ran.stdout.split()[-1:] != [DONE]:
            self.fail(f"the check failed in its child process (exit status {ran.returncode})"
                      f"{shown(ran.stderr)}")

    def test_returns_the_sum_once_the_gate_is_open(self):
        self.run_child(
            "child_open_gate_first",
            lambda stages: "sum_after_gate did not return, though the gate was open",
        )

    def test_waits_with_the_gil_released(self):
        def on_hang(stages):
            if OPENED in stages:
                return (
                    "the gate was opened, but sum_after_gate did not return: "
                    "its thread never saw the gate open"
                )
            if READY in stages:
                return (
                    "the GIL was held while waiting: the thread that opens the gate never "
                    "ran. sum_after_gate must let go of the GIL (py.detach) before it waits"
                )
            return "the test's child process hung before it started"

        self.run_child("child_open_gate_while_waiting", on_hang)


def decode(output):
    # On a timeout, what the child printed may come back as bytes even in text mode.
    if isinstance(output, bytes):
        return output.decode(errors="replace")
    return output or ""


def shown(stderr):
    stderr = decode(stderr).strip()
    return f", which printed:\n{stderr}" if stderr else ""


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] in CHILDREN:
        CHILDREN[sys.argv[1]]()
    else:
        unittest.main(verbosity=2)
