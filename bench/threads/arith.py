# Thread-scaling benchmark (a): a pure arithmetic loop inside a function, per thread.
# Usage: arith.py [T] [N]. T threads each run the same loop of N iterations (T x the work of one
# thread); only the threaded part is timed. Small-int arithmetic on fast locals: no allocation and
# no refcount traffic, so nothing is shared between the threads but the code object.
import sys
import threading
import time

DEFAULT_N = 30_000_000


def work(n, seed):
    total = seed
    for i in range(n):
        total += i * i % 7
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
