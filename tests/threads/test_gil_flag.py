# Threads in weft run with no GIL: sys._is_gil_enabled() stays False while threads run (also in the
# threads themselves). The CPU-bound spin loops below (each waits, without blocking, until every
# thread has counted) finish with or without a GIL; they check that busy threads all get to run.
# Differs from CPython 3.11 on purpose (3.11 has no sys._is_gil_enabled and always has a GIL), so
# weft's stdout is compared with test_gil_flag.expected instead of CPython's output.
import sys
import threading

fn = getattr(sys, "_is_gil_enabled", None)
print("gil enabled before threads:", fn() if fn is not None else "unknown")

N = 4
progress = [0] * N
flags = []
lock = threading.Lock()
def spin(i):
    # Count until every thread has counted at least once: needs all of them scheduled.
    while min(progress) == 0:
        progress[i] += 1
    with lock:
        flags.append(fn() if fn is not None else "unknown")
ts = [threading.Thread(target=spin, args=(i,)) for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("all threads progressed:", min(progress) > 0)
print("gil enabled in threads:", sorted(set(map(str, flags))))
print("gil enabled after threads:", fn() if fn is not None else "unknown")
