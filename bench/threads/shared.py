# Thread-scaling benchmark (c): every thread reads the same read-mostly shared objects.
# Usage: shared.py [T] [N]. T threads each run N iterations (T x the work of one thread); only the
# threaded part is timed. Each iteration reads one shared dict (d[k], d.get, `in`), shared module
# constants (ints, a tuple of strings), calls one shared module-level function, calls a method of
# one shared instance (which reads its attribute) and reads one threading.local attribute. Nothing
# is written but locals and the thread's own threading.local slot: a runtime that writes to a
# shared cache line on these reads (refcounts of shared objects, a dict lock, a cache) scales badly.
import sys
import threading
import time

DEFAULT_N = 2_000_000

SCALE = 3
MODULUS = 1_000_003
NAMES = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta")
TABLE = {name: index * 7 + 1 for index, name in enumerate(NAMES)}


def mix(a, b):
    return (a * SCALE + b) % MODULUS


class Scaler:
    def __init__(self, factor):
        self.factor = factor

    def apply(self, x):
        return x * self.factor % MODULUS


SHARED = Scaler(5)
LOCAL = threading.local()


def work(n, seed):
    LOCAL.bias = seed + 1
    total = 0
    for i in range(n):
        name = NAMES[i & 7]
        value = TABLE[name]
        if name in TABLE:
            total += TABLE.get(name, 0)
        total += mix(value, i) + SHARED.apply(i) + LOCAL.bias
    return total


def main():
    threads_count = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    n = int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_N
    results = [0] * threads_count

    def runner(index):
        results[index] = work(n, index)

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(threads_count)]
    cpu_start = time.process_time()
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    print("threads %d work %d seconds %.6f cpu %.6f checksum %d" % (threads_count, n, elapsed, cpu, sum(results)))


main()
