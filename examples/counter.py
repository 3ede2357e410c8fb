# counter.py — a shared counter incremented by N threads, without and with a lock.
#
# `counter += 1` is three steps (read, add, write back). Without a lock two threads can read the
# same value and both write value + 1, losing an increment; with free threading (no GIL) this is
# easy to see. A threading.Lock makes the read-add-write one step that no other thread can
# interleave, so the locked count is always exact. Usage: counter.py [N] [INCREMENTS]
import sys
import threading

counter = 0


def increment_unlocked(times):
    global counter
    for _ in range(times):
        counter += 1


def increment_locked(times, lock):
    global counter
    for _ in range(times):
        with lock:
            counter += 1


def run(threads_count, target, args):
    global counter
    counter = 0
    threads = [threading.Thread(target=target, args=args) for _ in range(threads_count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counter


def main():
    threads_count = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    times = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    expected = threads_count * times
    print("%d threads each add 1 to a shared counter %d times" % (threads_count, times))

    got = run(threads_count, increment_unlocked, (times,))
    lost = expected - got
    print("without a lock: expected %d, got %d (%s)" % (
        expected, got, "%d updates lost" % lost if lost else "no update lost this time"))

    got = run(threads_count, increment_locked, (times, threading.Lock()))
    print("with a Lock:    expected %d, got %d (%s)" % (
        expected, got, "exact" if got == expected else "WRONG"))
    return 0 if got == expected else 1


sys.exit(main())
