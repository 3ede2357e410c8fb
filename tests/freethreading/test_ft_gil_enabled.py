# Covers sys._is_gil_enabled() on a default run: weft is free-threaded, so it returns False.
# Differs from CPython 3.11 on purpose (3.11 has no sys._is_gil_enabled and always has a GIL), so
# weft's stdout is compared with test_ft_gil_enabled.expected instead of CPython's output.
import sys
fn = getattr(sys, "_is_gil_enabled", None)
print("has _is_gil_enabled:", fn is not None)
print("gil enabled:", fn() if fn is not None else "unknown")
print("calls agree:", fn() == fn() if fn is not None else "unknown")
