# scatter_gather.py — split work across a ThreadPoolExecutor and gather the results.
#
# Each task works on its own chunk and returns its result; no thread writes shared state, so no
# lock is needed. executor.map() returns results in input order; submit() returns Futures, and
# as_completed() yields them as they finish (in any order), so results are gathered by key.
# Usage: scatter_gather.py [WORKERS]
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

LIMIT = 200_000
CHUNKS = 8


def count_primes(lo, hi):
    # Trial division: CPU-bound pure Python, independent per chunk.
    count = 0
    for n in range(max(lo, 2), hi):
        if n % 2 == 0:
            count += n == 2
            continue
        d = 3
        while d * d <= n:
            if n % d == 0:
                break
            d += 2
        else:
            count += 1
    return count


def chunk_bounds():
    step = LIMIT // CHUNKS
    return [(i * step, LIMIT if i == CHUNKS - 1 else (i + 1) * step) for i in range(CHUNKS)]


def main():
    workers = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    bounds = chunk_bounds()
    print("counting primes below %d in %d chunks with %d worker threads" % (LIMIT, CHUNKS, workers))

    start = time.perf_counter()
    sequential = [count_primes(lo, hi) for lo, hi in bounds]
    seq_time = time.perf_counter() - start

    with ThreadPoolExecutor(max_workers=workers) as executor:
        # 1. map: results come back in the order of the inputs.
        start = time.perf_counter()
        mapped = list(executor.map(count_primes, [lo for lo, _ in bounds], [hi for _, hi in bounds]))
        map_time = time.perf_counter() - start

        # 2. submit + as_completed: futures finish in any order; gather them by chunk index.
        futures = {executor.submit(count_primes, lo, hi): i for i, (lo, hi) in enumerate(bounds)}
        gathered = [None] * CHUNKS
        finished = 0
        for future in as_completed(futures):
            gathered[futures[future]] = future.result()
            finished += 1

    for i, (lo, hi) in enumerate(bounds):
        print("  [%6d, %6d): %5d primes" % (lo, hi, mapped[i]))
    print("total: %d primes (gathered %d futures with as_completed)" % (sum(mapped), finished))
    ok = mapped == sequential and gathered == sequential
    print("map and as_completed results match the sequential ones: %s" % ("yes" if ok else "NO"))
    print("time: sequential %.2f s, executor.map %.2f s" % (seq_time, map_time))
    return 0 if ok else 1


sys.exit(main())
