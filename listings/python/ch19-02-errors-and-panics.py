"""What Python sees when Rust returns an error, and when Rust panics."""

import hotloop

# A PyErr that the Rust function returns: an ordinary Python exception.
try:
    hotloop.sum_steps_releasing_gil(10, 0)
except ValueError as error:
    print(f"ValueError: {error}")

# An argument that does not fit the Rust type: PyO3 raises before the call.
try:
    hotloop.shares(100, -1)
except OverflowError as error:
    print(f"OverflowError: {error}")

# A panic: the Rust hook prints to stderr, then PyO3 raises PanicException.
try:
    try:
        hotloop.shares(100, 0)
    except Exception:
        print("never printed: a panic is not an Exception")
except BaseException as error:
    kind = type(error)
    print(f"{kind.__module__}.{kind.__name__}: {error}")
    print(f"its base class: {kind.__base__.__name__}")

print("the interpreter carries on")
