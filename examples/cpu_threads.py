# cpu_threads.py — CPU-bound work in 1 thread vs N threads.
#
# The same N tasks run twice: one after another in a single thread, then each in its own thread.
# Under a GIL the threads take turns, so N threads take as long as the sequence; under weft's
# free threading they run on separate cores, so (with N <= cores) they take about as long as one
# task. Usage: cpu_threads.py [N]  (default: the number of CPUs)
import os
import sys
import threading
import time

WORK = 20_000_000


def cpu_task(n):
    # Pure Python arithmetic: no I/O, nothing shared, so only a GIL could serialize it.
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def run_sequential(tasks):
    start = time.perf_counter()
    results = [cpu_task(WORK) for _ in range(tasks)]
    return time.perf_counter() - start, results


def run_threaded(tasks):
    results = [None] * tasks

    def worker(index):
        results[index] = cpu_task(WORK)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(tasks)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, results


def default_threads():
    cpu_count = getattr(os, "cpu_count", None)
    count = cpu_count() if cpu_count is not None else None
    return count if count else 2


def implementation_name():
    implementation = getattr(sys, "implementation", None)
    return getattr(implementation, "name", "python")


def main():
    tasks = int(sys.argv[1]) if len(sys.argv) > 1 else default_threads()
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)
    gil = is_gil_enabled() if is_gil_enabled is not None else True
    cores = os.cpu_count() if hasattr(os, "cpu_count") else None
    print("%s %s, GIL %s, %s cores" % (implementation_name(), sys.version.split()[0],
                                       "enabled" if gil else "disabled", cores or "?"))
    print("%d CPU-bound tasks of %s loop iterations each" % (tasks, format(WORK, ",")))

    seq_time, seq_results = run_sequential(tasks)
    print("%-32s %6.2f s" % ("1 thread (tasks in sequence):", seq_time))
    thr_time, thr_results = run_threaded(tasks)
    print("%-32s %6.2f s" % ("%d threads (one task each):" % tasks, thr_time))
    if seq_results != thr_results:
        print("error: the threads computed different results")
        return 1
    print("speed-up: %.2fx" % (seq_time / thr_time))
    return 0


sys.exit(main())
