# Thread-scaling benchmark (b): function calls that build and index small tuples, lists and dicts.
# Usage: alloc.py [T] [N]. T threads each run N iterations (T x the work of one thread); only the
# threaded part is timed. Every object is allocated, read and freed by the thread that made it:
# this measures the allocator, the owner's refcount fast path and call overhead under threads.
import sys
import threading
import time

DEFAULT_N = 1_000_000


def make_record(i, seed):
    pair = (i, seed)
    items = [i, i + 1, pair]
    return {"id": i, "items": items, "pair": pair}


def score(record):
    items = record["items"]
    return record["id"] + items[1] + record["pair"][1] + len(items) + items[2][0]


def work(n, seed):
    total = 0
    for i in range(n):
        record = make_record(i, seed)
        total += score(record)
        if i % 3 == 0:
            total += len([i, seed]) + sum((i & 7, 1))
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
