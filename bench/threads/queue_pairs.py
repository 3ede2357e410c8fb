# Thread-scaling benchmark (d): T producer/consumer pairs, each passing N items through its own
# queue.Queue. Usage: queue_pairs.py [T] [N]. 2*T threads; only the threaded part is timed. Pairs
# share nothing with each other, but within a pair both threads take the queue's lock and wait on
# its conditions: this measures Lock/Condition hand-offs (parking, wake-ups) and the deque.
# Note one pair already keeps two threads busy, so on a 2-core machine t(1)/t(2) is capped near 0.5.
import queue
import sys
import threading
import time

DEFAULT_N = 100_000
MAXSIZE = 256


def produce(q, n, seed):
    for i in range(n):
        q.put((i * 7 + seed) % 1009)
    q.put(None)


def consume(q, results, index):
    total = 0
    count = 0
    while True:
        item = q.get()
        if item is None:
            break
        total += item
        count += 1
    results[index] = total * 1_000_003 + count


def main():
    pairs = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    n = int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_N
    results = [0] * pairs
    threads = []
    for index in range(pairs):
        q = queue.Queue(MAXSIZE)
        threads.append(threading.Thread(target=consume, args=(q, results, index)))
        threads.append(threading.Thread(target=produce, args=(q, n, index)))
    cpu_start = time.process_time()
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    print("threads %d work %d seconds %.6f cpu %.6f checksum %d" % (pairs, n, elapsed, cpu, sum(results)))


main()
